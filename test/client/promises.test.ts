// What the client promises under attack, over loopback against servers that misbehave on purpose:
// cancelling ends a call at once, whatever it waits for (an answer, a retry, the token function); time
// limits cover the token function; answers have a size limit; redirects are not followed; and the token
// does not travel over plain http to another machine.
import { gzipSync } from "node:zlib";
import { describe, expect, test, vi } from "vitest";
import { createQualificationsClient, PartnerCenterError } from "../../src/client/index.js";
import { reply, type Reply } from "../support/fault-server.js";
import { APPROVED, TENANT, type TokenOptions, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const SOE = { qualification: "StateOwnedEntity" } as const;
const { server, client: clientFor } = useFaultServer({ retry: false, timeoutMs: 5_000 });
// Another origin, where a redirect may point.
const elsewhere = useFaultServer().server;
// A client that retries: three times, 10 to 20 ms apart, each attempt within 2 s.
const RETRYING: Partial<TokenOptions> = { retry: { retries: 3, minDelayMs: 10, maxDelayMs: 20 }, timeoutMs: 2_000 };

/** A token function that answers after `ms` and records what it was given and whether it got that far. */
function slowToken(ms: number) {
  const state = {
    called: false,
    signal: undefined as AbortSignal | undefined,
    answered: false,
    settled: Promise.resolve(),
  };
  // The options are optional only so that this test fails for the right reason on a client that passes none.
  const accessToken = (options?: { signal: AbortSignal }) => {
    state.called = true;
    state.signal = options?.signal;
    const answer = new Promise<string>((resolve) =>
      setTimeout(() => {
        state.answered = true;
        resolve("slow-token");
      }, ms),
    );
    state.settled = answer.then(() => undefined);
    return answer;
  };
  return { state, accessToken };
}

describe("cancelling", () => {
  test("an abort from onRetry ends the call before its wait begins", async () => {
    const controller = new AbortController();
    server.script(reply.json(503, { code: 503 }), reply.json(200, APPROVED));
    const client = clientFor({
      retry: { retries: 1, minDelayMs: 60_000, maxDelayMs: 60_000, maxElapsedMs: 120_000 },
      onRetry: () => controller.abort(),
    });
    const call = client.getCustomerQualifications(TENANT, { signal: controller.signal });
    await expect(call).rejects.toMatchObject({ kind: "aborted" });
    expect(server.received).toHaveLength(1);
  });

  test("an abort during a backoff wait ends the call at once", async () => {
    server.script(reply.json(503, { code: 503 }, { "Retry-After": "30" }), reply.json(200, APPROVED));
    const controller = new AbortController();
    const call = clientFor({ ...RETRYING, retry: { retries: 3 } }).getCustomerQualifications(TENANT, {
      signal: controller.signal,
    });
    await expect.poll(() => server.received.length).toBe(1);
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(call);
    expect(error.kind).toBe("aborted");
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
  });

  test("an abort while waiting for the answer ends the call at once, without a retry", async () => {
    server.script(reply.hang(), reply.json(200, APPROVED));
    const controller = new AbortController();
    // An attempt limit far beyond the test's own: only the abort can end this call in time.
    const call = clientFor({ ...RETRYING, timeoutMs: 600_000 }).getCustomerQualifications(TENANT, {
      signal: controller.signal,
    });
    await expect.poll(() => server.received.length).toBe(1);
    const abortedAt = performance.now();
    controller.abort();
    expect((await rejectionOf(call)).kind).toBe("aborted");
    // A generous hang guard, not a timing goal: the call ended because of the abort, not a timer.
    expect(performance.now() - abortedAt).toBeLessThan(5_000);
    expect(server.received).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    server.script();
    const error = await rejectionOf(
      clientFor(RETRYING).getCustomerQualifications(TENANT, { signal: AbortSignal.abort() }),
    );
    expect(error.kind).toBe("aborted");
    expect(server.received).toHaveLength(0);
  });
});

describe("cancelling covers the token function", () => {
  test("an abort while the token function runs ends the call at once with aborted, and nothing is sent, then or later", async () => {
    server.script(reply.json(201, SOE));
    const { state, accessToken } = slowToken(1_000);
    const controller = new AbortController();
    const call = clientFor({ accessToken }).createCustomerQualification(TENANT, SOE, { signal: controller.signal });
    await expect.poll(() => state.called).toBe(true);
    controller.abort();
    const error = await rejectionOf(call);
    expect(error.kind).toBe("aborted");
    // At once: before the token function would have answered.
    expect(state.answered).toBe(false);
    // The token function was told, so it can stop its own request.
    expect(state.signal?.aborted).toBe(true);
    await state.settled;
    expect(server.received).toEqual([]);
  });
});

describe("time limits cover a fetch and a body that do not listen to the signal", () => {
  const deaf = {
    "a fetch that never settles": async () => new Promise<Response>(() => {}),
    "a body that never ends": async () =>
      new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
        headers: { "Content-Type": "application/json" },
      }),
  };
  test.each(Object.keys(deaf) as (keyof typeof deaf)[])(
    "%s: the attempt times out, and the GET is retried",
    async (name) => {
      let attempts = 0;
      const fetch = (() => (attempts++, deaf[name]())) as typeof globalThis.fetch;
      const client = createQualificationsClient({
        accessToken: "t",
        fetch,
        timeoutMs: 50,
        retry: { retries: 1, minDelayMs: 10 },
      });
      const error = await rejectionOf(client.getCustomerQualifications(TENANT));
      expect(error).toMatchObject({
        kind: "timeout",
        message: expect.stringContaining("no complete answer within 50 ms"),
      });
      expect(attempts).toBe(2);
    },
  );
});

