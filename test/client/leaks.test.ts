// No token leaks and no bare crashes: every echo of the token a server sends back (in error and 2xx bodies,
// headers, reason phrases, fetch's errors, hook events), and the attacks of the hostile reviews (issue 25), each
// against a real server on loopback or a fetch that fails the way test doubles do. redaction.test.ts tests the
// redaction path itself, without a server.
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createQualificationsClient,
  PartnerCenterClientError,
  type PartnerCenterError,
  vettingDate,
} from "../../src/client/index.js";
import { reply, type Reply } from "../support/fault-server.js";
import { APPROVED, TENANT, type TokenOptions, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const PATH = `/v1/customers/${TENANT}/qualifications`;
// With the characters JSON and URLs may escape: / and + and =.
const TOKEN = "eyJ0eXAiOiJKV1Qi/LCJhbGciOiJSUzI1+NiJ9.leaks-test/token==";

const { server, client: clientFor } = useFaultServer({ accessToken: TOKEN, retry: false, timeoutMs: 2_000 });
// Nothing scripted, nothing received: a test that sends what it should not finds a 599 and a request on record.
beforeEach(() => server.script());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every way an error is shown: its message, stack, JSON, util.inspect (causes included). */
const shown = (error: unknown) =>
  [String(error), (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 10 })].join("\n");

/** Every header value of a Response, on one line each. */
function headerValues(response: Response): string {
  const values: string[] = [];
  response.headers.forEach((value) => values.push(value));
  return values.join("\n");
}

/** The header names of a Response. */
function headerNames(response: Response): string[] {
  const names: string[] = [];
  response.headers.forEach((_value, name) => names.push(name));
  return names;
}

