// When the client waits before a retry, and for how long: the backoff's schedule, the limits on it and
// the time it really waits; the Retry-After a server sends, the forms HTTP allows for it and the limits on
// the wait it asks for. Over loopback against the fault server, with the jitter's draw fixed where it counts.
import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createQualificationsClient,
  PartnerCenterError,
  type RetryEvent,
  type RetryOptions,
} from "../../src/client/index.js";
import { parseRetryAfter } from "../../src/client/retry.js";
import { reply } from "../support/fault-server.js";
import { APPROVED, PLACEHOLDER_TOKEN, TENANT, type TokenOptions, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const { server, client: clientWith } = useFaultServer({ accessToken: "timing-test-token", timeoutMs: 2_000 });
afterEach(() => {
  vi.restoreAllMocks();
});

/** A client whose retries are written down, and the waits they announced. */
function clientFor(retry: RetryOptions | false, options: Partial<TokenOptions> = {}) {
  const retries: RetryEvent[] = [];
  const client = clientWith({ retry, onRetry: (event) => void retries.push(event), ...options });
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

describe("the Retry-After a server sends: the wait it asks for, and the limits on it", () => {
  // Three retries, 10 to 20 ms apart.
  const RETRIES = { retries: 3, minDelayMs: 10, maxDelayMs: 20 };
  const header = (index: number, name: string) => server.received[index]!.headers[name.toLowerCase()];

  test("429 with Retry-After in seconds waits that long, even past maxDelayMs, then succeeds with the same ids", async () => {
    server.script(
      reply.json(
        429,
        { statusCode: 429, message: "Rate limit is exceeded. Try again in 1 seconds." },
        { "Retry-After": "1" },
      ),
      reply.json(200, APPROVED),
    );
    const started = performance.now();
    expect(await clientWith({ retry: RETRIES }).getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.received).toHaveLength(2);
    expect(header(1, "MS-RequestId")).toBe(header(0, "MS-RequestId"));
    expect(header(1, "MS-CorrelationId")).toBe(header(0, "MS-CorrelationId"));
  });

  test("429 with Retry-After as an HTTP date waits until then", async () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    server.script(
      reply.json(429, { statusCode: 429, message: "Rate limit is exceeded." }, { "Retry-After": inTwoSeconds }),
      reply.json(200, APPROVED),
    );
    const started = performance.now();
    expect(await clientWith({ retry: RETRIES }).getCustomerQualifications(TENANT)).toEqual(APPROVED);
    // HTTP dates have whole seconds, so the wait is between one and two seconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.received).toHaveLength(2);
  });

  test("a Retry-After beyond maxRetryAfterMs fails at once with the 429", async () => {
    server.script(
      reply.json(
        429,
        { statusCode: 429, message: "Rate limit is exceeded. Try again in 120 seconds." },
        { "Retry-After": "120" },
      ),
    );
    // maxElapsedMs would allow the wait: only the maxRetryAfterMs rule refuses it.
    const retry = { retries: 3, minDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 60_000, maxElapsedMs: 600_000 };
    const error = (await rejectionOf(clientWith({ retry }).getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect(error).toMatchObject({ kind: "http", status: 429, code: 429, retryAfter: 120 });
    expect(error.message).toContain("retry after 120 s");
    expect(server.received).toHaveLength(1);
  });

  test("a wait that would pass maxElapsedMs is not started", async () => {
    server.script(reply.json(503, { code: 503 }, { "Retry-After": "1" }));
    const error = await rejectionOf(
      clientWith({ retry: { retries: 3, maxElapsedMs: 500 } }).getCustomerQualifications(TENANT),
    );
    expect(error).toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
  });

  test("a Retry-After of 400 digits counts as 2^31 seconds, as HTTP caches read it", async () => {
    server.script(
      reply.json(429, { statusCode: 429, message: "Rate limit is exceeded." }, { "Retry-After": "9".repeat(400) }),
    );
    const error = (await rejectionOf(
      clientWith({ retry: false }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    expect(error.retryAfter).toBe(2 ** 31);
  });
});

describe("Retry-After: only the forms HTTP allows count, and throttled callers do not come back together", () => {
  test.each([
    "-1",
    "1.5",
    "0.5",
    "1, 2",
    "soon",
    "Mon, 01 Jan 2000 00:00:00",
    "2000-01-01T00:00:00Z",
    "x Mon, 01 Jan 2000 00:00:00 GMT",
    "Mon, 01 Jan 2000 00:00:00 GMT x",
  ])("a malformed Retry-After (%j) falls back to the backoff, never an instant retry", async (retryAfter) => {
    server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": retryAfter }), reply.json(200, APPROVED));
    const started = performance.now();
    expect(
      await clientWith({ retry: { retries: 1, minDelayMs: 300, maxDelayMs: 300 } }).getCustomerQualifications(TENANT),
    ).toEqual(APPROVED);
    // The backoff's floor, not the 0 ms of a date in 2000.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.received).toHaveLength(2);
  });

  test.each([
    ["a negative number", "-1"],
    // Date.parse reads both of these as dates; HTTP allows neither.
    ["a date after other text", "x Wed, 21 Oct 2015 07:28:00 GMT"],
    ["a date with text after it", "Wed, 21 Oct 2015 07:28:00 GMT junk"],
    // An IMF-fixdate's day name must be a day's, and the day one its month has.
    ["a day name that is no day's", "Xyz, 01 Jan 2099 00:00:00 GMT"],
    ["a day its month does not have", "Sat, 31 Feb 2099 00:00:00 GMT"],
  ])("a malformed Retry-After (%s) is not reported as retryAfter on the error", async (_case, value) => {
    server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": value }));
    expect(await rejectionOf(clientWith({ retry: false }).getCustomerQualifications(TENANT))).toMatchObject({
      status: 429,
      retryAfter: undefined,
    });
  });

  test("a valid Retry-After is a minimum, with up to minDelayMs of jitter on top", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.99);
    server.script(reply.json(429, { statusCode: 429 }, { "Retry-After": "1" }), reply.json(200, APPROVED));
    const started = performance.now();
    await clientWith({ retry: { retries: 1, minDelayMs: 400, maxDelayMs: 400 } }).getCustomerQualifications(TENANT);
    // 1 s from the server, and 0.99 × 400 ms of jitter: the callers the server throttled spread out.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_350);
  });

  test("with no jitter drawn, the wait is still the full Retry-After", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    server.script(reply.json(503, {}, { "Retry-After": "1" }), reply.json(200, APPROVED));
    const started = performance.now();
    await clientWith({ retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 } }).getCustomerQualifications(TENANT);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe("Retry-After, for any value fast-check finds", () => {
  const imfDate = fc
    .date({ min: new Date(Date.now() + 60_000), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((date) => date.toUTCString());
  // Near misses: what Date.parse reads, but HTTP does not allow.
  const malformed = fc.oneof(
    fc.integer({ min: -1e6, max: -1 }).map(String),
    fc
      .double({ min: 0, max: 1e6, noNaN: true })
      .filter((n) => !Number.isInteger(n))
      .map(String),
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}, ${b}`),
    fc.nat().map((n) => ` ${n}x`),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    imfDate.map((date) => date.replace(" GMT", "")),
    fc.string().filter((text) => !/^\d+$/.test(text)),
  );

  test("Retry-After: whole seconds and HTTP dates count, anything else is undefined", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e9 }), (seconds) => parseRetryAfter(String(seconds)) === seconds * 1000),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(imfDate, (date) => {
        const ms = parseRetryAfter(date)!;
        return ms >= 0 && Math.abs(Date.now() + ms - Date.parse(date)) < 5_000;
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(malformed, (value) => parseRetryAfter(value) === undefined),
      { numRuns: 500 },
    );
  });

  test("a Retry-After that says 'now' or is malformed never makes an instant retry: the wait keeps the backoff's floor", {
    timeout: 60_000,
  }, async () => {
    const minDelayMs = 20;
    const client = createQualificationsClient({
      baseUrl: server.url,
      accessToken: PLACEHOLDER_TOKEN,
      retry: { retries: 1, minDelayMs, maxDelayMs: minDelayMs },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant("0"),
          fc.date({ max: new Date(), noInvalidDate: true }).map((date) => date.toUTCString()),
          malformed,
        ),
        async (retryAfter) => {
          const times: number[] = [];
          const throttled = (_request: unknown, response: import("node:http").ServerResponse) => {
            times.push(performance.now());
            response.writeHead(429, { "Content-Type": "application/json", "Retry-After": retryAfter }).end("{}");
          };
          const approved = (_request: unknown, response: import("node:http").ServerResponse) => {
            times.push(performance.now());
            response.writeHead(200, { "Content-Type": "application/json" }).end("[]");
          };
          server.script(throttled, approved);
          expect(await client.getCustomerQualifications(TENANT)).toEqual([]);
          expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(minDelayMs - 2);
        },
      ),
      { numRuns: 40 },
    );
  });
});
