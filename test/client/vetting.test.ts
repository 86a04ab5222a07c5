// waitForVetting polls the real GET over loopback until the qualification leaves InReview.
import { expect, test } from "vitest";
import type { CustomerQualification } from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const inReview = {
  qualification: "Education",
  vettingStatus: "InReview",
  vettingCreatedDate: "2020-12-03T10:37:38.885Z",
};
const soe = { qualification: "StateOwnedEntity" };

const { server, client } = useFaultServer({ retry: false });

test("polls until Education is decided, in either wire form, and reports every poll", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(
    reply.json(200, [soe]),
    reply.json(200, { qualifications: [inReview, soe] }),
    reply.json(200, [inReview]),
    reply.json(200, { qualifications: [soe, approved] }),
  );
  const polls: (CustomerQualification | undefined)[] = [];
  // A time limit lets the qualification appear after the first poll.
  const result = await client().waitForVetting(TENANT, "Education", {
    intervalMs: 5,
    timeoutMs: 60_000,
    onPoll: (qualification) => polls.push(qualification),
  });
  expect(result).toEqual(approved);
  expect(polls).toEqual([undefined, inReview, inReview, approved]);
  expect(server.received.every((request) => request.path === `/v1/customers/${TENANT}/qualifications`)).toBe(true);
});

test("without timeoutMs or a signal, a qualification missing from two polls fails: the wait would never end", async () => {
  server.script(reply.json(200, [soe]), reply.json(200, [soe]));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 5 }));
  expect(error).toMatchObject({
    kind: "invalid-argument",
    message:
      `waitForVetting(Education): the customer ${TENANT} does not have it after two polls, so the wait would never ` +
      "end; create it first, or give timeoutMs or a signal to wait for it to appear",
  });
  expect(server.received).toHaveLength(2);
});

test("the second look comes 2 s after the first poll at most, not after the whole interval", async () => {
  server.script(reply.json(200, [soe]), reply.json(200, [soe]));
  const lines: string[] = [];
  const error = await rejectionOf(
    client({ logger: (line) => lines.push(line) }).waitForVetting(TENANT, "Education", { intervalMs: 60_000 }),
  );
  expect(error.kind).toBe("invalid-argument");
  expect(lines.filter((line) => line.startsWith("waitForVetting"))).toEqual([
    "waitForVetting(Education): the qualification is not on the customer yet; the next poll in 2000 ms",
  ]);
});

test("a list that lags the create by one read, or a qualification that leaves the list, does not end the wait", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(...[[soe], [inReview], [soe], [soe], [approved]].map((body) => reply.json(200, body)));
  expect(await client().waitForVetting(TENANT, "Education", { intervalMs: 5 })).toEqual(approved);
  expect(server.received).toHaveLength(5);
});

test("a signal that can end the wait lets it wait for the qualification to appear", async () => {
  server.script(
    reply.json(200, [soe]),
    reply.json(200, [soe]),
    reply.json(200, [inReview]),
    reply.json(200, [soe, { ...inReview, vettingStatus: "Denied" }]),
  );
  const signal = new AbortController().signal;
  const decided = await client().waitForVetting(TENANT, "Education", { intervalMs: 5, signal });
  expect(decided.vettingStatus).toBe("Denied");
});

test("returns at once when the qualification is not in review, denied included", async () => {
  const denied = { ...inReview, vettingStatus: "Denied", vettingReason: "Not an Education Customer" };
  server.script(reply.json(200, [denied]));
  expect(await client().waitForVetting(TENANT, "Education", { intervalMs: 5 })).toEqual(denied);
  expect(server.received).toHaveLength(1);
});

/** The milliseconds a give-up message reports. */
const reported = (message: string) => Number(/gave up after (\d+) ms/.exec(message)?.[1]);

test("gives up with a timeout error after timeoutMs, reporting the time it waited", async () => {
  server.script(...Array.from({ length: 50 }, () => reply.json(200, [inReview])));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60 }));
  expect(error).toMatchObject({ kind: "timeout" });
  expect(error.message).toMatch(
    /^waitForVetting\(Education\) gave up after \d+ ms: the qualification is still InReview$/,
  );
  expect(reported(error.message)).toBeGreaterThanOrEqual(60);
  // It kept polling until the deadline rather than giving up after the first poll.
  expect(server.received.length).toBeGreaterThan(1);
});

test("an interval longer than the time left: it sleeps until the deadline, not gives up after one poll", async () => {
  server.script(reply.json(200, [inReview]), reply.json(200, [inReview]));
  const started = performance.now();
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 5_000, timeoutMs: 300 }));
  const waited = performance.now() - started;
  expect(error.kind).toBe("timeout");
  // It really waited for the deadline, reports what it waited, and did not sleep the whole interval.
  expect(reported(error.message)).toBeGreaterThanOrEqual(300);
  expect(reported(error.message)).toBeLessThanOrEqual(waited + 1);
  expect(waited).toBeLessThan(5_000);
});