const unicodeEscaped = (text: string) =>
  [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");

describe("echoes of the token in error answers", () => {
  // Retries as a client would make them: an answer that is not retried must not be asked for again.
  const RETRIES = { retries: 3, minDelayMs: 10, maxDelayMs: 20 };
  // A JWT without the characters JSON and URLs escape.
  const PLAIN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fault-server-token";
  // A token with the characters JSON may escape: "/" as \/, and any character as \uXXXX.
  const SLASHED = "eyJ0eXAiOiJKV1Qi/LCJhbGciOiJSUzI1+NiJ9.fault/server+token";

  test.each([
    ["\\/", (token: string) => token.replaceAll("/", "\\/")],
    ["\\u002B and \\u002F", (token: string) => token.replaceAll("+", "\\u002B").replaceAll("/", "\\u002f")],
    [
      "every character as \\uXXXX",
      (token: string) => [...token].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""),
    ],
  ])("a JSON body that echoes the token escaped (%s) is redacted too", async (_case, escaped) => {
    server.script(
      reply.text(
        401,
        `{"code":900420,"description":"Token ${escaped(SLASHED)} has the wrong audience"}`,
        "application/json",
      ),
    );
    const error = (await rejectionOf(
      clientFor({ accessToken: SLASHED, retry: RETRIES }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    expect(error.description).toBe("Token [redacted] has the wrong audience");
    for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.body)])
      expect(text).not.toContain(SLASHED);
  });

  test("a token echoed in a header that a message quotes is redacted", async () => {
    server.script(reply.text(502, "<html>Bad gateway</html>", `text/html; token=${PLAIN}`));
    const error = await rejectionOf(clientFor({ accessToken: PLAIN, retry: false }).getCustomerQualifications(TENANT));
    expect(error.message).toContain("a text/html; token=[redacted] body of 24 characters");
    expect(JSON.stringify(error)).not.toContain(PLAIN);
  });

  test("a body that echoes the token is redacted", async () => {
    server.script(reply.json(401, { code: 900420, description: `Token ${PLAIN} has the wrong audience` }));
    const error = await rejectionOf(
      clientFor({ accessToken: PLAIN, retry: RETRIES }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toContain("Token [redacted] has the wrong audience");
    expect(JSON.stringify(error)).not.toContain(PLAIN);
  });
});

describe("redaction of a token the server echoes", () => {
  // A token of 16 characters or more is a real one; a shorter one is a placeholder (the mock's "t"), which
  // would blank out ordinary words.
  test.each([
    ["16 characters: redacted", "0123456789abcdef", "Token [redacted] is not valid"],
    ["15 characters: left as it is", "0123456789abcde", "Token 0123456789abcde is not valid"],
  ])("a token of %s", async (_case, token, description) => {
    server.script(reply.json(401, { code: 900420, description: `Token ${token} is not valid` }));
    const error = (await rejectionOf(
      clientFor({ accessToken: token }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    expect(error.description).toBe(description);
  });

  test("a short placeholder token, as used with the mock, leaves an error body untouched", async () => {
    // The token "t" appears in this body many times; a real token would be redacted, a placeholder is not.
    const body = {
      code: 60003,
      description: "Tenant not found",
      data: ["the tenant is not at this partner"],
      source: "PartnerFD",
    };
    server.script(reply.json(404, body));
    const client = clientFor({ accessToken: "t", retry: { retries: 3, minDelayMs: 10, maxDelayMs: 20 } });
    const error = (await rejectionOf(client.getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error.body).toEqual(body);
    expect(error.description).toBe("Tenant not found");
    expect(error.message).not.toContain("[redacted]");
  });
});

describe("1. an echo of the token, escaped, in a body too deep to write again", () => {
  test("a 401 that repeats the token as \\uXXXX beside 5,000 levels of arrays is redacted", async () => {
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    server.script(
      reply.text(
        401,
        `{"code":900420,"description":"Token ${unicodeEscaped(TOKEN)} is expired","data":${deep}}`,
        "application/json",
      ),
    );
    const error = (await rejectionOf(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error.description).toBe("Token [redacted] is expired");
    expect(shown(error)).not.toContain(TOKEN);
  });

  test("a token echoed URL-encoded in a header is redacted", async () => {
    server.script(
      reply.text(302, "", "text/plain", {
        Location: `https://login.example/?t=${encodeURIComponent(TOKEN)}`,
        "X-Echo": encodeURIComponent(TOKEN),
      }),
    );
    const { response } = await clientFor().raw.GET("/v1/customers/{customer-tenant-id}/qualifications", {
      params: { path: { "customer-tenant-id": TENANT } },
    });
    expect(response.headers.get("X-Echo")).toBe("[redacted]");
    expect(response.headers.get("Location")).toBe("https://login.example/?t=[redacted]");
  });

  test("a 2xx body that echoes the token reaches the caller redacted", async () => {
    server.script(
      reply.text(
        200,
        `[{"qualification":"Education","vettingStatus":"Approved","note":"${TOKEN.replaceAll("/", "\\/")}"}]`,
        "application/json",
      ),
    );
    const { data, response } = await clientFor().withResponse.getCustomerQualifications(TENANT);
    expect(data[0]).toMatchObject({ note: "[redacted]" });
    expect(await response.text()).not.toContain("LCJhbGciOiJSUzI1");
  });
});

describe("2. the token in the cause of a network failure", () => {
  test("a fetch that rejects quoting the request's headers, in its message and its cause's, leaves no token in the error", async () => {
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      const headers = JSON.stringify(init?.headers);
      throw Object.assign(new TypeError(`no match for request GET ${headers}`), {
        code: "E_NO_MATCH",
        cause: new Error(`Authorization: Bearer ${TOKEN}`),
      });
    };
    const error = await rejectionOf(clientFor({ fetch }).getCustomerQualifications(TENANT));
    expect(error.kind).toBe("network");
    expect(error.cause).toMatchObject({
      name: "TypeError",
      code: "E_NO_MATCH",
      cause: { message: "Authorization: Bearer [redacted]" },
    });
    expect((error.toJSON() as { cause: string }).cause).toContain("[redacted]");
    expect(shown(error)).not.toContain(TOKEN);
  });
});

describe("2b. tokens of other attempts and calls, and causes cut short", () => {
  test("a token function's error that quotes the token of an earlier call leaves no token in the error", async () => {
    server.script(reply.json(200, APPROVED));
    let calls = 0;
    const accessToken = () => {
      calls++;
      if (calls === 1) return TOKEN;
      throw new Error(`the token ${TOKEN} expired`);
    };
    const client = clientFor({ accessToken });
    await client.getCustomerQualifications(TENANT);
    const error = await rejectionOf(client.getCustomerQualifications(TENANT));
    expect(error.kind).toBe("token");
    expect(error.message).toContain("[redacted]");
    expect(shown(error)).not.toContain(TOKEN);
  });

  test("the client's last four distinct tokens are redacted in a later call's errors", async () => {
    const tokens = ["A", "B", "C", "D"].map((letter) => `${letter}${TOKEN}`);
    const used = [tokens[0]!, tokens[1]!, tokens[1]!, tokens[1]!, tokens[1]!, tokens[2]!, tokens[3]!];
    server.script(...used.map(() => reply.json(200, APPROVED)));
    let calls = 0;
    const accessToken = () => {
      const token = used[calls++];
      if (token) return token;
      throw new Error(`expired: ${tokens.join(" ")}`);
    };
    const client = clientFor({ accessToken });
    for (const _ of used) await client.getCustomerQualifications(TENANT);
    const error = await rejectionOf(client.getCustomerQualifications(TENANT));
    expect(error.message).toContain("expired: [redacted] [redacted] [redacted] [redacted]");
  });

  test("a cause whose message is cut short is redacted first, so no beginning of the token is left", async () => {
    const cause = new Error(`${"x".repeat(90)} Bearer ${TOKEN}`);
    const fetch = () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause }));
    const error = await rejectionOf(clientFor({ fetch }).getCustomerQualifications(TENANT));
    expect(error.message).toContain(" Bearer [r…)");
    expect(shown(error)).not.toContain(TOKEN.slice(0, 6));
  });
});

describe("3. tokens that JSON or a URL would write otherwise are refused", () => {
  test.each(['abcdefghijklmnop"qrstuvwxyz', "abcdefghijklmnop\\qrstuvwxyz", "abcdefghijklmnop qrstuvwxyz"])(
    "a token function that gives %j fails as token, without quoting it",
    async (token) => {
      const error = await rejectionOf(clientFor({ accessToken: () => token }).getCustomerQualifications(TENANT));
      expect(error).toMatchObject({ kind: "token", attempts: 1 });
      expect(shown(error)).not.toContain("qrstuvwxyz");
      expect(server.received).toHaveLength(0);
    },
  );
});

describe("4. a refused header's value is never quoted", () => {
  test.each<[string, Partial<TokenOptions>]>([
    ["a client header", { headers: { "X-Api-Key": "s3cr3t\n" } }],
    ["the locale", { locale: "s3cr3t\u0007" }],
  ])("%s", (_case, options) => {
    expect(() => clientFor(options)).toThrow(
      expect.objectContaining({ kind: "invalid-argument", message: expect.not.stringContaining("s3cr3t") }),
    );
  });

  test.each([
    ["a call header", { headers: { "X-Api-Key": "s3cr3t\n" } }],
    ["an id header that is no uuid", { headers: { "MS-CorrelationId": "s3cr3t" } }],
    ["a correlationId that is no uuid", { correlationId: "s3cr3t" }],
  ])("%s", async (_case, call) => {
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT, call));
    expect(error.kind).toBe("invalid-argument");
    expect(error.message).not.toContain("s3cr3t");
  });
});

describe("5. headers that fetch sets itself are refused before anything is sent", () => {
  test("the message names them all", () => {
    expect(() => clientFor({ headers: { Upgrade: "h2c" } })).toThrow(
      expect.objectContaining({
        message:
          'a header name must be none of the connection\'s own, which fetch sets itself (connection, content-length, expect, host, keep-alive, te, trailer, transfer-encoding, upgrade); got "Upgrade"',
      }),
    );
  });

  test.each([
    "Connection",
    "transfer-encoding",
    "Keep-Alive",
    "Upgrade",
    "Expect",
    "Content-Length",
    "Host",
    "TE",
    "Trailer",
  ])("%s", async (name) => {
    expect(() => clientFor({ headers: { [name]: "x" } })).toThrow(
      expect.objectContaining({ kind: "invalid-argument", message: expect.stringContaining("the connection's own") }),
    );
    const call = await rejectionOf(
      clientFor().createCustomerQualification(
        TENANT,
        { qualification: "StateOwnedEntity" },
        { headers: { [name]: "x" } },
      ),
    );
    expect(call.kind).toBe("invalid-argument");
    expect(call.message).not.toContain("may have reached");
    const raw = await rejectionOf(
      clientFor().raw.GET("/v1/customers/{customer-tenant-id}/qualifications", {
        params: { path: { "customer-tenant-id": TENANT } },
        headers: { [name]: "x" },
      }),
    );
    expect(raw).toMatchObject({
      kind: "invalid-argument",
      message: `GET ${PATH}: the header ${name.toLowerCase()} is the connection's own, which fetch sets itself`,
    });
    expect(server.received).toHaveLength(0);
  });
});

describe("6. headers given as a Headers or a Map", () => {
  test.each([
    ["a Headers", () => new Headers({ Prefer: "example=inReview" })],
    ["a Map", () => new Map([["Prefer", "example=inReview"]])],
  ])("%s is refused, not sent empty", async (_case, headers) => {
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT, { headers: headers() as never }));
    expect(error).toMatchObject({
      kind: "invalid-argument",
      message: expect.stringContaining("Object.fromEntries(headers)"),
    });
    expect(() => clientFor({ headers: headers() as never })).toThrow(
      expect.objectContaining({ kind: "invalid-argument" }),
    );
    expect(server.received).toHaveLength(0);
  });
});

