// Load, bounded in count and time, over loopback: many concurrent calls through one client.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createQualificationsClient } from "../../src/client/index.js";
import { reply, startFaultServer, type FaultServer, type Reply } from "../support/fault-server.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const CALLS = 1_000;
let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startFaultServer();
  process.on("unhandledRejection", onUnhandled);
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await server.close();
});

test(`${CALLS} concurrent calls: every one answered, none lost or doubled, no unhandled rejection`, {
  timeout: 30_000,
}, async () => {
  // Each answer names the request it answers, so a mixed-up or lost answer shows.
  const echo: Reply = (request, response) =>
    reply.json(200, [{ qualification: `for-${request.headers["ms-correlationid"]}` }])(request, response);
  server.script(...Array.from({ length: CALLS }, () => echo));
  const client = createQualificationsClient({
    baseUrl: server.url,
    accessToken: "token",
    retry: false,
    timeoutMs: 20_000,
  });
  const ids = Array.from({ length: CALLS }, () => crypto.randomUUID());
  const results = await Promise.allSettled(
    ids.map((correlationId) => client.getCustomerQualifications(TENANT, { correlationId })),
  );
  expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  results.forEach((result, index) =>
    expect(result).toEqual({ status: "fulfilled", value: [{ qualification: `for-${ids[index]}` }] }),
  );
  expect(server.received).toHaveLength(CALLS);
  expect(new Set(server.received.map((request) => request.headers["ms-requestid"])).size).toBe(CALLS);
  await new Promise((settle) => setTimeout(settle, 50)); // let any stray rejection surface
  expect(unhandled).toEqual([]);
});