test("a poll still running at the deadline is cut off there, not at the client's own time limit", async () => {
  server.script(reply.hang());
  const slowClient = client({ timeoutMs: 10_000 });
  const started = performance.now();
  const error = await rejectionOf(
    slowClient.waitForVetting(TENANT, "Education", { intervalMs: 5_000, timeoutMs: 300 }),
  );
  expect(error.message).toMatch(
    /^waitForVetting\(Education\) gave up after \d+ ms: the qualification is not on the customer yet$/,
  );
  // Long before the 10 s attempt limit would have ended the poll.
  expect(performance.now() - started).toBeLessThan(5_000);
});

test.each([
  ["a 503", reply.json(503, { code: 503, description: "busy" })],
  ["a 429", reply.json(429, { statusCode: 429 }, { "Retry-After": "0" })],
  ["a connection reset", reply.reset()],
])("a poll that fails with %s does not end the wait", async (_case, failure) => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(reply.json(200, [inReview]), failure, reply.json(200, [approved]));
  const polls: unknown[] = [];
  expect(
    await client().waitForVetting(TENANT, "Education", { intervalMs: 5, onPoll: (current) => polls.push(current) }),
  ).toEqual(approved);
  expect(server.received).toHaveLength(3);
  // onPoll hears of the polls that answered.
  expect(polls).toEqual([inReview, approved]);
});

test("a poll whose fetch fails on the network does not end the wait", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(reply.json(200, [inReview]), reply.json(200, [approved]));
  let calls = 0;
  const flaky: typeof fetch = (input, init) =>
    ++calls === 2 ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init);
  const flakyClient = client({ fetch: flaky });
  expect(await flakyClient.waitForVetting(TENANT, "Education", { intervalMs: 5 })).toEqual(approved);
  expect(calls).toBe(3);
});

test("a poll that runs out of its attempt's time limit does not end the wait", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(reply.hang(), reply.json(200, [approved]));
  const hasty = client({ timeoutMs: 100 });
  expect(await hasty.waitForVetting(TENANT, "Education", { intervalMs: 5 })).toEqual(approved);
  expect(server.received).toHaveLength(2);
});

test("polls that answer without the qualification: the give-up message says it is not on the customer yet", async () => {
  server.script(...Array.from({ length: 50 }, () => reply.json(200, [soe])));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60 }));
  expect(error.message).toMatch(
    /^waitForVetting\(Education\) gave up after \d+ ms: the qualification is not on the customer yet$/,
  );
  expect(server.received.length).toBeGreaterThan(1);
});

test("when the last poll failed, the give-up message says how", async () => {
  server.script(...Array.from({ length: 50 }, () => reply.json(503, { code: 503, description: "busy" })));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 60 }));
  expect(error.kind).toBe("timeout");
  expect(error.message).toMatch(
    new RegExp(
      `gave up after \\d+ ms: the last poll failed: GET /v1/customers/${TENANT}/qualifications failed with HTTP 503 \\(code 503\\): busy \\(1 attempt\\)$`,
    ),
  );
});

test("an abort by the caller is reported as aborted, not as the deadline", async () => {
  // Two hangs: on a loaded machine a poll the tests above gave up on mid-flight can still reach the
  // server now, and take the first reply.
  server.script(reply.hang(), reply.hang());
  const controller = new AbortController();
  const waiting = client().waitForVetting(TENANT, "Education", {
    intervalMs: 10,
    timeoutMs: 60_000,
    signal: controller.signal,
  });
  await expect.poll(() => server.received.length).toBeGreaterThanOrEqual(1);
  controller.abort();
  expect((await rejectionOf(waiting)).kind).toBe("aborted");
});

test("an already aborted signal polls nothing", async () => {
  server.script(reply.json(200, [inReview]));
  expect(
    (await rejectionOf(client().waitForVetting(TENANT, "Education", { signal: AbortSignal.abort(), timeoutMs: 1_000 })))
      .kind,
  ).toBe("aborted");
  expect(server.received).toEqual([]);
});

test("an abort during the wait between polls ends it at once", async () => {
  server.script(reply.json(200, [inReview]), reply.json(200, [inReview]));
  const controller = new AbortController();
  const waiting = client().waitForVetting(TENANT, "Education", { intervalMs: 60_000, signal: controller.signal });
  await expect.poll(() => server.received.length).toBe(1);
  controller.abort();
  const error = await rejectionOf(waiting);
  expect(error).toMatchObject({ kind: "aborted", message: "waitForVetting(Education) was aborted by the caller" });
  expect(server.received).toHaveLength(1);
});

test("an error from Partner Center ends the wait with that error", async () => {
  server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
  const error = await rejectionOf(client().waitForVetting(TENANT, "Education", { intervalMs: 5 }));
  expect(error).toMatchObject({ kind: "http", status: 404, code: 60003 });
});

test("a null among the qualifications of an unchecked answer is passed over, not read", async () => {
  const approved = { qualification: "Education", vettingStatus: "Approved" };
  server.script(reply.json(200, [null, approved]));
  const result = await client({ validateResponses: false }).waitForVetting(TENANT, "Education", { intervalMs: 5 });
  expect(result).toEqual(approved);
});
