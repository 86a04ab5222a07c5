import { expect } from "vitest";
import { PartnerCenterClientError } from "../../src/client/index.js";

/** The error a call rejects with, after checking that it is one of the client's own. */
export async function rejectionOf(promise: Promise<unknown>): Promise<PartnerCenterClientError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PartnerCenterClientError);
  return error as PartnerCenterClientError;
}
