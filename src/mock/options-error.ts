/**
 * The one error for options the test kit cannot work with (startMock, createEngine, engine.seed,
 * createQualificationsHandlers), thrown when they are given, before anything starts.
 */
export class MockOptionsError extends TypeError {
  override name = "MockOptionsError";
}
