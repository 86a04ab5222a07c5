// Bad arguments are refused before any network I/O, with a message that says what was expected.
import { describe, expect, test } from "vitest";
import {
  createQualificationsClient,
  PartnerCenterClientError,
  vettingDate,
  type QualificationsClientOptions,
} from "../../src/client/index.js";
import { rejectionOf } from "../support/rejection.js";
import { TENANT } from "../support/harness.js";

// A fetch that counts: a refused call must not reach it.
function counting() {
  const calls: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    calls.push(String(input instanceof Request ? input.url : input));
    return new Response("[]", { headers: { "Content-Type": "application/json" } });
  };
  return { calls, fetch };
}

function refusal(run: () => unknown): PartnerCenterClientError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCenterClientError);
    expect((error as PartnerCenterClientError).kind).toBe("invalid-argument");
    return error as PartnerCenterClientError;
  }
  throw new Error("expected a synchronous refusal");
}

async function asyncRefusal(promise: Promise<unknown>): Promise<PartnerCenterClientError> {
  const error = await rejectionOf(promise);
  expect(error.kind).toBe("invalid-argument");
  return error;
}

describe("createQualificationsClient options", () => {
  test.each<[string, unknown, string]>([
    ["no options", undefined, "options must be an object"],
    ["a missing token", {}, "accessToken must be a non-empty string or a function"],
    ["an empty token", { accessToken: "" }, "accessToken must be a non-empty string"],
    [
      "a baseUrl that is not a URL",
      { accessToken: "t", baseUrl: "partnercenter" },
      'baseUrl must be an http or https URL such as https://api.partnercenter.microsoft.com, without user:password@, query or fragment; got "partnercenter"',
    ],
    ["an ftp baseUrl", { accessToken: "t", baseUrl: "ftp://example.com" }, "baseUrl must be an http or https URL"],
    [
      "a scheme that only ends in https",
      { accessToken: "t", baseUrl: "xhttps://api.partnercenter.microsoft.com" },
      "baseUrl must be an http or https URL",
    ],
    ["a fetch that is not a function", { accessToken: "t", fetch: "fetch" }, "fetch must be a fetch function"],
    [
      "a zero timeout",
      { accessToken: "t", timeoutMs: 0 },
      "timeoutMs must be a number of milliseconds from 1 to 2147483647; got 0",
    ],
    [
      "negative retries",
      { accessToken: "t", retry: { retries: -1 } },
      "retry.retries must be a whole number, 0 or more; got -1",
    ],
    ["a fractional retry count", { accessToken: "t", retry: { retries: 1.5 } }, "retry.retries must be a whole number"],
    [
      "a NaN delay",
      { accessToken: "t", retry: { maxDelayMs: Number.NaN } },
      "retry.maxDelayMs must be a number of milliseconds from 10 to 2147483647; got NaN",
    ],
    [
      "min delay above max delay",
      { accessToken: "t", retry: { minDelayMs: 50, maxDelayMs: 20 } },
      "retry.minDelayMs must be at most retry.maxDelayMs (20); got 50",
    ],
    [
      "a locale with a line break",
      { accessToken: "t", locale: "en-US\r\nX-Evil: 1" },
      "locale must be a string without line breaks",
    ],
    [
      "a locale with a control character",
      { accessToken: "t", locale: "en-US\u0001" },
      "locale must be a string without line breaks or other control characters; got a string with a control character or one beyond Latin-1 at index 5",
    ],
    [
      "an application name beyond Latin-1",
      { accessToken: "t", application: "Contoso €" },
      "application must be a string without line breaks or other control characters",
    ],
    [
      "a contractVersion with a NUL",
      { accessToken: "t", contractVersion: "v1\0" },
      "contractVersion must be a string without line breaks",
    ],
    [
      "a baseUrl with a fragment",
      { accessToken: "t", baseUrl: "https://api.partnercenter.microsoft.com#frag" },
      "without user:password@, query or fragment",
    ],
    [
      "a baseUrl with a query",
      { accessToken: "t", baseUrl: "https://api.partnercenter.microsoft.com/?x=1" },
      "without user:password@, query or fragment",
    ],
    [
      "a baseUrl with an empty query",
      { accessToken: "t", baseUrl: "https://api.partnercenter.microsoft.com?" },
      "without user:password@, query or fragment",
    ],
    // What a timer holds: Node would run a longer one after 1 ms, timing out every call at once.
    [
      "a timeout longer than a timer holds",
      { accessToken: "t", timeoutMs: 3e9 },
      "timeoutMs must be a number of milliseconds from 1 to 2147483647; got 3000000000",
    ],
    [
      "a retry delay longer than a timer holds",
      { accessToken: "t", retry: { maxDelayMs: 2 ** 31 } },
      "retry.maxDelayMs must be a number of milliseconds from 10 to 2147483647; got 2147483648",
    ],
    [
      "a Retry-After limit longer than a timer holds",
      { accessToken: "t", retry: { maxRetryAfterMs: 1e12 } },
      "retry.maxRetryAfterMs must be a number of milliseconds from 0 to 2147483647",
    ],
    [
      "a timeout given as a string",
      { accessToken: "t", timeoutMs: "5000" },
      'timeoutMs must be a number of milliseconds from 1 to 2147483647; got "5000"',
    ],
    // A floor on retry delays: minDelayMs 0 with a million retries sent 900 requests in 2 s.
    [
      "no wait between retries",
      { accessToken: "t", retry: { minDelayMs: 0, retries: 1e6 } },
      "retry.minDelayMs must be a number of milliseconds from 10 to 2147483647; got 0",
    ],
    [
      "a maximum wait under the floor",
      { accessToken: "t", retry: { maxDelayMs: 5 } },
      "retry.maxDelayMs must be a number of milliseconds from 10 to 2147483647; got 5",
    ],
    [
      "retry: true",
      { accessToken: "t", retry: true },
      "retry must be false or an object such as { retries: 3, minDelayMs: 500 }; got true",
    ],
    [
      "a size limit of 0",
      { accessToken: "t", maxResponseBytes: 0 },
      "maxResponseBytes must be a whole number of bytes, 1 or more; got 0",
    ],
    [
      "a fractional size limit",
      { accessToken: "t", maxResponseBytes: 1.5 },
      "maxResponseBytes must be a whole number of bytes, 1 or more; got 1.5",
    ],
    [
      "allowInsecureHttp that is not a boolean",
      { accessToken: "t", allowInsecureHttp: "yes" },
      'allowInsecureHttp must be true or false; got "yes"',
    ],
    ["a hook that is not a function", { accessToken: "t", onRetry: "log" }, 'onRetry must be a function; got "log"'],
    [
      "a credential of null",
      { credential: null },
      "credential must be a TokenCredential (an object with getToken), given without accessToken; got null",
    ],
    [
      "a credential without getToken",
      { credential: { token: "x" } },
      "credential must be a TokenCredential (an object with getToken), given without accessToken; got an object",
    ],
    [
      "a credential and an accessToken",
      { credential: { getToken: async () => null }, accessToken: "t" },
      "credential must be a TokenCredential (an object with getToken), given without accessToken; got an object",
    ],
    [
      "client-wide headers that are not an object",
      { accessToken: "t", headers: ["Prefer: x"] },
      "headers must be a plain object of header names and string values (for a Headers or a Map: Object.fromEntries(headers)); got an array",
    ],
    [
      "a client-wide Authorization header",
      { accessToken: "t", headers: { Authorization: "Bearer other" } },
      'a header name must be one the client does not set itself (Authorization, Accept, MS-RequestId); got "Authorization"',
    ],
    [
      "a client-wide accept header",
      { accessToken: "t", headers: { accept: "text/html" } },
      'a header name must be one the client does not set itself (Authorization, Accept, MS-RequestId); got "accept"',
    ],
    // Every call's idempotency key would be the same: Partner Center would take every create for the first.
    [
      "a client-wide MS-RequestId",
      { accessToken: "t", headers: { "ms-requestid": "037db222-6d8e-4d7f-ba78-df3dca33fb68" } },
      'a header name must be one the client does not set itself (Authorization, Accept, MS-RequestId); got "ms-requestid"',
    ],
    [
      "a client-wide MS-CorrelationId that is not a uuid",
      { accessToken: "t", headers: { "MS-CORRELATIONID": "nope" } },
      'headers["MS-CORRELATIONID"] must be a uuid; got a string of 4 characters',
    ],
    [
      "a client-wide header value with a line break",
      { accessToken: "t", headers: { "MS-CV": "a\r\nX-Evil: 1" } },
      'headers["MS-CV"] must be a string without line breaks',
    ],
  ])("%s", (_case, options, message) => {
    expect(refusal(() => createQualificationsClient(options as QualificationsClientOptions)).message).toContain(
      message,
    );
  });
});

