// Load, bounded in count and time, over loopback: many concurrent calls through one client.
import { afterAll, beforeAll, expect, test } from "vitest";
import { reply, type Reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";

const CALLS = 1_000;
const { server, client: clientFor } = useFaultServer({ retry: false, timeoutMs: 20_000 });
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

test(`${CALLS} concurrent calls: every one answered, none lost or doubled, no unhandled rejection`, {
  timeout: 30_000,
}, async () => {
  // Each answer names the request it answers, so a mixed-up or lost answer shows.
  const echo: Reply = (request, response) =>
    reply.json(200, [{ qualification: `for-${request.headers["ms-correlationid"]}` }])(request, response);
  server.script(...Array.from({ length: CALLS }, () => echo));
  const client = clientFor();
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