describe("time limits cover the token function", () => {
  test("a token function that never settles ends the attempt as a token error after timeoutMs, and nothing is sent", async () => {
    server.script(reply.json(200, APPROVED));
    let given: AbortSignal | undefined;
    const accessToken = (options?: { signal: AbortSignal }) => {
      given = options?.signal;
      return new Promise<string>(() => {});
    };
    const error = await rejectionOf(clientFor({ accessToken, timeoutMs: 100 }).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({
      kind: "token",
      message: `GET /v1/customers/${TENANT}/qualifications got no access token within 100 ms (1 attempt)`,
    });
    expect(given?.aborted).toBe(true);
    expect(server.received).toEqual([]);
  });

  test("a slow token function is held to timeoutMs, whatever the retries allow, and is not retried", async () => {
    server.script(reply.json(200, APPROVED));
    const { state, accessToken } = slowToken(1_000);
    const client = clientFor({ accessToken, timeoutMs: 100, retry: { retries: 3, minDelayMs: 10, maxDelayMs: 10 } });
    const error = await rejectionOf(client.getCustomerQualifications(TENANT));
    expect(error.kind).toBe("token");
    expect(state.answered).toBe(false);
    await state.settled;
    expect(server.received).toEqual([]);
  });

  test("a token function in time leaves the rest of the attempt its time limit", async () => {
    server.script(reply.json(200, APPROVED));
    const { accessToken } = slowToken(20);
    expect(await clientFor({ accessToken, timeoutMs: 2_000 }).getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received[0]!.headers.authorization).toBe("Bearer slow-token");
  });
});

describe("the size limit on answers", () => {
  const LIMIT = 1_000;
  const limited = (options: Partial<TokenOptions> = {}) => clientFor({ maxResponseBytes: LIMIT, ...options });

  test.each([
    ["sent in chunks", reply.chunked(200, LIMIT)],
    [
      "with a Content-Length of exactly the limit",
      reply.text(200, `[${" ".repeat(LIMIT - 2)}]`, "application/json", { "Content-Length": String(LIMIT) }),
    ],
  ])("an answer of exactly maxResponseBytes is read (%s)", async (_case, answer) => {
    server.script(answer);
    expect(await limited().getCustomerQualifications(TENANT)).toEqual([]);
  });

  // A gzip bomb: small on the wire, a hundred times the limit once inflated.
  const bomb = gzipSync(`[${" ".repeat(100 * LIMIT)}]`);
  const gzipBomb: Reply = (_request, response) =>
    response.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" }).end(bomb);

  test("the gzip bomb is smaller than the limit on the wire", () => {
    expect(bomb.length).toBeLessThan(LIMIT);
  });

  test.each([
    // Node sends a body of writeHead() + end() in chunks unless it is told the length.
    [
      "a Content-Length over the limit",
      reply.text(200, `[${" ".repeat(LIMIT - 1)}]`, "application/json", { "Content-Length": String(LIMIT + 1) }),
    ],
    ["a chunked body that grows past the limit", reply.chunked(200, LIMIT + 1)],
    ["a gzip bomb", gzipBomb],
  ])("%s fails with response-too-large, naming the limit, and is not retried", async (_case, answer) => {
    server.script(answer);
    const error = await rejectionOf(
      limited({ retry: { retries: 3, minDelayMs: 10, maxDelayMs: 10 } }).getCustomerQualifications(TENANT),
    );
    expect(error.kind).toBe("response-too-large");
    expect(error.message).toBe(
      `GET /v1/customers/${TENANT}/qualifications answered HTTP 200 with more than maxResponseBytes (${LIMIT} bytes) (1 attempt)`,
    );
    expect(server.received).toHaveLength(1);
  });

  test("a Content-Length over the limit is refused before any of the body arrives", async () => {
    server.script(
      (_request, response) =>
        void response
          .writeHead(200, { "Content-Type": "application/json", "Content-Length": String(LIMIT + 1) })
          .flushHeaders(),
    );
    const error = await rejectionOf(limited({ timeoutMs: 2_000 }).getCustomerQualifications(TENANT));
    // Not a timeout: the answer's headers were enough.
    expect(error.kind).toBe("response-too-large");
  });

  test.each([false, true])(
    "a body that never ends (gzip: %s) is cut off at the limit while it streams, long before the time limit, and its connection closed",
    async (gzip) => {
      let closed = false;
      const endless = reply.endless(gzip);
      server.script((request, response) => {
        response.once("close", () => (closed = true));
        endless(request, response);
      });
      const error = await rejectionOf(limited({ timeoutMs: 15_000 }).getCustomerQualifications(TENANT));
      // Not a timeout: the size was counted as the bytes arrived.
      expect(error.kind).toBe("response-too-large");
      // The client hung up, so the server stops sending (a body left unread would hold the connection open).
      await vi.waitFor(() => expect(closed).toBe(true), { timeout: 5_000 });
    },
  );

  test("an error body over the limit is not kept: the error is the size error, without the body", async () => {
    server.script(reply.text(500, "x".repeat(LIMIT + 1), "text/html"));
    const error = await rejectionOf(
      limited({ retry: { retries: 2, minDelayMs: 10, maxDelayMs: 10 } }).getCustomerQualifications(TENANT),
    );
    expect(error).not.toBeInstanceOf(PartnerCenterError);
    expect(error.kind).toBe("response-too-large");
    expect(error.message).toContain("answered HTTP 500 with more than maxResponseBytes (1000 bytes)");
    expect(JSON.stringify(error)).not.toContain("xxxxxxxxxx");
    expect(server.received).toHaveLength(1);
  });

  test("raw calls are held to the same limit", async () => {
    server.script(reply.chunked(200, LIMIT + 1));
    const error = await rejectionOf(limited().raw.GET("/v1/customers/all/validations"));
    expect(error.kind).toBe("response-too-large");
  });
});

describe("redirects are not followed", () => {
  test("a POST answered 307 to another origin is not replayed there: an http error names where it pointed", async () => {
    server.script(reply.redirect(307, `${elsewhere.url}/v1/customers/${TENANT}/qualifications?sig=secret`));
    elsewhere.script(reply.json(201, SOE));
    const error = (await rejectionOf(clientFor().createCustomerQualification(TENANT, SOE))) as PartnerCenterError;
    expect(error).toBeInstanceOf(PartnerCenterError);
    expect(error.status).toBe(307);
    expect(error.message).toBe(
      `POST /v1/customers/${TENANT}/qualifications failed with HTTP 307: a text/plain body of 5 characters; it redirects to ${elsewhere.url}, which is not followed (1 attempt)`,
    );
    expect(elsewhere.received).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  test.each([301, 302, 303, 308])(
    "a GET answered %i is not followed either, not even on the same origin",
    async (status) => {
      server.script(reply.redirect(status, `/v1/customers/${TENANT}/qualifications`), reply.json(200, APPROVED));
      const error = (await rejectionOf(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
      expect(error).toMatchObject({ kind: "http", status });
      expect(error.message).toContain(`it redirects to ${server.url}, which is not followed`);
      expect(server.received).toHaveLength(1);
    },
  );

  test("raw calls see the redirect as the 3xx answer it is", async () => {
    server.script(reply.redirect(308, `${elsewhere.url}/v1/customers/all/validations`));
    elsewhere.script(reply.json(200, []));
    const { response, data } = await clientFor().raw.GET("/v1/customers/all/validations");
    expect(response.status).toBe(308);
    expect(data).toBeUndefined();
    expect(elsewhere.received).toEqual([]);
  });

  test("a redirect to a Location that is no URL says so, rather than quoting it", async () => {
    server.script(reply.redirect(302, "http://[not-a-host"));
    const error = await rejectionOf(clientFor(RETRYING).getCustomerQualifications(TENANT));
    expect(error.message).toContain("; it redirects to an invalid URL, which is not followed");
    expect(error.message).not.toContain("not-a-host");
  });
});

describe("the token travels over https, or plain http only to this machine", () => {
  test.each([
    "http://example.com",
    "http://10.0.0.5:4010",
    "http://partner.example.com/api",
    "http://127.0.0.1.example.com",
    "http://evil-localhost",
    "http://my.localhost.example",
  ])("a plain-http baseUrl to %s is refused before anything is sent", (baseUrl) => {
    expect(() => createQualificationsClient({ accessToken: "token", baseUrl })).toThrowError(
      `baseUrl must be https, or http to this machine (127.0.0.1, localhost, [::1]) unless allowInsecureHttp is true; got "${baseUrl}"`,
    );
  });

  test("allowInsecureHttp: true lets it through", () => {
    expect(() =>
      createQualificationsClient({ accessToken: "token", baseUrl: "http://example.com", allowInsecureHttp: true }),
    ).not.toThrow();
  });

  test.each([
    "http://127.0.0.1:4010",
    "http://127.1.2.3",
    "http://127.10.200.255",
    "http://localhost:4010",
    "http://[::1]:4010",
    "https://example.com",
  ])("%s is allowed", (baseUrl) => {
    expect(() => createQualificationsClient({ accessToken: "token", baseUrl })).not.toThrow();
  });

  test("trailing slashes of baseUrl are dropped: the paths stay the contract's", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor({ baseUrl: `${server.url}///` }).getCustomerQualifications(TENANT);
    expect(server.received[0]!.path).toBe(`/v1/customers/${TENANT}/qualifications`);
  });
});
