// When the client waits before a retry, and for how long: the backoff's schedule, the limits on it and
// the time it really waits, over loopback against the fault server, with the jitter's draw fixed.
import { afterEach, expect, test, vi } from "vitest";
import type { RetryEvent, RetryOptions } from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { APPROVED, TENANT, type TokenOptions, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const { server, client: timingClient } = useFaultServer({ accessToken: "timing-test-token", timeoutMs: 2_000 });
afterEach(() => {
  vi.restoreAllMocks();
});

/** A client whose retries are written down, and the waits they announced. */
function clientFor(retry: RetryOptions | false, options: Partial<TokenOptions> = {}) {
  const retries: RetryEvent[] = [];
  const client = timingClient({ retry, onRetry: (event) => void retries.push(event), ...options });
  return { client, retries, delays: () => retries.map((event) => event.delayMs) };
}

const busy = (count: number) => Array.from({ length: count }, () => reply.json(503, { code: 503 }));

test("the ceiling of the backoff doubles per retry from minDelayMs, and each wait is drawn between minDelayMs and it", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  server.script(...busy(4));
  const { client, delays } = clientFor({ retries: 3, minDelayMs: 10, maxDelayMs: 1_000 });
  const started = performance.now();
  expect(await rejectionOf(client.getCustomerQualifications(TENANT))).toMatchObject({ status: 503, attempts: 4 });
  // Ceilings 20, 40 and 80 ms; halfway between 10 ms and each.
  expect(delays()).toEqual([15, 25, 45]);
  // The waits announced are the waits made (a timer may fire a millisecond early).
  expect(performance.now() - started).toBeGreaterThanOrEqual(15 + 25 + 45 - 3);
});

test("the ceiling stops at maxDelayMs", async () => {
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  server.script(...busy(4));
  const { client, delays } = clientFor({ retries: 3, minDelayMs: 10, maxDelayMs: 30 });
  await rejectionOf(client.getCustomerQualifications(TENANT));
  // Ceilings 20, then 30 and 30 rather than 40 and 80.
  expect(delays()).toEqual([15, 20, 20]);
});

test("the draws span the whole range: the least wait is minDelayMs, the greatest the ceiling", async () => {
  const random = vi.spyOn(Math, "random").mockReturnValue(0);
  server.script(...busy(2));
  const least = clientFor({ retries: 1, minDelayMs: 40, maxDelayMs: 1_000 });
  await rejectionOf(least.client.getCustomerQualifications(TENANT));
  random.mockReturnValue(1);
  server.script(...busy(2));
  const greatest = clientFor({ retries: 1, minDelayMs: 40, maxDelayMs: 1_000 });
  await rejectionOf(greatest.client.getCustomerQualifications(TENANT));
  expect([least.delays(), greatest.delays()]).toEqual([[40], [80]]);
});

test.each([0, 0.999])(
  "a call's minDelayMs above the client's maxDelayMs waits maxDelayMs, never less or more (draw %d)",
  async (draw) => {
    vi.spyOn(Math, "random").mockReturnValue(draw);
    server.script(...busy(2));
    const { client, delays } = clientFor({ retries: 1, minDelayMs: 10, maxDelayMs: 20 });
    await rejectionOf(client.getCustomerQualifications(TENANT, { retry: { minDelayMs: 500 } }));
    expect(delays()).toEqual([20]);
  },
);

test.each([
  [0, 1_000],
  [0.5, 1_020],
])(
  "a Retry-After is the least wait, with jitter of up to minDelayMs on top, whatever the ceiling (draw %d)",
  async (draw, delayMs) => {
    vi.spyOn(Math, "random").mockReturnValue(draw);
    server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": "1" }), reply.json(200, APPROVED));
    // A Retry-After of exactly maxRetryAfterMs is waited for.
    const { client, retries } = clientFor({ retries: 1, minDelayMs: 40, maxDelayMs: 50, maxRetryAfterMs: 1_000 });
    const started = performance.now();
    expect(await client.getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(retries).toMatchObject([{ status: 429, retryAfterMs: 1_000, delayMs }]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(delayMs - 3);
  },
);

test("retries: 0 makes one attempt and announces no retry", async () => {
  server.script(...busy(2));
  const { client, retries } = clientFor({ retries: 0, minDelayMs: 10, maxDelayMs: 10 });
  expect(await rejectionOf(client.getCustomerQualifications(TENANT))).toMatchObject({ status: 503, attempts: 1 });
  expect(retries).toEqual([]);
  expect(server.received).toHaveLength(1);
});

test("maxRetryAfterMs: 0 refuses any Retry-After but an immediate one", async () => {
  server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": "1" }));
  const refusing = clientFor({ retries: 1, minDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 0 });
  expect(await rejectionOf(refusing.client.getCustomerQualifications(TENANT))).toMatchObject({
    status: 429,
    attempts: 1,
  });
  server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": "0" }), reply.json(200, APPROVED));
  const immediate = clientFor({ retries: 1, minDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 0 });
  expect(await immediate.client.getCustomerQualifications(TENANT)).toEqual(APPROVED);
});

test("maxElapsedMs counts the time the attempts took, not only the waits", async () => {
  // Each attempt times out after 300 ms: a second attempt fits in 600 ms, a third does not.
  server.script(reply.hang(), reply.hang(), reply.hang(), reply.hang());
  const { client, retries } = clientFor(
    { retries: 3, minDelayMs: 10, maxDelayMs: 10, maxElapsedMs: 600 },
    { timeoutMs: 300 },
  );
  expect(await rejectionOf(client.getCustomerQualifications(TENANT))).toMatchObject({ kind: "timeout", attempts: 2 });
  expect(retries).toHaveLength(1);
});

test("maxElapsedMs: 0 makes one attempt", async () => {
  server.script(...busy(2));
  const { client } = clientFor({ retries: 3, minDelayMs: 10, maxDelayMs: 10, maxElapsedMs: 0 });
  expect(await rejectionOf(client.getCustomerQualifications(TENANT))).toMatchObject({ status: 503, attempts: 1 });
});