describe("credentials in baseUrl", () => {
  test.each([
    "https://user:s3cret-pass@api.partnercenter.microsoft.com",
    "https://s3cret-pass@api.partnercenter.microsoft.com",
    "https:user:s3cret-pass@api.partnercenter.microsoft.com",
    "https://user:s3cret-pass@bad host",
  ])("%s is refused without echoing the credentials", (baseUrl) => {
    const error = refusal(() => createQualificationsClient({ accessToken: "t", baseUrl }));
    expect(error.message).toBe(
      'baseUrl must be an http or https URL such as https://api.partnercenter.microsoft.com, without user:password@, query or fragment; got "(not shown: it has an @)"',
    );
    expect(JSON.stringify(error)).not.toContain("s3cret");
  });
});

describe("arguments of the calls", () => {
  test.each([
    "",
    "not-a-guid",
    `${TENANT} `,
    `${TENANT}/../all/validations`,
    "4a1f2b6c9d3e4f5a8b7c0d1e2f3a4b5c",
    "{4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c}",
  ])("customer id %j is refused and nothing is sent", async (customerTenantId) => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: "t", fetch });
    const error = await asyncRefusal(client.getCustomerQualifications(customerTenantId));
    expect(error.message).toMatch(
      /^customerTenantId must be a GUID such as 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c; got /,
    );
    await asyncRefusal(client.createCustomerQualification(customerTenantId, { qualification: "StateOwnedEntity" }));
    await asyncRefusal(client.waitForVetting(customerTenantId, "Education"));
    await asyncRefusal(client.getCustomerValidation(customerTenantId));
    expect(calls).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    [
      "Education without educationSegment",
      { qualification: "Education", website: "contoso.edu" },
      "createCustomerQualification: the request breaks the contract: educationSegment is required",
    ],
    [
      "an unknown educationSegment",
      { qualification: "Education", educationSegment: "University" },
      'educationSegment must be one of "K12", "HigherEducation"',
    ],
    [
      "GovernmentCommunityCloud without validationCode",
      { qualification: "GovernmentCommunityCloud" },
      "validationCode is required",
    ],
    [
      "a numeric validationCode",
      { qualification: "GovernmentCommunityCloud", validationCode: 123456 },
      "validationCode must be string",
    ],
    [
      "a website that is not a string",
      { qualification: "Education", educationSegment: "K12", website: 5 },
      "the request breaks the contract: website must be string",
    ],
    [
      "Nonprofit, which cannot be set",
      { qualification: "Nonprofit" },
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "Nonprofit"',
    ],
    [
      "no qualification",
      {},
      "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got undefined",
    ],
    [
      "a request that is not an object",
      "Education",
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "Education"',
    ],
    [
      "a request of null",
      null,
      "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got null",
    ],
    [
      "a request that is an array",
      [{ qualification: "Education" }],
      "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got undefined",
    ],
    [
      "a qualification that is a number",
      { qualification: 5 },
      "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got 5",
    ],
    // Names every object inherits are no variant of the request.
    // A property key made of an array is its text: it must not pick a variant either.
    [
      "a qualification in an array",
      { qualification: ["Education"] },
      "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got an array",
    ],
    [
      "a qualification named constructor",
      { qualification: "constructor" },
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "constructor"',
    ],
    [
      "a qualification named toString",
      { qualification: "toString" },
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "toString"',
    ],
    [
      "a qualification named __proto__",
      { qualification: "__proto__" },
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "__proto__"',
    ],
  ])("a create request with %s is refused and nothing is sent", async (_case, request, message) => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: "t", fetch });
    const error = await asyncRefusal(client.createCustomerQualification(TENANT, request as never));
    expect(error.message).toContain(message);
    expect(calls).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    [
      "a correlation id that is not a uuid",
      { correlationId: "abc" },
      "correlationId must be a uuid; got a string of 3 characters",
    ],
    ["a signal that is not an AbortSignal", { signal: "stop" }, "signal must be an AbortSignal"],
    [
      "a header value with a line break",
      { headers: { Prefer: "a\nb" } },
      'headers["Prefer"] must be a string without line breaks',
    ],
    [
      "a header value with a control character",
      { headers: { Prefer: "a\u0007b" } },
      'headers["Prefer"] must be a string without line breaks or other control characters; got a string with a control character or one beyond Latin-1 at index 1',
    ],
    [
      "a header value beyond Latin-1",
      { headers: { Prefer: "example=€" } },
      'headers["Prefer"] must be a string without line breaks or other control characters; got a string with a control character or one beyond Latin-1 at index 8',
    ],
    [
      "a header value that is not a string",
      { headers: { Prefer: 5 } },
      'headers["Prefer"] must be a string without line breaks or other control characters; got a number',
    ],
    [
      "a header name with a space",
      { headers: { "Bad Name": "x" } },
      'a header name must be a token such as Prefer; got "Bad Name"',
    ],
    [
      "a header name with a colon",
      { headers: { "X-A:": "x" } },
      'a header name must be a token such as Prefer; got "X-A:"',
    ],
    ["an empty header name", { headers: { "": "x" } }, 'a header name must be a token such as Prefer; got ""'],
    [
      "headers that are not an object",
      { headers: "Prefer: x" },
      'headers must be a plain object of header names and string values (for a Headers or a Map: Object.fromEntries(headers)); got "Prefer: x"',
    ],
    [
      "an Authorization header",
      { headers: { Authorization: "Bearer other-token" } },
      'a header name must be one the client does not set itself (Authorization, Accept); got "Authorization"',
    ],
    [
      "an authorization header in lower case",
      { headers: { authorization: "Bearer other-token" } },
      'a header name must be one the client does not set itself (Authorization, Accept); got "authorization"',
    ],
    [
      "an Accept header in upper case",
      { headers: { ACCEPT: "text/html" } },
      'a header name must be one the client does not set itself (Authorization, Accept); got "ACCEPT"',
    ],
    [
      "an MS-RequestId header that is not a uuid",
      { headers: { "MS-RequestId": "not-a-uuid" } },
      'headers["MS-RequestId"] must be a uuid; got a string of 10 characters',
    ],
    [
      "an ms-correlationid header that is not a uuid",
      { headers: { "ms-correlationid": "nope" } },
      'headers["ms-correlationid"] must be a uuid; got a string of 4 characters',
    ],
    [
      "retry: true",
      { retry: true },
      "retry must be false or an object such as { retries: 3, minDelayMs: 500 }; got true",
    ],
    [
      "headers given as a function",
      { headers: () => ({ Prefer: "x" }) },
      "headers must be a plain object of header names and string values (for a Headers or a Map: Object.fromEntries(headers)); got a function",
    ],
    ["a correlation id of null", { correlationId: null }, "correlationId must be a uuid; got null"],
    [
      "a correlation id that is a long string",
      { correlationId: "x".repeat(100) },
      "correlationId must be a uuid; got a string of 100 characters",
    ],
    [
      "a retry delay under the floor",
      { retry: { minDelayMs: 1 } },
      "retry.minDelayMs must be a number of milliseconds from 10 to 2147483647; got 1",
    ],
    ["a zero timeout", { timeoutMs: 0 }, "timeoutMs must be a number of milliseconds from 1 to 2147483647; got 0"],
    [
      "call options that are not an object",
      "fast",
      'call options must be an object such as { signal, correlationId }; got "fast"',
    ],
  ])("call options with %s are refused", async (_case, call, message) => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: "t", fetch });
    const error = await asyncRefusal(client.getCustomerQualifications(TENANT, call as never));
    expect(error.message).toContain(message);
    // A refused Authorization header is named, not quoted.
    expect(error.message).not.toContain("other-token");
    expect(calls).toEqual([]);
  });

  test("uuids as MS-RequestId and MS-CorrelationId headers, in any letter case, are sent", async () => {
    const sent: Headers[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return new Response("[]", { headers: { "Content-Type": "application/json" } });
    };
    const client = createQualificationsClient({ accessToken: "t", fetch });
    await client.getCustomerQualifications(TENANT, {
      headers: {
        "ms-requestid": "037db222-6d8e-4d7f-ba78-df3dca33fb68",
        "MS-CORRELATIONID": "0f8fad5b-d9cb-469f-a165-70867728950e",
      },
    });
    // Spelled exactly as the options' headers are: an unset option must not drop them.
    await client.getCustomerQualifications(TENANT, {
      headers: {
        "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68",
        "MS-CorrelationId": "0f8fad5b-d9cb-469f-a165-70867728950e",
      },
    });
    for (const headers of sent)
      expect([headers.get("MS-RequestId"), headers.get("MS-CorrelationId")]).toEqual([
        "037db222-6d8e-4d7f-ba78-df3dca33fb68",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
      ]);
    expect(sent).toHaveLength(2);
  });

  test("an id option wins over the same header, in any letter case, and is sent once", async () => {
    const sent: Headers[] = [];
    const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Headers(init?.headers));
      return new Response(JSON.stringify({ qualification: "StateOwnedEntity" }), {
        status: 201,
        headers: { "Content-Type": "application/json" },
      });
    };
    const client = createQualificationsClient({ accessToken: "t", fetch });
    const headers = {
      "ms-requestid": "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "MS-CorrelationId": "0f8fad5b-d9cb-469f-a165-70867728950e",
    };
    await client.createCustomerQualification(
      TENANT,
      { qualification: "StateOwnedEntity" },
      {
        headers,
        requestId: "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745",
        correlationId: "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
      },
    );
    expect([sent[0]!.get("MS-RequestId"), sent[0]!.get("MS-CorrelationId")]).toEqual([
      "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745",
      "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
    ]);
  });

  test("a requestId that is not a uuid is refused", async () => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: "t", fetch });
    const error = await asyncRefusal(
      client.createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }, { requestId: "1" }),
    );
    expect(error.message).toBe("requestId must be a uuid; got a string of 1 character");
    expect(calls).toEqual([]);
  });

  test.each<[string, object, string]>([
    ["a zero interval", { intervalMs: 0 }, "intervalMs must be a number of milliseconds from 1 to 2147483647; got 0"],
    [
      "a negative interval",
      { intervalMs: -5 },
      "intervalMs must be a number of milliseconds from 1 to 2147483647; got -5",
    ],
    [
      "an infinite timeout",
      { timeoutMs: Number.POSITIVE_INFINITY },
      "timeoutMs must be a number of milliseconds from 1 to 2147483647; got Infinity",
    ],
    ["an onPoll that is not a function", { onPoll: "log" }, 'onPoll must be a function; got "log"'],
    // 30 days would overflow a timer, which Node then runs after 1 ms: 441 polls a second.
    [
      "an interval longer than a timer holds",
      { intervalMs: 30 * 24 * 60 * 60_000 },
      "intervalMs must be a number of milliseconds from 1 to 2147483647; got 2592000000",
    ],
    [
      "a timeout longer than a timer holds",
      { timeoutMs: 2 ** 31 },
      "timeoutMs must be a number of milliseconds from 1 to 2147483647; got 2147483648",
    ],
    ["a signal that is not an AbortSignal", { signal: {} }, "signal must be an AbortSignal; got an object"],
  ])("waitForVetting with %s is refused", async (_case, wait, message) => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: "t", fetch });
    expect((await asyncRefusal(client.waitForVetting(TENANT, "Education", wait))).message).toContain(message);
    expect(calls).toEqual([]);
  });
});

