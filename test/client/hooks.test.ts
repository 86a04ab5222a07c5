// The hooks see every attempt (raw calls included) and never the token; a hook that throws does not
// break the call. A call's own retry and timeoutMs replace the client's, and every error says how many
// attempts the call made. Over loopback, against the fault server.
import { afterEach, describe, expect, test, vi } from "vitest";
import type { AttemptEvent, ResponseEvent, RetryEvent } from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { APPROVED, TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const CORRELATION = "0f8fad5b-d9cb-469f-a165-70867728950e";

const { server, client: clientFor } = useFaultServer({
  accessToken: "hooks-test-token",
  retry: { retries: 3, minDelayMs: 10, maxDelayMs: 10 },
  timeoutMs: 2_000,
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Hooks that write down what they are told, in order. */
function recorder() {
  const events: (["request", AttemptEvent] | ["response", ResponseEvent] | ["retry", RetryEvent])[] = [];
  const hooks = {
    onRequest: (event: AttemptEvent) => void events.push(["request", event]),
    onResponse: (event: ResponseEvent) => void events.push(["response", event]),
    onRetry: (event: RetryEvent) => void events.push(["retry", event]),
  };
  return { events, hooks };
}

const path = `/v1/customers/${TENANT}/qualifications`;

describe("hooks", () => {
  test("each attempt is told: sent, answered, retried with the reason, the wait and Retry-After, then the next attempt", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    server.script(
      reply.json(429, { statusCode: 429 }, { "Retry-After": "0" }),
      reply.reset(),
      reply.json(200, APPROVED),
    );
    const { events, hooks } = recorder();
    expect(await clientFor(hooks).getCustomerQualifications(TENANT, { correlationId: CORRELATION })).toEqual(APPROVED);
    const requestId = server.received[0]!.headers["ms-requestid"];
    const ids = { method: "GET", url: `${server.url}${path}`, requestId, correlationId: CORRELATION };
    expect(events).toEqual([
      ["request", { ...ids, attempt: 1 }],
      ["response", { ...ids, attempt: 1, status: 429, durationMs: expect.any(Number) }],
      ["retry", { ...ids, attempt: 1, reason: "HTTP 429", status: 429, delayMs: 10, retryAfterMs: 0 }],
      ["request", { ...ids, attempt: 2 }],
      [
        "retry",
        {
          ...ids,
          attempt: 2,
          reason: expect.stringMatching(/^fetch failed/),
          status: undefined,
          delayMs: 10,
          retryAfterMs: undefined,
        },
      ],
      ["request", { ...ids, attempt: 3 }],
      ["response", { ...ids, attempt: 3, status: 200, durationMs: expect.any(Number) }],
    ]);
    expect(server.received).toHaveLength(3);
    // From sending to the end of the body: a few milliseconds on loopback, never negative or a timestamp.
    for (const [name, event] of events)
      if (name === "response")
        expect((event as ResponseEvent).durationMs).toSatisfy((ms: number) => ms >= 0 && ms < 10_000);
  });

  test("with no hooks given, nothing is reported", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(reported).not.toHaveBeenCalled();
  });

  test("a timed-out attempt is retried with the time limit as the reason", async () => {
    server.script(reply.hang(), reply.json(200, APPROVED));
    const { events, hooks } = recorder();
    await clientFor({ ...hooks, timeoutMs: 100 }).getCustomerQualifications(TENANT);
    expect(events.filter(([name]) => name === "retry").map(([, event]) => (event as RetryEvent).reason)).toEqual([
      "no complete answer within 100 ms",
    ]);
  });

  test("the Retry-After a retry waits for is reported", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      server.script(reply.json(503, {}, { "Retry-After": "57" }), reply.json(200, APPROVED));
      const { events, hooks } = recorder();
      const call = clientFor({
        ...hooks,
        retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 60_000 },
      }).getCustomerQualifications(TENANT);
      await vi.waitFor(() => expect(events.some(([name]) => name === "retry")).toBe(true), { timeout: 5_000 });
      const [, retry] = events.find(([name]) => name === "retry")!;
      expect(retry).toMatchObject({ status: 503, retryAfterMs: 57_000 });
      expect((retry as RetryEvent).delayMs).toBeGreaterThanOrEqual(57_000);
      await vi.advanceTimersByTimeAsync(58_000);
      expect(await call).toEqual(APPROVED);
    } finally {
      vi.useRealTimers();
    }
  });

  test("raw calls are told too", async () => {
    server.script(reply.json(200, []));
    const { events, hooks } = recorder();
    await clientFor(hooks).raw.GET("/v1/customers/all/validations");
    expect(events.map(([name, event]) => [name, event.url, event.attempt])).toEqual([
      ["request", `${server.url}/v1/customers/all/validations`, 1],
      ["response", `${server.url}/v1/customers/all/validations`, 1],
    ]);
  });

  test("a hook that throws, or whose promise rejects, is reported with console.error and ignored: the call goes on", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new Error("a bug in the hook");
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    const client = clientFor({
      onRequest: () => {
        throw bug;
      },
      onResponse: async () => {
        throw bug;
      },
      onRetry: () => Promise.reject(bug),
    });
    expect(await client.getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received).toHaveLength(2);
    // Two requests, two responses, one retry; the rejections are reported once they settle.
    await expect.poll(() => reported.mock.calls.length).toBe(5);
    expect(
      reported.mock.calls.every(
        ([message, error]) => message === "partner-center-qualifications: a hook threw:" && error === bug,
      ),
    ).toBe(true);
  });

  test("a hook that throws on a failing call leaves the call's own error as it is", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
    const error = await rejectionOf(
      clientFor({
        onResponse: () => {
          throw new Error("hook");
        },
      }).getCustomerQualifications(TENANT),
    );
    expect(error).toMatchObject({ kind: "http", status: 404, code: 60003 });
  });
});

