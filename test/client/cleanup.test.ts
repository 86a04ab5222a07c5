// A call leaves nothing behind, however it ends: no listener of the client on the signals it was
// given, no timer running.
import { getEventListeners } from "node:events";
import { expect, test } from "vitest";
import type { PartnerCenterClientError } from "../../src/client/index.js";
import { reply, type Reply } from "../support/fault-server.js";
import { APPROVED, TENANT, useFaultServer } from "../support/harness.js";

const INREVIEW = [{ qualification: "Education", vettingStatus: "InReview" }];

// A long time limit: a timer left behind would still be running when the call has ended.
const { server, client: clientFor } = useFaultServer({
  accessToken: "cleanup-test-token",
  retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 },
  timeoutMs: 30_000,
});

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

test.each<[string, Reply[], number, string]>([
  ["an answer", [reply.json(200, APPROVED)], 30_000, "answered"],
  ["an error answer", [reply.json(404, { code: 60003 })], 30_000, "http"],
  ["a retry, then an answer", [reply.json(503, {}), reply.json(200, APPROVED)], 30_000, "answered"],
  ["a reset on every attempt", [reply.reset(), reply.reset()], 30_000, "network"],
  ["a time-out on every attempt", [reply.hang(), reply.hang()], 100, "timeout"],
])(
  "after %s, the caller's signal has no listener left and no timer runs",
  async (_case, replies, timeoutMs, outcome) => {
    const client = clientFor();
    server.script(reply.json(200, APPROVED));
    await client.getCustomerQualifications(TENANT);
    const before = timers();
    server.script(...replies);
    const signal = new AbortController().signal;
    const ended = await client.getCustomerQualifications(TENANT, { signal, timeoutMs }).then(
      () => "answered",
      (error: PartnerCenterClientError) => error.kind,
    );
    expect(ended).toBe(outcome);
    expect(server.received).toHaveLength(replies.length);
    expect(getEventListeners(signal, "abort")).toEqual([]);
    expect(timers()).toBeLessThanOrEqual(before);
  },
);

test("after waitForVetting, the caller's signal has no listener left and no timer runs", async () => {
  const client = clientFor();
  server.script(reply.json(200, INREVIEW), reply.json(200, APPROVED));
  const before = timers();
  const signal = new AbortController().signal;
  await client.waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60_000, signal });
  expect(server.received).toHaveLength(2);
  expect(getEventListeners(signal, "abort")).toHaveLength(0);
  expect(timers()).toBeLessThanOrEqual(before);
});