describe("7. a create request is checked as it will be sent", () => {
  class Request {
    get qualification() {
      return "StateOwnedEntity";
    }
  }
  test.each([
    ["inherited fields", () => Object.create({ qualification: "StateOwnedEntity" }), "qualification must be one of"],
    ["fields that are getters of a class", () => new Request(), "qualification must be one of"],
    [
      "a toJSON that gives another body",
      () => ({ qualification: "StateOwnedEntity", toJSON: () => ({ qualification: "Education" }) }),
      "educationSegment is required",
    ],
    [
      "a BigInt",
      () => ({ qualification: "StateOwnedEntity", size: 10n }),
      "createCustomerQualification: the request cannot be written as JSON: Do not know how to serialize a BigInt",
    ],
    [
      "a cycle",
      () => {
        const request: Record<string, unknown> = { qualification: "StateOwnedEntity" };
        request.self = request;
        return request;
      },
      "createCustomerQualification: the request cannot be written as JSON: Converting circular structure",
    ],
    [
      "a getter that throws",
      () => ({
        qualification: "StateOwnedEntity",
        get broken(): string {
          throw new Error("no value");
        },
      }),
      "createCustomerQualification: the request cannot be written as JSON: no value",
    ],
  ])("%s: refused before sending", async (_case, request, message) => {
    const error = await rejectionOf(clientFor().createCustomerQualification(TENANT, request() as never));
    expect(error).toMatchObject({ kind: "invalid-argument", message: expect.stringContaining(message) });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: "invalid-argument" });
    expect(server.received).toHaveLength(0);
  });

  test("a toJSON that gives a valid body: that body is what is sent", async () => {
    server.script(reply.json(201, { qualification: "StateOwnedEntity", vettingStatus: "None" }));
    const request = {
      qualification: "Education",
      educationSegment: "K12",
      toJSON: () => ({ qualification: "StateOwnedEntity" }),
    };
    expect(await clientFor().createCustomerQualification(TENANT, request as never)).toEqual({
      qualification: "StateOwnedEntity",
      vettingStatus: "None",
    });
    expect(JSON.parse(server.received[0]!.body)).toEqual({ qualification: "StateOwnedEntity" });
  });
});

describe("8. whatever a callback rejects with, the call fails with a client error that serialises", () => {
  const throwingToString = () => ({
    toString() {
      throw new Error("no words");
    },
  });
  const throwingMessage = () => ({
    get message(): string {
      throw new Error("no message");
    },
  });
  const values: [string, () => unknown][] = [
    ["a null-prototype object", () => Object.create(null)],
    ["an object whose toString throws", throwingToString],
    ["a BigInt", () => 10n],
    ["an object holding a BigInt", () => ({ code: 1n })],
    ["an object whose message getter throws", throwingMessage],
  ];

  test.each(values)("the token function rejects with %s", async (_case, value) => {
    const error = await rejectionOf(
      clientFor({ accessToken: async () => Promise.reject(value()) }).getCustomerQualifications(TENANT),
    );
    expect(error.kind).toBe("token");
    expect(() => JSON.stringify(error)).not.toThrow();
    expect(() => inspect(error)).not.toThrow();
  });

  test.each(values)("fetch rejects with %s", async (_case, value) => {
    const error = await rejectionOf(
      clientFor({ fetch: () => Promise.reject(value()) }).getCustomerQualifications(TENANT),
    );
    expect(error.kind).toBe("network");
    expect(() => JSON.stringify(error)).not.toThrow();
  });

  test.each(values)("the signal is aborted with %s", async (_case, value) => {
    const controller = new AbortController();
    controller.abort(value());
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT, { signal: controller.signal }));
    expect(error.kind).toBe("aborted");
    expect(() => JSON.stringify(error)).not.toThrow();
  });
});

