// startMock's options, in this process: static by default; the port, the seed, a clean engine after the readiness
// probe, and stop() ending Prism (test/mock/command.test.ts starts the static mock the same way). Every mock
// started here is stopped by its process id, also when a test fails.
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { examples } from "../../generated/examples.js";
import { createQualificationsClient } from "../../src/client/index.js";
import { freePort, startMock, type RunningMock } from "../../src/mock/index.js";
import { rejectionOf } from "../support/rejection.js";
import { TENANT } from "../support/harness.js";

const started: RunningMock[] = [];
afterEach(async () => {
  // stop() ends Prism by its process id, waits for its end and closes the engine's server; a no-op on one stopped already.
  for (const mock of started.splice(0)) await mock.stop();
});
const start = async (options: Parameters<typeof startMock>[0]) => {
  const mock = await startMock(options);
  started.push(mock);
  return mock;
};
const clientOf = (mock: RunningMock) =>
  createQualificationsClient({ baseUrl: mock.url, accessToken: "start-mock-token", retry: false });

test("stateful, on the port asked for, with the seed in place; stop() ends Prism and closes the port", {
  timeout: 45_000,
}, async () => {
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

test("static by default: Prism's examples on the port asked for, and no engine", { timeout: 45_000 }, async () => {
  const port = await freePort();
  const mock = await start({ port });
  expect(mock.url).toBe(`http://127.0.0.1:${port}`);
  expect(mock.engine).toBeUndefined();
  // Prism's first example of the call, where the stateful engine would answer its own (empty) codes.
  expect(await clientOf(mock).getValidationCodes()).toEqual(examples.getValidationCodes.responses[200].twoCodes);
});

test("the stateful mock starts from a clean engine: the readiness probe counts for no throttling", {
  timeout: 45_000,
}, async () => {
  const mock = await start({ stateful: true, throttleEvery: 2 });
  const client = clientOf(mock);
  // The first and second requests of the user: the second is the one throttled, not the first.
  expect(await client.getValidationCodes()).toEqual(expect.any(Array));
  expect(await rejectionOf(client.getValidationCodes())).toMatchObject({ kind: "http", status: 429 });
});

/** The TCP servers listening in this process, once the ones just closed are gone. */
async function listeningServers(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return process.getActiveResourcesInfo().filter((resource) => resource === "TCPServerWrap").length;
}

test("stateful, on a port already taken: the listen error, and the engine's server closed again", {
  timeout: 45_000,
}, async () => {
  const taken = createServer();
  await new Promise<void>((listening) => taken.listen(0, "127.0.0.1", listening));
  try {
    const before = await listeningServers();
    await expect(startMock({ stateful: true, port: (taken.address() as { port: number }).port })).rejects.toMatchObject(
      { code: "EADDRINUSE" },
    );
    expect(await listeningServers()).toBe(before);
  } finally {
    taken.close();
  }
});

test("stateful: when Prism dies, the engine's server closes with it", { timeout: 45_000 }, async () => {
  const before = await listeningServers();
  const mock = await start({ stateful: true });
  expect(await listeningServers()).toBe(before + 2); // the engine's server, and the guard in front of Prism
  process.kill(mock.pid, "SIGKILL");
  expect(await mock.died).toBe("SIGKILL");
  expect(await listeningServers()).toBe(before);
});

test.each([false, true])(
  "stdio is Prism's: its log goes where the caller says (stateful: %s)",
  { timeout: 45_000 },
  async (stateful) => {
    const log = join(mkdtempSync(join(tmpdir(), "prism-log-")), "prism.log");
    const fd = openSync(log, "w");
    try {
      const mock = await start({ stateful, stdio: ["ignore", fd, fd] });
      await mock.stop();
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(log, "utf8")).toMatch(/Prism is listening on http:\/\/127\.0\.0\.1:\d+/);
  },
);
