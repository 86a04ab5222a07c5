// What each kind of failure tells the caller, field by field: the message (which is the product: it is
// what ends up in logs), the request line, the ids that were sent, the attempts, the cause and toJSON. The
// errors stay safe to log whatever the body, and are recognised across the package's two builds. Over
// loopback against the fault server.
import { describe, expect, test, vi } from "vitest";
import {
  isPartnerCenterClientError,
  isPartnerCenterError,
  PartnerCenterClientError,
  PartnerCenterError,
} from "../../src/client/index.js";
import { freePort } from "../../src/mock/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, type TokenOptions, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const REQUEST = `GET /v1/customers/${TENANT}/qualifications`;

const { server, client } = useFaultServer({ retry: false });
/** The client of the tests of each failure's fields, with a time limit of its own. */
const clientFor = (options: Partial<TokenOptions> = {}) =>
  client({ accessToken: "error-details-token", timeoutMs: 2_000, ...options });

/** Where the fault server listens, as a network error names it. */
const target = () => new URL(server.url).host;

/** The ids the first request carried, as the error should report them. */
const sent = () => ({
  requestId: server.received[0]!.headers["ms-requestid"],
  correlationId: server.received[0]!.headers["ms-correlationid"],
});

describe("network, timeout, aborted and http failures carry the request line, the ids sent, the attempts and their cause", () => {
  test("network: the message names the host, its port and undici's code; the cause is a redacted copy of fetch's error and its cause; toJSON gives the cause's message", async () => {
    server.script(reply.reset());
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT));
    const message = `${REQUEST} to ${target()} failed on the network: fetch failed (UND_ERR_SOCKET) (1 attempt)`;
    expect(error).toMatchObject({ kind: "network", message, request: REQUEST, attempts: 1, ...sent() });
    expect(error.cause).toMatchObject({
      name: "TypeError",
      message: "fetch failed",
      cause: { code: "UND_ERR_SOCKET" },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterClientError",
      kind: "network",
      message,
      request: REQUEST,
      attempts: 1,
      ...sent(),
      cause: "fetch failed",
    });
  });

  test("network: a refused connection on this machine says ECONNREFUSED and what to do, after one attempt even with the default retries", async () => {
    const closed = await freePort();
    const error = await rejectionOf(
      clientFor({ baseUrl: `http://127.0.0.1:${closed}`, retry: undefined }).getCustomerQualifications(TENANT),
    );
    const advice =
      "nothing listens there: if it is the mock, start it (npx partner-center-qualifications-mock), or correct baseUrl";
    expect(error).toMatchObject({
      kind: "network",
      message: `${REQUEST} to 127.0.0.1:${closed} failed on the network: fetch failed (ECONNREFUSED); ${advice} (1 attempt)`,
      request: REQUEST,
      attempts: 1,
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("network: a cause without a code gives its message, cut short", async () => {
    const badPort = Object.assign(new TypeError("fetch failed"), { cause: new Error(`bad port${"!".repeat(200)}`) });
    const fetch = () => Promise.reject(badPort);
    const error = await rejectionOf(
      clientFor({ baseUrl: "https://partner.example", fetch }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toBe(
      `${REQUEST} to partner.example:443 failed on the network: fetch failed (bad port${"!".repeat(92)}…) (1 attempt)`,
    );
  });

  test("network: Bun's refusal (its code on the error itself) on this machine is not retried either", async () => {
    const bunRefused = Object.assign(new TypeError("Unable to connect. Is the computer able to access the url?"), {
      code: "ConnectionRefused",
    });
    const fetch = vi.fn(() => Promise.reject(bunRefused));
    const error = await rejectionOf(
      clientFor({ baseUrl: "http://127.0.0.1:4010", fetch, retry: undefined }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toMatch(
      /to 127\.0\.0\.1:4010 failed on the network: Unable to connect\. .* \(ConnectionRefused\); nothing listens there/,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  test("network: an empty code gives way to the cause's message; a plain http URL without a port is port 80", async () => {
    const failure = Object.assign(new TypeError("fetch failed"), { cause: { code: "", message: "bad port" } });
    const fetch = () => Promise.reject(failure);
    const error = await rejectionOf(
      clientFor({ baseUrl: "http://127.0.0.1", fetch }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toBe(`${REQUEST} to 127.0.0.1:80 failed on the network: fetch failed (bad port) (1 attempt)`);
  });

  test.each([
    ["https to this machine", { baseUrl: "https://localhost:4443" }],
    ["plain http to another machine", { baseUrl: "http://partner.example", allowInsecureHttp: true }],
  ])("network: a refusal over %s is retried (it may be a proxy that restarts)", async (_case, target) => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const fetch = vi.fn(() => Promise.reject(refused));
    const retry = { retries: 1, minDelayMs: 10, maxDelayMs: 10 };
    await rejectionOf(clientFor({ ...target, fetch, retry }).getCustomerQualifications(TENANT));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test("network: a refused connection elsewhere is retried as any network failure", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const fetch = vi.fn(() => Promise.reject(refused));
    const retry = { retries: 2, minDelayMs: 10, maxDelayMs: 10 };
    const error = await rejectionOf(
      clientFor({ baseUrl: "https://partner.example", fetch, retry }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toBe(
      `${REQUEST} to partner.example:443 failed on the network: fetch failed (ECONNREFUSED) (3 attempts)`,
    );
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  test("timeout: the time limit in the message, and no cause", async () => {
    server.script(reply.hang());
    const error = await rejectionOf(clientFor({ timeoutMs: 300 }).getCustomerQualifications(TENANT));
    const message = `${REQUEST} to ${target()} got no complete answer within 300 ms (1 attempt)`;
    expect(error).toMatchObject({ kind: "timeout", message, request: REQUEST, attempts: 1, ...sent() });
    expect("cause" in error).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterClientError",
      kind: "timeout",
      message,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
  });

  test("aborted: the signal's reason is the cause", async () => {
    server.script(reply.hang());
    const controller = new AbortController();
    const call = clientFor({ timeoutMs: 60_000 }).getCustomerQualifications(TENANT, { signal: controller.signal });
    await expect.poll(() => server.received.length).toBe(1);
    const reason = new Error("the user left the page");
    controller.abort(reason);
    const error = await rejectionOf(call);
    expect(error).toMatchObject({
      kind: "aborted",
      message: `${REQUEST} was aborted by the caller (1 attempt)`,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
    expect(error.cause).toBe(reason);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: "aborted", cause: "the user left the page" });
  });

  test("http: the body's fields and no cause", async () => {
    server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
    const error = (await rejectionOf(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error).toMatchObject({
      kind: "http",
      message: `${REQUEST} failed with HTTP 404 (code 60003): Tenant not found (1 attempt)`,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
    expect(error).toMatchObject({
      status: 404,
      code: 60003,
      description: "Tenant not found",
      body: { code: 60003, description: "Tenant not found" },
    });
    expect(error.cause).toBeUndefined();
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty("cause");
  });
});

describe("messages", () => {
  test("a description of 300 characters is quoted whole; a longer one is cut at 300 with an ellipsis", async () => {
    const client = clientFor();
    server.script(reply.json(400, { code: 1, description: "d".repeat(300) }));
    expect((await rejectionOf(client.getCustomerQualifications(TENANT))).message).toBe(
      `${REQUEST} failed with HTTP 400 (code 1): ${"d".repeat(300)} (1 attempt)`,
    );
    server.script(reply.json(400, { code: 1, description: "d".repeat(301) }));
    expect((await rejectionOf(client.getCustomerQualifications(TENANT))).message).toBe(
      `${REQUEST} failed with HTTP 400 (code 1): ${"d".repeat(300)}… (1 attempt)`,
    );
  });
});

async function httpError(status: number, body: string): Promise<PartnerCenterError> {
  server.script(reply.text(status, body, "application/json"));
  return (await rejectionOf(client().getCustomerQualifications(TENANT))) as PartnerCenterError;
}

describe("toJSON and messages are safe on any body", () => {
  test("a field nested 100,000 levels deep: JSON.stringify(error) works and is cut to a few levels", async () => {
    const depth = 100_000;
    const error = await httpError(400, `{"code":1,"detail":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toMatchObject({
      name: "PartnerCenterError",
      kind: "http",
      status: 400,
      code: 1,
      body: { code: 1, detail: [[[["…"]]]] },
    });
    expect(json.length).toBeLessThan(1_000);
  });

  test("long strings and long lists are cut in toJSON, and in the message", async () => {
    const long = "a".repeat(100_000);
    const error = await httpError(
      400,
      JSON.stringify({ code: long, description: long, items: Array.from({ length: 1_000 }, (_, index) => index) }),
    );
    const { body, description, code } = JSON.parse(JSON.stringify(error));
    expect(body.items).toHaveLength(50);
    expect([body.description, description, code].map((text: string) => text.length)).toEqual([1_001, 1_001, 1_001]);
    expect(error.message.length).toBeLessThan(1_000);
    // The error itself keeps what arrived.
    expect(error.description).toBe(long);
  });

  test("toJSON carries every field of the error", async () => {
    const body = {
      code: 600074,
      description: "The account status was not found.",
      errorName: "AccountStatusNotFound",
      isRetryable: false,
    };
    const error = await httpError(404, JSON.stringify(body));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterError",
      kind: "http",
      message: error.message,
      request: `GET /v1/customers/${TENANT}/qualifications`,
      requestId: error.requestId,
      correlationId: error.correlationId,
      attempts: 1,
      status: 404,
      ...body,
      body,
    });
  });

  test("a body with a __proto__ key pollutes nothing", async () => {
    const error = await httpError(400, '{"__proto__":{"polluted":true},"code":7}');
    JSON.stringify(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(error.code).toBe(7);
  });
});

describe("isPartnerCenterError and isPartnerCenterClientError", () => {
  test("tell the client's errors from others", async () => {
    const error = await httpError(404, '{"code":60003}');
    expect([isPartnerCenterError(error), isPartnerCenterClientError(error)]).toEqual([true, true]);
    const refused = new PartnerCenterClientError("invalid-argument", "no");
    expect([isPartnerCenterError(refused), isPartnerCenterClientError(refused)]).toEqual([false, true]);
    for (const other of [new Error("x"), { kind: "http", status: 404 }, null, undefined, "PartnerCenterError", 404]) {
      expect([isPartnerCenterError(other), isPartnerCenterClientError(other)]).toEqual([false, false]);
    }
  });

  test("recognise an error from another copy of the package, as the ESM and CommonJS builds are", async () => {
    // With its module cache emptied, the test runner loads a second, separate copy of every module.
    vi.resetModules();
    const otherCopy: typeof import("../../src/client/index.js") = await import("../../src/client/index.js");
    expect(otherCopy.PartnerCenterError).not.toBe(PartnerCenterError);
    const error = await httpError(404, '{"code":60003}');
    // instanceof cannot see across copies; the helpers can, both ways.
    expect(error instanceof otherCopy.PartnerCenterError).toBe(false);
    expect([otherCopy.isPartnerCenterError(error), otherCopy.isPartnerCenterClientError(error)]).toEqual([true, true]);
    const theirs = new otherCopy.PartnerCenterClientError("timeout", "late");
    expect([isPartnerCenterClientError(theirs), isPartnerCenterError(theirs)]).toEqual([true, false]);
  });

  test("narrow the type", () => {
    const caught: unknown = new PartnerCenterError({
      status: 429,
      body: { statusCode: 429 },
      json: true,
      retryAfter: 5,
    });
    if (isPartnerCenterError(caught)) expect(caught.retryAfter).toBe(5);
    else expect.unreachable();
  });
});

describe("PartnerCenterError built from what arrived", () => {
  test("with no request line and no attempt count, the message says 'The request' and counts nothing", () => {
    const error = new PartnerCenterError({ status: 500, body: "", json: false });
    expect(error.message).toBe("The request failed with HTTP 500: an empty body");
    expect(error.attempts).toBeUndefined();
  });

  test("a JSON body without a description adds only its code; a text body without a Content-Type is 'non-JSON'", () => {
    expect(new PartnerCenterError({ status: 400, body: { code: 5 }, json: true }).message).toBe(
      "The request failed with HTTP 400 (code 5)",
    );
    expect(new PartnerCenterError({ status: 502, body: "<html/>", json: false }).message).toBe(
      "The request failed with HTTP 502: a non-JSON body of 7 characters",
    );
  });

  test("fields of the wrong type are left out; a bare string body is trimmed", () => {
    expect(
      new PartnerCenterError({
        status: 404,
        body: { code: true, errorName: 5, isRetryable: "yes", description: 7 } as never,
        json: true,
      }),
    ).toMatchObject({
      code: undefined,
      errorName: undefined,
      isRetryable: undefined,
      description: undefined,
    });
    expect(new PartnerCenterError({ status: 403, body: "  Customer tagging denied.  ", json: true }).description).toBe(
      "Customer tagging denied.",
    );
  });

  test("the errors carry the brand other copies of the package look for, under its global name", () => {
    expect(
      (new PartnerCenterClientError("timeout", "late") as unknown as Record<symbol, unknown>)[
        Symbol.for("partner-center-qualifications.error")
      ],
    ).toBe(true);
  });
});
