// A call leaves nothing behind, however it ends: no listener of the client on the signals it was
// given, no timer running.
import { getEventListeners } from "node:events";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createQualificationsClient, type PartnerCenterClientError } from "../src/client/index.js";
import { reply, startFaultServer, type FaultServer, type Reply } from "./support/fault-server.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const APPROVED = [{ qualification: "Education", vettingStatus: "Approved" }];
const INREVIEW = [{ qualification: "Education", vettingStatus: "InReview" }];

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;

function clientFor(timeoutMs: number) {
  const client = createQualificationsClient({ baseUrl: server.url, accessToken: "cleanup-test-token", retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 }, timeoutMs });
  // The Request openapi-fetch builds for each call, whose signal follows the caller's: the transport listens to it.
  const requests: Request[] = [];
  client.raw.use({ onRequest: ({ request }) => void requests.push(request) });
  return { client, requests };
}

test.each<[string, Reply[], number, string]>([
  ["an answer", [reply.json(200, APPROVED)], 30_000, "answered"],
  ["an error answer", [reply.json(404, { code: 60003 })], 30_000, "http"],
  ["a retry, then an answer", [reply.json(503, {}), reply.json(200, APPROVED)], 30_000, "answered"],
  ["a reset on every attempt", [reply.reset(), reply.reset()], 30_000, "network"],
  ["a time-out on every attempt", [reply.hang(), reply.hang()], 100, "timeout"],
])("after %s, the request's signal has no listener left and no timer runs", async (_case, replies, timeoutMs, outcome) => {
  // A long time limit: a timer left behind would still be running when the call has ended.
  const { client, requests } = clientFor(30_000);
  server.script(reply.json(200, APPROVED));
  await client.getCustomerQualifications(TENANT);
  const before = timers();
  server.script(...replies);
  const ended = await client.getCustomerQualifications(TENANT, { signal: new AbortController().signal, timeoutMs }).then(
    () => "answered",
    (error: PartnerCenterClientError) => error.kind,
  );
  expect(ended).toBe(outcome);
  expect(server.received).toHaveLength(replies.length);
  expect(requests).toHaveLength(2);
  expect(getEventListeners(requests[1]!.signal, "abort")).toEqual([]);
  expect(timers()).toBeLessThanOrEqual(before);
});

test("after waitForVetting, the caller's signal has no listener left and no timer runs", async () => {
  const { client, requests } = clientFor(30_000);
  server.script(reply.json(200, INREVIEW), reply.json(200, APPROVED));
  const before = timers();
  const signal = new AbortController().signal;
  await client.waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60_000, signal });
  expect(requests).toHaveLength(2);
  expect(getEventListeners(signal, "abort")).toHaveLength(0);
  expect(timers()).toBeLessThanOrEqual(before);
});
