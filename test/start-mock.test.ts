// startMock's stateful options, in this process: the port, the seed, a clean engine after the readiness
// probe, and stop() ending Prism (test/command.test.ts starts the static mock the same way). Every mock
// started here is stopped by its process id, also when a test fails.
import { afterEach, expect, test } from "vitest";
import { createQualificationsClient } from "../src/client/index.js";
import { freePort, startMock, type RunningMock } from "../src/mock/index.js";
import { rejectionOf } from "./support/rejection.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";

const started: RunningMock[] = [];
afterEach(async () => {
  for (const mock of started.splice(0)) {
    try {
      process.kill(mock.pid);
    } catch {
      // stopped by the test already
    }
  }
});
const start = async (options: Parameters<typeof startMock>[0]) => {
  const mock = await startMock(options);
  started.push(mock);
  return mock;
};
const clientOf = (mock: RunningMock) => createQualificationsClient({ baseUrl: mock.url, accessToken: "start-mock-token", retry: false });

test("stateful, on the port asked for, with the seed in place; stop() ends Prism and closes the port", { timeout: 45_000 }, async () => {
  const port = await freePort();
  const seeded = { qualification: "StateOwnedEntity" };
  const mock = await start({ stateful: true, port, seed: { customers: { [TENANT]: [seeded] } } });
  expect(mock.url).toBe(`http://127.0.0.1:${port}`);
  expect(mock.engine).toBeDefined();
  expect(await clientOf(mock).getCustomerQualifications(TENANT)).toEqual([seeded]);
  await mock.stop();
  expect(() => process.kill(mock.pid, 0)).toThrow(/ESRCH/);
  await expect(fetch(`${mock.url}/`)).rejects.toThrow();
});

test("the stateful mock starts from a clean engine: the readiness probe counts for no throttling", { timeout: 45_000 }, async () => {
  const mock = await start({ stateful: true, throttleEvery: 2 });
  const client = clientOf(mock);
  // The first and second requests of the user: the second is the one throttled, not the first.
  expect(await client.getValidationCodes()).toEqual(expect.any(Array));
  expect(await rejectionOf(client.getValidationCodes())).toMatchObject({ kind: "http", status: 429 });
});