describe("tokens", () => {
  test.each<[string, () => unknown, string]>([
    [
      "a function that throws",
      () => {
        throw new Error("vault unreachable");
      },
      "got no access token: vault unreachable (1 attempt)",
    ],
    ["a function that returns nothing", () => undefined, "got undefined"],
    ["a function that returns an empty string", () => "", "got an empty string"],
    ["a token with a line break", () => "abc\ndef", "got a string with other characters"],
  ])("%s gives a token error, without echoing the token", async (_case, accessToken, message) => {
    const { calls, fetch } = counting();
    const client = createQualificationsClient({ accessToken: accessToken as () => string, fetch });
    const error = await rejectionOf(client.getCustomerQualifications(TENANT));
    expect(error.kind).toBe("token");
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("abc");
    expect(calls).toEqual([]);
  });
});

test.each([
  ["a token with a space", "abc def", "a string with other characters"],
  ["a token beyond ASCII", "tökén", "a string with other characters"],
  // JSON writes these as \" and \\, and a URL as %22 and %5C: the token syntax keeps every echo redactable.
  ["a token with a quote", 'abc"def', "a string with other characters"],
  ["a token with a backslash", "abc\\def", "a string with other characters"],
  ["a token with = inside", "abc=def", "a string with other characters"],
])("%s given as a string is refused when the client is made, without echoing it", (_case, accessToken, got) => {
  let error: unknown;
  try {
    createQualificationsClient({ accessToken });
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toMatchObject({
    kind: "token",
    message: `The access token must be a Bearer token (letters, digits and -._~+/, then any =); got ${got}`,
  });
});

describe("vettingDate (decision 2)", () => {
  test("reads either spelling", () => {
    expect(vettingDate({ vettingCreateDate: "2020-12-04T20:54:24Z" })?.toISOString()).toBe("2020-12-04T20:54:24.000Z");
    expect(vettingDate({ vettingCreatedDate: "2020-12-03T10:37:38.885Z" })?.toISOString()).toBe(
      "2020-12-03T10:37:38.885Z",
    );
    expect(vettingDate({})).toBeUndefined();
  });

  test("reads seven fractional digits and +00:00 offsets", () => {
    expect(vettingDate({ vettingCreateDate: "2021-05-06T19:59:56.6832021+00:00" })?.toISOString()).toBe(
      "2021-05-06T19:59:56.683Z",
    );
    expect(vettingDate({ vettingCreateDate: "2021-05-06T21:59:56.1+02:00" })?.toISOString()).toBe(
      "2021-05-06T19:59:56.100Z",
    );
  });

  test.each([
    "yesterday",
    "2021-02-30T25:00:00Z",
    "on 2020-12-04T20:54:24Z",
    "2020-12-04T20:54:24Z and later",
    "2020-12-04T20:54:24",
    "2020-12-04",
    "2020-12-04T20:54:24.Z",
  ])("refuses %j: the whole text must be one date-time", (text) => {
    expect(refusal(() => vettingDate({ vettingCreateDate: text })).message).toBe(
      `The vetting date must be an RFC 3339 date-time; got ${JSON.stringify(text)}`,
    );
  });

  test.each(["2021-02-30T10:00:00Z", "2021-02-29T10:00:00Z", "2021-04-31T10:00:00Z"])(
    "refuses %j, a day its month does not have, rather than rolling it over",
    (text) => {
      expect(refusal(() => vettingDate({ vettingCreateDate: text })).message).toBe(
        `The vetting date must be an RFC 3339 date-time; got ${JSON.stringify(text)}`,
      );
    },
  );

  test("reads the 29th of February of a leap year", () => {
    expect(vettingDate({ vettingCreateDate: "2020-02-29T10:00:00Z" })?.toISOString()).toBe("2020-02-29T10:00:00.000Z");
  });

  test("a leap second, which a Date cannot hold, is read as the start of the next second rather than refused or an Invalid Date", () => {
    expect(vettingDate({ vettingCreateDate: "2016-12-31T23:59:60Z" })?.toISOString()).toBe("2017-01-01T00:00:00.000Z");
    expect(vettingDate({ vettingCreateDate: "2016-12-31T23:59:60.25+00:00" })?.toISOString()).toBe(
      "2017-01-01T00:00:00.250Z",
    );
  });

  test("reads the lower-case and space-separated forms RFC 3339 allows", () => {
    expect(vettingDate({ vettingCreateDate: "2020-12-04t20:54:24z" })?.toISOString()).toBe("2020-12-04T20:54:24.000Z");
    expect(vettingDate({ vettingCreateDate: "2020-12-04 20:54:24-01:30" })?.toISOString()).toBe(
      "2020-12-04T22:24:24.000Z",
    );
  });
});

test.each([
  ["an empty qualification", ""],
  ["a qualification that is not a string", 5],
])("waitForVetting with %s is refused before any poll", async (_case, qualification) => {
  const { calls, fetch } = counting();
  const client = createQualificationsClient({ accessToken: "t", fetch });
  const error = await asyncRefusal(client.waitForVetting(TENANT, qualification as never));
  expect(error.message).toBe(
    `qualification must be a qualification name such as Education; got ${qualification === "" ? '""' : qualification}`,
  );
  expect(calls).toEqual([]);
});

test("waitForVetting with wait options that are not an object is refused", async () => {
  const { calls, fetch } = counting();
  const client = createQualificationsClient({ accessToken: "t", fetch });
  expect((await asyncRefusal(client.waitForVetting(TENANT, "Education", null as never))).message).toContain(
    "wait options must be an object",
  );
  expect(calls).toEqual([]);
});