describe("risks", () => {
  test("an onPoll that rejects, and a hook reported to a console.error that throws, end neither the call nor the process", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      vi.spyOn(console, "error").mockImplementation(() => {
        throw new Error("console.error is not allowed in this suite");
      });
      server.script(
        reply.json(200, [{ qualification: "Education", vettingStatus: "InReview" }]),
        reply.json(200, APPROVED),
      );
      const client = clientFor({
        onRequest: async () => Promise.reject(new Error("hook failed")),
        onResponse: () => {
          throw new Error("hook failed");
        },
      });
      const onPoll = vi.fn(async () => Promise.reject(new Error("onPoll failed")));
      expect(await client.waitForVetting(TENANT, "Education", { intervalMs: 10, onPoll })).toEqual(APPROVED[0]);
      expect(onPoll).toHaveBeenCalledTimes(2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("waitForVetting waits out a Retry-After longer than its interval: one poll, not one per interval", async () => {
    server.script(
      ...Array.from({ length: 50 }, () =>
        reply.json(429, { statusCode: 429, message: "Rate limit is exceeded." }, { "Retry-After": "3600" }),
      ),
    );
    const error = await rejectionOf(
      clientFor().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 500 }),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("retry after 3600 s");
    expect(server.received).toHaveLength(1);
  });

  test.each([
    ["null", null, "an array of qualifications"],
    ["{}", {}, "an array of qualifications"],
    ['{"qualifications":null}', { qualifications: null }, "an array of qualifications"],
  ])("validateResponses: false and a GET body of %s is an invalid-response", async (_case, body, missing) => {
    server.script(reply.json(200, body));
    const error = await rejectionOf(clientFor({ validateResponses: false }).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({
      kind: "invalid-response",
      message: `GET ${PATH} answered HTTP 200 without ${missing} (1 attempt)`,
    });
  });

  test("validateResponses: false and validation codes that are no array, or a customer validation that is no object, are invalid-responses", async () => {
    server.script(reply.json(200, {}), reply.json(200, []));
    await expect(clientFor({ validateResponses: false }).getValidationCodes()).rejects.toMatchObject({
      kind: "invalid-response",
      message: expect.stringContaining("without an array of validation codes"),
    });
    await expect(clientFor({ validateResponses: false }).getCustomerValidation(TENANT)).rejects.toMatchObject({
      kind: "invalid-response",
      message: expect.stringContaining("without a validation object"),
    });
  });

  test("the reason phrase is redacted", async () => {
    server.script((_request, response) =>
      response.writeHead(200, `OK ${TOKEN}`, { "Content-Type": "application/json" }).end(JSON.stringify(APPROVED)),
    );
    const { response } = await clientFor().withResponse.getCustomerQualifications(TENANT);
    expect(response.statusText).toBe("OK [redacted]");
  });

  test("a description with CR, LF and an ANSI escape is written on one line, escaped", async () => {
    server.script(
      reply.json(400, { code: 1, description: "bad\r\n2026-12-04 INFO forged line \u001b[31mred\u001b[0m\u2028" }),
    );
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT));
    expect(error.message).toContain("bad\\u000d\\u000a2026-12-04 INFO forged line \\u001b[31mred\\u001b[0m\\u2028");
    expect(error.message).not.toMatch(/[\r\n\u001b\u2028]/);
  });

  test("onRetry's reason, which goes to logs, is on one line", async () => {
    server.script(reply.json(200, APPROVED));
    let failed = false;
    const fetch: typeof globalThis.fetch = (url, init) =>
      failed
        ? globalThis.fetch(url, init)
        : ((failed = true), Promise.reject(new Error("reset\r\n2026-12-04 INFO forged")));
    const reasons: string[] = [];
    await clientFor({
      fetch,
      retry: { retries: 1, minDelayMs: 10 },
      onRetry: ({ reason }) => void reasons.push(reason),
    }).getCustomerQualifications(TENANT);
    expect(reasons).toEqual(["reset\\u000d\\u000a2026-12-04 INFO forged"]);
  });

  test.each(["2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z"])(
    "an answer with the date %s, which no calendar has, is an invalid-response",
    async (date) => {
      server.script(
        reply.json(200, [{ qualification: "Education", vettingStatus: "Approved", vettingCreateDate: date }]),
      );
      const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT));
      expect(error).toMatchObject({
        kind: "invalid-response",
        message: expect.stringContaining('[0].vettingCreateDate must match format "date-time"'),
      });
    },
  );

  test("a leap second, which RFC 3339 allows and the checker accepts, is read as the next second's start", async () => {
    server.script(
      reply.json(200, [
        { qualification: "Education", vettingStatus: "Approved", vettingCreateDate: "2016-12-31T23:59:60.5Z" },
      ]),
    );
    const [qualification] = await clientFor().getCustomerQualifications(TENANT);
    expect(vettingDate(qualification!)?.toISOString()).toBe("2017-01-01T00:00:00.500Z");
  });

  test("a signal that is no instance of this realm's AbortSignal (a polyfill's, another realm's) cancels the call", async () => {
    // What a polyfill makes: an EventTarget with aborted and reason.
    class PolyfilledSignal extends EventTarget {
      aborted = false;
      reason: unknown;
      abort() {
        [this.aborted, this.reason] = [true, new Error("stopped")];
        this.dispatchEvent(new Event("abort"));
      }
    }
    const signal = new PolyfilledSignal();
    expect(signal).not.toBeInstanceOf(AbortSignal);
    server.script(reply.hang());
    const call = clientFor().getCustomerQualifications(TENANT, { signal: signal as unknown as AbortSignal });
    setTimeout(() => signal.abort(), 50);
    expect(await rejectionOf(call)).toMatchObject({ kind: "aborted", cause: signal.reason });
  });

  test("each hook gets an event of its own: what one changes, the next does not see", async () => {
    server.script(reply.json(200, APPROVED));
    const seen: number[] = [];
    await clientFor({
      onRequest: (event) => void (event.attempt = 99),
      onResponse: (event) => void seen.push(event.attempt),
    }).getCustomerQualifications(TENANT);
    expect(seen).toEqual([1]);
  });
});