describe("a call's own retry and timeoutMs", () => {
  test("retry: false on the call makes one attempt where the client retries", async () => {
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    expect(await rejectionOf(clientFor().getCustomerQualifications(TENANT, { retry: false }))).toMatchObject({
      status: 503,
      attempts: 1,
    });
    expect(server.received).toHaveLength(1);
  });

  test("retry on the call adds retries to a client that makes one attempt", async () => {
    server.script(reply.json(503, {}), reply.json(503, {}), reply.json(200, APPROVED));
    const client = clientFor({ retry: false });
    expect(
      await client.getCustomerQualifications(TENANT, { retry: { retries: 2, minDelayMs: 10, maxDelayMs: 10 } }),
    ).toEqual(APPROVED);
    expect(server.received).toHaveLength(3);
  });

  test("each retry field the call gives replaces the client's, and only that one", async () => {
    server.script(...Array.from({ length: 4 }, () => reply.json(503, {})));
    // The client's waits of 10 ms stay; its 3 retries become 1.
    expect(await rejectionOf(clientFor().getCustomerQualifications(TENANT, { retry: { retries: 1 } }))).toMatchObject({
      status: 503,
      attempts: 2,
    });
    expect(server.received).toHaveLength(2);
  });

  test("timeoutMs on the call replaces the client's", async () => {
    server.script(reply.hang());
    const error = await rejectionOf(
      clientFor({ timeoutMs: 15_000, retry: false }).createCustomerQualification(
        TENANT,
        { qualification: "StateOwnedEntity" },
        { timeoutMs: 100 },
      ),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("within 100 ms");
  });

  test("options set to undefined take their defaults, as if left out", async () => {
    server.script(...Array.from({ length: 4 }, () => reply.json(503, {})));
    const client = clientFor({
      retry: { retries: undefined, minDelayMs: 10, maxDelayMs: 10 },
      timeoutMs: undefined,
      headers: undefined,
      onRequest: undefined,
    });
    // The default: 3 retries.
    expect(
      await rejectionOf(
        client.getCustomerQualifications(TENANT, {
          retry: { retries: undefined },
          signal: undefined,
          timeoutMs: undefined,
        }),
      ),
    ).toMatchObject({ attempts: 4 });
    expect(server.received).toHaveLength(4);
  });
});

describe("every error says how many attempts the call made", () => {
  test.each([
    [
      "an HTTP error after the retries",
      [503, 503, 503, 503].map((status) => reply.json(status, { code: status })),
      "http",
      4,
    ],
    ["an HTTP error not retried", [reply.json(404, { code: 60003 })], "http", 1],
    ["network failures", [reply.reset(), reply.reset(), reply.reset(), reply.reset()], "network", 4],
    ["an answer that breaks the contract", [reply.json(200, [{ qualification: 5 }])], "invalid-response", 1],
    ["an answer too large", [reply.chunked(200, 2_000)], "response-too-large", 1],
  ])("%s", async (_case, replies, kind, attempts) => {
    server.script(...replies);
    const error = await rejectionOf(clientFor({ maxResponseBytes: 1_000 }).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind, attempts });
    expect(error.message).toMatch(new RegExp(` \\(${attempts} attempts?\\)$`));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ attempts });
  });

  test("a call cancelled before it sent anything made 0 attempts; one cancelled while it waited to retry, 1", async () => {
    server.script();
    expect(
      await rejectionOf(clientFor().getCustomerQualifications(TENANT, { signal: AbortSignal.abort() })),
    ).toMatchObject({ kind: "aborted", attempts: 0, message: `GET ${path} was aborted by the caller (0 attempts)` });
    server.script(reply.json(503, {}, { "Retry-After": "30" }));
    const controller = new AbortController();
    const call = clientFor({ retry: { retries: 1, maxRetryAfterMs: 60_000 } }).getCustomerQualifications(TENANT, {
      signal: controller.signal,
    });
    await expect.poll(() => server.received.length).toBe(1);
    controller.abort();
    expect(await rejectionOf(call)).toMatchObject({
      kind: "aborted",
      attempts: 1,
      requestId: server.received[0]!.headers["ms-requestid"],
    });
  });

  test("a token error counts the attempt it ended", async () => {
    const error = await rejectionOf(clientFor({ accessToken: () => "" }).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "token", attempts: 1 });
  });

  test("an argument refused before the call started has no count", async () => {
    const error = await rejectionOf(clientFor().getCustomerQualifications("not-a-guid"));
    expect(error).toMatchObject({ kind: "invalid-argument", attempts: undefined });
    expect(error.message).not.toMatch(/attempt/);
  });
});