describe("properties", () => {
  const RUNS = 100;
  // Bearer tokens (RFC 6750) long enough to be redacted, with the characters JSON and URLs escape.
  const tokens = fc.stringMatching(/^[\w.~+/-]{16,80}=*$/);
  // Each character of a token as it is, as \u00xx or \u00XX, as %xx or %XX, and / also as \/.
  const echoOf = (token: string) =>
    fc.array(fc.nat(4), { minLength: token.length, maxLength: token.length }).map((forms) =>
      [...token]
        .map((char, index) => {
          const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
          const form = forms[index]!;
          if (form === 4 && char === "/") return "\\/";
          return [char, `\\u00${hex}`, `\\u00${hex.toUpperCase()}`, `%${hex}`, `%${hex.toUpperCase()}`][form]!;
        })
        .join(""),
    );
  const places = fc.constantFrom("error body", "2xx body", "header", "reason phrase", "fetch's rejection");

  test("an echo of any token, in any mix of escapes, in any place, never reaches the caller", {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        tokens.chain((token) => fc.tuple(fc.constant(token), echoOf(token), places)),
        async ([token, echo, place]) => {
          const json = `{"code":1,"description":"a ${echo} b","qualification":"${echo}","vettingStatus":"Approved"}`;
          if (place === "error body") server.script(reply.text(401, json, "application/json"));
          if (place === "2xx body") server.script(reply.text(200, `[${json}]`, "application/json"));
          if (place === "header")
            server.script(reply.text(200, "[]", `application/json; echo=${echo}`, { "X-Echo": echo }));
          if (place === "reason phrase")
            server.script((_request, response) =>
              response.writeHead(200, `OK ${echo}`, { "Content-Type": "application/json" }).end("[]"),
            );
          const fetch =
            place === "fetch's rejection"
              ? () => Promise.reject(new Error(`no match: ${echo}`, { cause: { message: echo } }))
              : undefined;
          const outcome = await clientFor({ accessToken: token, ...(fetch && { fetch }) })
            .withResponse.getCustomerQualifications(TENANT)
            .then(
              async ({ data, response }) =>
                [JSON.stringify(data), await response.text(), response.statusText, headerValues(response)].join("\n"),
              shown,
            );
          expect(outcome).not.toContain(token);
          expect(outcome).not.toContain(echo);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("a token with a quote, a backslash, a space or a control character is refused, and never quoted", {
    timeout: 60_000,
  }, async () => {
    const unsafe = fc
      .tuple(
        fc.string({ minLength: 8 }),
        fc.constantFrom('"', "\\", " ", "\n", "\r", "\u0000", "\u001b", "é"),
        fc.string(),
      )
      .map(([before, bad, after]) => `${before}${bad}${after}`);
    await fc.assert(
      fc.asyncProperty(unsafe, fc.boolean(), async (token, asFunction) => {
        const outcome = await Promise.resolve()
          .then(() => clientFor({ accessToken: asFunction ? () => token : token }).getCustomerQualifications(TENANT))
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(outcome).toMatchObject({ kind: "token" });
        expect(shown(outcome)).not.toContain(token);
      }),
      { numRuns: RUNS },
    );
    expect(server.received).toHaveLength(0);
  });

  // What a callback may reject with: anything, and the values that break String() and JSON.stringify.
  const hostile = fc.oneof(
    fc.anything(),
    fc.constantFrom(null, undefined, Symbol("reason")),
    fc.bigInt().map((value) => ({ code: value, cause: value })),
    fc.bigInt(),
    fc.dictionary(fc.string(), fc.anything()).map((fields) => Object.assign(Object.create(null) as object, fields)),
    fc.constantFrom("message", "name", "code", "cause", "toString", "stack").map((name) =>
      Object.defineProperty(
        Object.assign(new Error("hostile"), { [fc.toStringMethod]: () => `an Error whose ${name} getter throws` }),
        name,
        {
          get() {
            throw new Error(`the ${name} getter throws`);
          },
        },
      ),
    ),
  );

  test("whatever the token function, fetch or the abort reason rejects with, the call fails with a client error that serialises", {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom("token", "fetch", "abort"), async (value, where) => {
        const controller = new AbortController();
        if (where === "abort") controller.abort(value);
        const options =
          where === "token"
            ? { accessToken: () => Promise.reject(value) }
            : where === "fetch"
              ? { fetch: () => Promise.reject(value) }
              : {};
        const error = await rejectionOf(
          clientFor(options).getCustomerQualifications(TENANT, { signal: controller.signal }),
        );
        expect(error.kind).toBe({ token: "token", fetch: "network", abort: "aborted" }[where]);
        expect(() => JSON.stringify(error)).not.toThrow();
        // fetch's error is copied (it may hold the token); the caller's own values are kept as they are.
        if (where === "fetch") expect(() => inspect(error)).not.toThrow();
        expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("properties of error answers and hook events", () => {
  const RUNS = 300;
  // Tokens as Entra ID issues them: long runs of base64url characters and dots.
  const tokens = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{8,64}$/);

  const scenarios: fc.Arbitrary<(token: string) => Reply> = fc.oneof(
    fc.record({ status: fc.constantFrom(400, 401, 403, 404, 429, 500, 503), text: fc.string() }).map(
      ({ status, text }) =>
        (token: string) =>
          reply.json(
            status,
            { code: status, description: `${text} ${token} ${text}`, message: token, data: [token] },
            { "Retry-After": "0" },
          ),
    ),
    fc
      .constantFrom(401, 403, 502)
      .map((status) => (token: string) => reply.json(status, `Bearer ${token} was refused`)),
    fc
      .constantFrom(401, 502)
      .map((status) => (token: string) => reply.text(status, `<html>${token}</html>`, "text/html")),
    // Echoes in JSON escapes (\u0065 for "e") and in a header that a message quotes.
    fc.constantFrom(401, 500).map((status) => (token: string) => {
      const escaped = [...token].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
      return reply.text(status, `{"code":1,"description":"${escaped}","message":"${escaped}"}`, "application/json");
    }),
    fc
      .constantFrom(401, 502)
      .map((status) => (token: string) => reply.text(status, "<html></html>", `text/html; token=${token}`)),
    fc.constant((token: string) => reply.json(200, [{ qualification: token.length }])),
    fc.constant((token: string) => reply.text(200, `[{"qualification":"${token}`, "application/json")),
    fc.constant(() => reply.reset()),
    fc.constant(() => reply.hang()),
  );

  test("no error message, serialised error or hook event contains the token", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(tokens, scenarios, fc.boolean(), async (token, scenario, asFunction) => {
        server.script(scenario(token), scenario(token));
        const events: unknown[] = [];
        const client = clientFor({
          accessToken: asFunction ? async () => token : token,
          // One retry, so that onRetry is told too.
          retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 },
          timeoutMs: 50,
          onRequest: (event) => events.push(event),
          onResponse: (event) => events.push(event),
          onRetry: (event) => events.push(event),
        });
        const error = await client.getCustomerQualifications(TENANT).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(PartnerCenterClientError);
        const failure = error as PartnerCenterClientError;
        for (const text of [failure.message, String(failure), JSON.stringify(failure), failure.stack ?? ""])
          expect(text).not.toContain(token);
        expect(events.length).toBeGreaterThan(0);
        for (const event of events) expect(JSON.stringify(event)).not.toContain(token);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the second hostile review of these defences", () => {
  test("a token of 8,000 characters and an answer with escapes: the echo is redacted and nothing throws", async () => {
    const long = `eyJ${"Q7x-_".repeat(1_600)}`;
    server.script(
      reply.text(
        200,
        `[{"qualification":"Education","vettingStatus":"Approved","note":"\\u0041 ${long.replaceAll("-", "\\u002d")}"}]`,
        "application/json",
      ),
    );
    expect(await clientFor({ accessToken: long }).getCustomerQualifications(TENANT)).toEqual([
      { qualification: "Education", vettingStatus: "Approved", note: "A [redacted]" },
    ]);
  });

  test("a token of an earlier attempt is redacted too", async () => {
    const first = "eyJAAAAAAAAAAAAAAAA.first-token_1";
    const tokens = [first, "eyJBBBBBBBBBBBBBBBB.second-token_2"];
    server.script(reply.json(503, {}), reply.json(404, { code: 1, description: `unknown token ${first}` }));
    const error = await rejectionOf(
      clientFor({
        accessToken: () => tokens.shift()!,
        retry: { retries: 1, minDelayMs: 10 },
      }).getCustomerQualifications(TENANT),
    );
    expect(error.message).toContain("unknown token [redacted]");
    expect(shown(error)).not.toContain(first);
  });

  test("a redirect to a host that spells the token in capitals names no token", async () => {
    const lower = "abcdefghijklmnop0123456789";
    server.script(reply.redirect(302, `https://${lower.toUpperCase()}.example/`));
    const error = await rejectionOf(clientFor({ accessToken: lower }).getCustomerQualifications(TENANT));
    expect(error.message).toContain("it redirects to https://[redacted].example, which is not followed");
  });

  test("a header whose name echoes the token is left out of the Response", async () => {
    const lower = "abcdefghijklmnop0123456789";
    server.script(reply.text(200, "[]", "application/json", { [`x-${lower}`]: "1", "x-other": "2" }));
    const { response } = await clientFor({ accessToken: lower }).withResponse.getCustomerQualifications(TENANT);
    expect(headerNames(response)).not.toContain(`x-${lower}`);
    expect(response.headers.get("x-other")).toBe("2");
  });

  test.each([
    [
      "a revoked proxy",
      () => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      },
    ],
    [
      "a proxy whose every trap throws",
      () =>
        new Proxy(
          {},
          new Proxy(
            {},
            {
              get: (_target, trap) => () => {
                throw new Error(`trap ${String(trap)}`);
              },
            },
          ),
        ),
    ],
  ])("fetch or the token function rejecting with %s gives a client error", async (_case, value) => {
    expect(
      (await rejectionOf(clientFor({ fetch: () => Promise.reject(value()) }).getCustomerQualifications(TENANT))).kind,
    ).toBe("network");
    expect(
      (await rejectionOf(clientFor({ accessToken: () => Promise.reject(value()) }).getCustomerQualifications(TENANT)))
        .kind,
    ).toBe("token");
  });

  test.each([
    ["on the first read", 0],
    ["on the second read", 1],
  ])("a signal whose aborted getter throws %s gives an invalid-argument", async (_case, reads) => {
    const signal = {
      get aborted() {
        if (reads-- <= 0) throw new Error("aborted getter");
        return false;
      },
      addEventListener() {},
      removeEventListener() {},
    };
    const error = await rejectionOf(
      clientFor().getCustomerQualifications(TENANT, { signal: signal as unknown as AbortSignal }),
    );
    expect(error).toMatchObject({ kind: "invalid-argument", message: expect.stringContaining("aborted getter") });
  });

  test("options whose getter throws give an invalid-argument", () => {
    const options = {
      get credential(): never {
        throw new Error("credential getter");
      },
    };
    expect(() => createQualificationsClient(options as never)).toThrow(
      expect.objectContaining({
        kind: "invalid-argument",
        message: "createQualificationsClient: a value it was given failed when read: credential getter",
        cause: expect.objectContaining({ message: "credential getter" }),
      }),
    );
  });

  test.each<[string, () => unknown]>([
    ["Response.error()", () => Response.error()],
    [
      "a Response whose headers throw",
      () =>
        Object.defineProperty(new Response("{}", { status: 404 }), "headers", {
          value: {
            get: () => null,
            forEach: () => {
              throw new Error("forEach");
            },
          },
        }),
    ],
    ["a plain object", () => ({ status: 404, headers: new Headers(), body: null })],
    ["an object with headers and no status", () => ({ headers: new Headers(), body: null, statusText: "OK" })],
  ])("a fetch that gives %s fails as network", async (_case, answer) => {
    const error = await rejectionOf(
      clientFor({ fetch: async () => answer() as Response }).getCustomerQualifications(TENANT),
    );
    expect(error.kind).toBe("network");
  });

  test("the Arabic letter mark, a direction mark, is escaped in messages", async () => {
    server.script(reply.json(404, { code: 1, description: "a\u061cb" }));
    expect((await rejectionOf(clientFor().getCustomerQualifications(TENANT))).message).toContain("a\\u061cb");
  });

  test("a refused header value that is a number is not quoted either", async () => {
    const error = await rejectionOf(
      clientFor().getCustomerQualifications(TENANT, { headers: { "X-Api-Key": 8675309123 as never } }),
    );
    expect(error.message).toBe(
      'headers["X-Api-Key"] must be a string without line breaks or other control characters; got a number',
    );
  });

  test("fetch's error is copied with its message on one line", async () => {
    const error = await rejectionOf(
      clientFor({ fetch: () => Promise.reject(new Error("line1\r\nFAKE \u001b[31m")) }).getCustomerQualifications(
        TENANT,
      ),
    );
    expect((error.cause as Error).message).toBe("line1\\u000d\\u000aFAKE \\u001b[31m");
  });

  test.each<[string, unknown, string]>([
    ["a symbol", Symbol("date"), "symbol"],
    ["a number", 5, "number"],
    [
      "an object whose toString throws",
      {
        toString: () => {
          throw new Error("no text");
        },
      },
      "object",
    ],
  ])("vettingDate refuses a date that is %s as invalid-argument, naming its type", (_case, value, type) => {
    expect(() => vettingDate({ vettingCreateDate: value } as never)).toThrow(
      expect.objectContaining({
        kind: "invalid-argument",
        message: `The vetting date must be an RFC 3339 date-time; got ${type}`,
      }),
    );
  });

  test.each([
    [null, "null"],
    ["2020-12-04T20:54:24Z", "string"],
    [undefined, "undefined"],
  ])("vettingDate refuses %s instead of a qualification as invalid-argument", (value, got) => {
    expect(() => vettingDate(value as never)).toThrow(
      expect.objectContaining({ kind: "invalid-argument", message: `vettingDate takes a qualification; got ${got}` }),
    );
  });

  test.each([
    ["aborted alone", { aborted: false }],
    ["the event methods without aborted", { addEventListener() {}, removeEventListener() {} }],
    ["aborted and addEventListener only", { aborted: false, addEventListener() {} }],
    ["null", null],
  ])("a signal of %s is refused as invalid-argument", async (_case, signal) => {
    const error = await rejectionOf(
      clientFor().getCustomerQualifications(TENANT, { signal: signal as unknown as AbortSignal }),
    );
    expect(error).toMatchObject({
      kind: "invalid-argument",
      message: `signal must be an AbortSignal; got ${signal === null ? "null" : "an object"}`,
    });
  });

  test("a create request that is a function is refused, saying so", async () => {
    const error = await rejectionOf(
      clientFor().createCustomerQualification(TENANT, (() => ({ qualification: "StateOwnedEntity" })) as never),
    );
    expect(error.message).toBe(
      "createCustomerQualification: the request breaks the contract: qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got a function",
    );
  });

  test("a hook that returns a value that is no promise is not reported", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    server.script(reply.json(200, APPROVED));
    await clientFor({
      onRequest: () => 5 as never,
      onResponse: () => ({ then: 1 }) as never,
      onRetry: () => undefined,
    }).getCustomerQualifications(TENANT);
    server.script(reply.json(200, APPROVED));
    await clientFor({ onRequest: () => undefined }).getCustomerQualifications(TENANT);
    expect(reported).not.toHaveBeenCalled();
  });

  test("waitForVetting waits out a Retry-After of 400 digits, past what a timer holds, as one long pause", async () => {
    server.script(
      ...Array.from({ length: 20 }, () =>
        reply.json(429, { statusCode: 429, message: "Rate limit is exceeded." }, { "Retry-After": "9".repeat(400) }),
      ),
    );
    const error = await rejectionOf(
      clientFor().waitForVetting(TENANT, "Education", { intervalMs: 10, timeoutMs: 300 }),
    );
    expect(error.kind).toBe("timeout");
    expect(server.received).toHaveLength(1);
  });

  test("a create request that JSON writes as nothing (undefined) is refused, naming the field", async () => {
    const error = await rejectionOf(clientFor().createCustomerQualification(TENANT, undefined as never));
    expect(error).toMatchObject({
      kind: "invalid-argument",
      message:
        "createCustomerQualification: the request breaks the contract: qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got undefined",
    });
  });
});

describe("the third hostile review: readings that overlap, letter case, tokens inside tokens", () => {
  const JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLXBhcnQ";

  // A token that starts with two hex digits, which a % before it would read as an escape.
  const HEX = "deadbeefcafe0123456789abcdef0011";
  test.each<[string, string, Reply]>([
    [
      "a JSON escape that would eat its first letter",
      JWT,
      reply.text(404, `{"description":"x\\u000${JWT}"}`, "application/json"),
    ],
    ["a URL escape that would eat its first letter", JWT, reply.text(404, `bad request 100%0${JWT}`, "text/plain")],
    ["a percent sign before it in a header", HEX, reply.text(404, "", "text/plain", { "X-Echo": `q=%${HEX}` })],
    [
      "a percent sign before it in the reason phrase",
      HEX,
      (_request, response) => response.writeHead(404, `Bad 100%${HEX}`, { "Content-Type": "text/plain" }).end(),
    ],
  ])("the token as it is, after %s, is redacted", async (_case, token, answer) => {
    server.script(answer);
    const { response, error } = await clientFor({ accessToken: token }).raw.GET(
      "/v1/customers/{customer-tenant-id}/qualifications",
      { params: { path: { "customer-tenant-id": TENANT } }, parseAs: "text" },
    );
    expect([String(error), response.statusText, headerValues(response)].join("\n")).not.toContain(token);
    server.script(answer);
    expect(shown(await rejectionOf(clientFor({ accessToken: token }).getCustomerQualifications(TENANT)))).not.toContain(
      token,
    );
  });

  test("the escapes a message writes cannot complete a token the server sent only in part", async () => {
    server.script(reply.text(404, `{"description":"x\\u000E${JWT.slice(1)}"}`, "application/json"));
    const error = await rejectionOf(clientFor({ accessToken: JWT }).getCustomerQualifications(TENANT));
    expect(error.message).not.toContain(JWT);
    expect(error.message).toContain("[redacted]");
  });

  test("a header named after a token with capitals, which fetch writes in lower case, is left out", async () => {
    server.script(reply.text(200, "[]", "application/json", { [`x-${JWT}`]: "1" }));
    const { response } = await clientFor({ accessToken: JWT }).withResponse.getCustomerQualifications(TENANT);
    expect(headerNames(response).join("\n")).not.toContain(JWT.toLowerCase());
  });

  test("a redirect to a host that spells a token with capitals, which URL writes in lower case, names no token", async () => {
    server.script(reply.redirect(302, `https://${JWT}/x`));
    const error = await rejectionOf(clientFor({ accessToken: JWT }).getCustomerQualifications(TENANT));
    expect(error.message).toContain("it redirects to https://[redacted], which is not followed");
  });

  test("a token of a later attempt that holds the earlier one is redacted whole", async () => {
    const first = "AAAAAAAAAAAAAAAAAAAA.sig";
    const second = `prefix-${first}.more-secret-part`;
    const tokens = [first, second];
    server.script(reply.json(503, {}), reply.text(404, `echo: ${second}`, "text/plain"));
    const error = (await rejectionOf(
      clientFor({
        accessToken: () => tokens.shift()!,
        retry: { retries: 1, minDelayMs: 10 },
      }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    expect(error.body).toBe("echo: [redacted]");
  });

  test.each([
    ["a plain object", { status: 404 }],
    ["undefined", undefined],
  ])("a fetch that answers with %s says it gave no Response", async (_case, answer) => {
    const error = await rejectionOf(
      clientFor({ fetch: async () => answer as Response }).getCustomerQualifications(TENANT),
    );
    expect(error).toMatchObject({ kind: "network", message: expect.stringContaining("fetch gave no Response") });
  });
});

describe("the fourth hostile review: JSON in JSON, URLs in URLs, clipped messages, token functions' errors", () => {
  const T = "AbCdEfGh12345678/+xyz";

  test("a JSON text in a string field of an error body, with the token escaped inside, leaves no token in the parsed body", async () => {
    server.script(
      reply.json(400, {
        code: 1,
        description: '{"token":"AbCdEfGh12345678\\/+xyz"}',
        detail: '{"token":"\\u0041bCdEfGh12345678/+xyz"}',
      }),
    );
    const error = (await rejectionOf(
      clientFor({ accessToken: T }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    const body = error.body as { description: string; detail: string };
    expect([JSON.parse(body.description).token, JSON.parse(body.detail).token]).toEqual(["[redacted]", "[redacted]"]);
    expect(shown(error)).not.toContain("EfGh12345678");
  });

  test("a JSON text in an extra field of a 2xx answer: the data holds no token", async () => {
    server.script(
      reply.json(200, [
        { qualification: "Education", vettingStatus: "Approved", extra: '{"t":"AbCdEfGh12345678\\/+xyz"}' },
      ]),
    );
    const [qualification] = await clientFor({ accessToken: T }).getCustomerQualifications(TENANT);
    expect(JSON.parse((qualification as unknown as { extra: string }).extra)).toEqual({ t: "[redacted]" });
  });

  test.each([
    [
      "URL-encoded twice, in a URL's query",
      `https://login.example/?next=https%3A%2F%2Fx%2F%3Ft%3DAbCdEfGh12345678%252F%252Bxyz`,
    ],
    ["JSON-escaped, then URL-encoded", "%5Cu0041bCdEfGh12345678%2F+xyz"],
    ["JSON-escaped twice", "\\\\u0041bCdEfGh12345678/+xyz"],
  ])("a token %s in a header is redacted", async (_case, echo) => {
    server.script(reply.text(200, "[]", "application/json", { "X-Echo": echo }));
    const { response } = await clientFor({ accessToken: T }).withResponse.getCustomerQualifications(TENANT);
    expect(response.headers.get("X-Echo")).toContain("[redacted]");
    expect(response.headers.get("X-Echo")).not.toContain("EfGh12345678");
  });

  test("a token function's error that quotes an earlier token, past the 300 characters a message keeps, shows none of it, nor does its cause", async () => {
    const first = "eyJAAAAAAAAAAAAAAAA.first-token_1";
    let calls = 0;
    const accessToken = () => {
      if (calls++ === 0) return first;
      throw new Error(`${"p".repeat(271)}refresh failed for ${first}`);
    };
    server.script(reply.json(503, {}));
    const error = await rejectionOf(
      clientFor({ accessToken, retry: { retries: 1, minDelayMs: 10 } }).getCustomerQualifications(TENANT),
    );
    expect(error.kind).toBe("token");
    expect(error.message).toContain("refresh failed for [redacted]");
    expect(shown(error)).not.toContain("eyJAAAAAAA");
  });
});
