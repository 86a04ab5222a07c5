// The MSW handlers (`partner-center-qualifications/msw`) in process, through the real client at its default
// base URL: the vetting lifecycle with fake timers for the waits, the engine's rules, and the contract
// check that refuses any answer of the engine that breaks the contract. On the repository's msw 2, which
// answers fetch within the test's promises, so that fake timers drive the waits exactly (msw 3 answers
// through Node's own fetch, which they do not drive); the consumer matrix runs the guide's setups on
// msw 2 and msw 3 (test/consumers/msw.consumer-test.ts).
import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import * as schemas from "../../generated/schemas.js";
import { validate } from "../../src/contract/schema.js";
import {
  createQualificationsClient,
  type PartnerCenterError,
  type CustomerQualification,
} from "../../src/client/index.js";
import { createQualificationsHandlers, MockOptionsError } from "../../src/mock/msw.js";
import { rejectionOf } from "../support/rejection.js";
import { TENANT } from "../support/harness.js";

const OTHER_TENANT = "0f8fad5b-d9cb-469f-a165-70867728950e";
const EDUCATION = { qualification: "Education", educationSegment: "HigherEducation" } as const;
/** waitForVetting's default time between two polls. */
const INTERVAL = 15 * 60_000;

const { handlers, engine } = createQualificationsHandlers();
// Made before any test installs fake timers, as handlers usually are.
const decidedAfterAnHour = createQualificationsHandlers({ vettingMs: 60 * 60_000 });
const server = setupServer(...handlers);
/** The status of every answer the handlers gave, in order. */
const answered: number[] = [];
server.events.on("response:mocked", ({ response }) => void answered.push(response.status));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  server.resetHandlers();
  engine.reset();
  decidedAfterAnHour.engine.reset();
  answered.length = 0;
});
afterAll(() => server.close());

// Made after server.listen(): the client takes globalThis.fetch, which MSW replaces, when it is created.
const client = (options: { retry?: false } = {}) =>
  createQualificationsClient({ accessToken: "msw-test-token", ...options });

/** What the promise has come to by now, or "pending": under fake timers, only advancing them moves it on. */
const settled = <T>(promise: Promise<T>) => Promise.race([promise, Promise.resolve("pending" as const)]);

/** Starts waitForVetting and records the vetting status that every poll saw. */
function waitForEducation(signal?: AbortSignal) {
  const polls: (string | undefined)[] = [];
  const waiting = client().waitForVetting(TENANT, "Education", {
    onPoll: (current) => polls.push(current?.vettingStatus),
    ...(signal && { signal }),
  });
  return { polls, waiting };
}

describe("the vetting lifecycle through the client", () => {
  test("an Education create answers InReview, and the wait ends Approved on the third poll, two intervals later", async () => {
    vi.useFakeTimers();
    const created = await client().createCustomerQualification(TENANT, EDUCATION);
    expect(created).toMatchObject({
      qualification: "Education",
      vettingStatus: "InReview",
      vettingCreatedDate: new Date().toISOString(),
    });

    const { polls, waiting } = waitForEducation();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL - 1);
    expect(await settled(waiting)).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toMatchObject({ qualification: "Education", vettingStatus: "Approved" });
    expect(polls).toEqual(["InReview", "InReview", "Approved"]);
  });

  test("Prefer: vetting=denied on the create makes the vetting end Denied, with the documented reason", async () => {
    vi.useFakeTimers();
    await client().createCustomerQualification(TENANT, EDUCATION, { headers: { Prefer: "vetting=denied" } });
    const { waiting } = waitForEducation();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL);
    expect(await settled(waiting)).toMatchObject({
      vettingStatus: "Denied",
      vettingReason: "Not an Education Customer",
    });
  });

  test("with vettingMs, the decision comes once that much time has passed on the test's clock", async () => {
    vi.useFakeTimers();
    server.use(...decidedAfterAnHour.handlers);
    await client().createCustomerQualification(TENANT, EDUCATION);
    const { polls, waiting } = waitForEducation();
    await vi.advanceTimersByTimeAsync(4 * INTERVAL);
    expect(await settled(waiting)).toMatchObject({ vettingStatus: "Approved" });
    expect(polls).toEqual(["InReview", "InReview", "InReview", "InReview", "Approved"]);
  });

  test("a 429 with Retry-After in the middle of the wait is waited out, and the wait still ends Approved", async () => {
    vi.useFakeTimers();
    server.use(...createQualificationsHandlers({ throttleEvery: 3, retryAfterSeconds: 1 }).handlers);
    await client().createCustomerQualification(TENANT, EDUCATION);
    const { polls, waiting } = waitForEducation();
    await vi.advanceTimersByTimeAsync(2 * INTERVAL + 999);
    expect(await settled(waiting)).toBe("pending");
    // Retry-After is a minimum; the client adds up to minDelayMs (500 ms by default) of jitter.
    await vi.advanceTimersByTimeAsync(501);
    expect(await settled(waiting)).toMatchObject({ vettingStatus: "Approved" });
    // The third request, the second poll, was throttled, and repeated once Retry-After's second had passed.
    expect(answered).toEqual([201, 200, 429, 200, 200]);
    expect(polls).toEqual(["InReview", "InReview", "Approved"]);
  });

  test("an abort during the wait between polls ends it at once with the client's aborted error", async () => {
    vi.useFakeTimers();
    await client().createCustomerQualification(TENANT, EDUCATION);
    const controller = new AbortController();
    const { polls, waiting } = waitForEducation(controller.signal);
    await vi.advanceTimersByTimeAsync(INTERVAL / 2);
    expect(polls).toEqual(["InReview"]);
    controller.abort();
    expect(await rejectionOf(waiting)).toMatchObject({ kind: "aborted" });
    await vi.advanceTimersByTimeAsync(2 * INTERVAL);
    expect(answered).toEqual([201, 200]);
  });
});

describe("the engine's state and rules", () => {
  test("engine.reset() forgets every customer: the qualification is gone and can be created again", async () => {
    await client().createCustomerQualification(TENANT, EDUCATION);
    expect(await client().getCustomerQualifications(TENANT)).toHaveLength(1);
    engine.reset();
    expect(await client().getCustomerQualifications(TENANT)).toEqual([]);
    expect(await client().createCustomerQualification(TENANT, EDUCATION)).toMatchObject({ vettingStatus: "InReview" });
  });

  test("engine.seed() sets customers and validation codes; a seeded InReview is vetted like a created one", async () => {
    vi.useFakeTimers();
    const qualifications: CustomerQualification[] = [
      { qualification: "StateOwnedEntity" },
      { qualification: "Education", vettingStatus: "InReview", vettingCreatedDate: "2026-01-05T09:00:00.000Z" },
    ];
    const validationCodes = [
      { validationId: "555001", organizationName: "Fabrikam", maxCreates: 1, remainingCreates: 1 },
    ];
    engine.seed({ customers: { [TENANT]: qualifications }, validationCodes });
    expect(await client().getCustomerQualifications(TENANT)).toEqual(qualifications);
    expect(await client().getValidationCodes()).toEqual(validationCodes);
    const { waiting } = waitForEducation();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(await settled(waiting)).toMatchObject({ vettingStatus: "Approved" });
  });

  test("a GCC create uses up a validation code; a used-up or unknown code answers the documented 400", async () => {
    engine.seed({ validationCodes: [{ validationId: "555001", maxCreates: 1, remainingCreates: 1 }] });
    const gcc = (validationCode: string) => ({ qualification: "GovernmentCommunityCloud", validationCode }) as const;
    expect(await client().createCustomerQualification(TENANT, gcc("555001"))).toMatchObject({
      qualification: "GovernmentCommunityCloud",
      vettingStatus: "Approved",
    });
    expect(await client().getValidationCodes()).toEqual([
      { validationId: "555001", maxCreates: 1, remainingCreates: 0 },
    ]);

    const usedUp = (await rejectionOf(
      client().createCustomerQualification(OTHER_TENANT, gcc("555001")),
    )) as PartnerCenterError;
    expect(usedUp).toMatchObject({
      status: 400,
      code: 800002,
      body: { data: ["validationCode 555001 has no creates left"] },
    });
    const unknown = (await rejectionOf(
      client().createCustomerQualification(OTHER_TENANT, gcc("999999")),
    )) as PartnerCenterError;
    expect(unknown).toMatchObject({
      status: 400,
      body: { data: ["validationCode 999999 is not one of the partner's validation codes"] },
    });
    expect(await client().getCustomerQualifications(OTHER_TENANT)).toEqual([]);
  });

  test("the customer's GCC validation is the code its create used; the handler for all codes still answers", async () => {
    await client().createCustomerQualification(TENANT, {
      qualification: "GovernmentCommunityCloud",
      validationCode: "12345",
    });
    expect(await client().getCustomerValidation(TENANT)).toMatchObject({
      customerId: TENANT,
      validationId: "12345",
      organizationName: "Contoso, Inc.",
    });
    expect(await client().getValidationCodes()).toHaveLength(2);
    expect(await rejectionOf(client().getCustomerValidation(OTHER_TENANT))).toMatchObject({ status: 404 });
  });

  test("the same MS-RequestId creates once and answers the same; a new one conflicts", async () => {
    const requestId = "037db222-6d8e-4d7f-ba78-df3dca33fb68";
    const first = await client().createCustomerQualification(TENANT, EDUCATION, { requestId });
    expect(await client().createCustomerQualification(TENANT, EDUCATION, { requestId })).toEqual(first);
    expect(await client().getCustomerQualifications(TENANT)).toEqual([first]);
    expect(await rejectionOf(client().createCustomerQualification(TENANT, EDUCATION))).toMatchObject({ status: 409 });
  });

  test("a body that is not JSON gets the contract's 400", async () => {
    const response = await fetch(`https://api.partnercenter.microsoft.com/v1/customers/${TENANT}/qualifications`, {
      method: "POST",
      headers: { Authorization: "Bearer msw-test-token", "Content-Type": "application/json" },
      body: '{"qualification":',
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(validate(schemas.errorBody, body)).toEqual([]);
    expect(body).toMatchObject({ code: 800002 });
  });

  // msw's own matching of a path parameter decodes it, and a malformed escape threw there: a 500 with a stack.
  test("a tenant id with a malformed escape gets the contract's 400, read as it came, with a base URL's path too", async () => {
    for (const tenant of ["%", "%zz", "%E0%A4%A"]) {
      const response = await fetch(`https://api.partnercenter.microsoft.com/v1/customers/${tenant}/qualifications`, {
        headers: { Authorization: "Bearer msw-test-token" },
      });
      expect(response.status, tenant).toBe(400);
      expect(await response.json()).toMatchObject({ code: 800002, data: ["customer-tenant-id must be a GUID"] });
    }
    server.use(...createQualificationsHandlers({ baseUrl: "https://example.test/prefix" }).handlers);
    const prefixed = await fetch(`https://example.test/prefix/v1/customers/${TENANT}/qualifications`, {
      headers: { Authorization: "Bearer msw-test-token" },
    });
    expect({ status: prefixed.status, body: await prefixed.json() }).toEqual({ status: 200, body: [] });
  });

  test("the retired calls answer 501 (not modelled) rather than reach the network", async () => {
    const { error, response } = await client().raw.GET("/v1/customers/{customer-tenant-id}/qualification", {
      params: { path: { "customer-tenant-id": TENANT } },
    });
    expect(response.status).toBe(501);
    expect(validate(schemas.errorBody, error)).toEqual([]);
  });

  test("baseUrl moves the handlers, path included; it must be an absolute URL", async () => {
    expect(() => createQualificationsHandlers({ baseUrl: "api.partnercenter.microsoft.com" })).toThrow(
      MockOptionsError,
    );
    expect(() => createQualificationsHandlers({ baseUrl: "api.partnercenter.microsoft.com" })).toThrow(
      'baseUrl must be an absolute URL such as https://api.partnercenter.microsoft.com; got "api.partnercenter.microsoft.com"',
    );
    const baseUrl = "https://partner.partnercenterapi.microsoftonline.cn/proxy";
    server.use(...createQualificationsHandlers({ baseUrl }).handlers);
    const elsewhere = createQualificationsClient({ accessToken: "msw-test-token", baseUrl });
    expect(await elsewhere.createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" })).toEqual({
      qualification: "StateOwnedEntity",
    });
    expect(await elsewhere.getCustomerQualifications(TENANT)).toEqual([{ qualification: "StateOwnedEntity" }]);
  });
});

describe("the contract check in front of the engine", () => {
  const qualifications = `/v1/customers/${TENANT}/qualifications`;
  // A faulty engine: each answer breaks the contract in one way.
  test.each([
    [
      "a 2xx body of the wrong shape",
      "GET",
      { status: 200, body: [{ qualification: 42 }] },
      "the HTTP 200 body fails /0/qualification: type",
    ],
    [
      "a status the call does not declare",
      "POST",
      { status: 202, body: { qualification: "StateOwnedEntity" } },
      "HTTP 202 is not an answer of this call",
    ],
    [
      "an error body of the wrong shape",
      "GET",
      { status: 404, body: { code: { nested: true } } },
      "the HTTP 404 body fails /code: type",
    ],
    [
      "a throttling body of the wrong shape",
      "POST",
      { status: 429, body: { statusCode: "429" } },
      "the HTTP 429 body fails /statusCode: type",
    ],
  ])(
    "refuses %s: the client gets a 500 that names the rule, and MSW reports the error",
    async (_fault, method, wrong, problem) => {
      vi.spyOn(engine, "handle").mockReturnValue({ headers: {}, ...wrong });
      const reported = vi.spyOn(console, "error").mockImplementation(() => {});
      const call =
        method === "GET"
          ? client({ retry: false }).getCustomerQualifications(TENANT)
          : client({ retry: false }).createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" });
      const error = (await rejectionOf(call)) as PartnerCenterError;
      const message = `partner-center-qualifications/msw: the mock's answer to ${method} ${qualifications} breaks the contract: ${problem}`;
      expect(error.status).toBe(500);
      expect(error.description).toContain(message);
      expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining(message) }));
    },
  );

  test("the refusal names every rule broken, where, and with its parameters; the root is written /", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(engine, "handle").mockReturnValue({ status: 200, headers: {}, body: "not a list" });
    await rejectionOf(client({ retry: false }).getCustomerQualifications(TENANT));
    expect(reported.mock.calls[0]![0]).toMatchObject({
      message: `partner-center-qualifications/msw: the mock's answer to GET ${qualifications} breaks the contract: the HTTP 200 body fails /: type {"type":"array"}; /: type {"type":"object"}; /: oneOf {}`,
    });
  });

  test("under a base URL with a path, the refusal names the contract's path, without the base's", async () => {
    const baseUrl = "https://partner.partnercenterapi.microsoftonline.cn/proxy";
    const proxied = createQualificationsHandlers({ baseUrl });
    server.use(...proxied.handlers);
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(proxied.engine, "handle").mockReturnValue({ status: 200, headers: {}, body: "not a list" });
    const elsewhere = createQualificationsClient({ accessToken: "msw-test-token", baseUrl, retry: false });
    await rejectionOf(elsewhere.getCustomerQualifications(TENANT));
    expect(reported.mock.calls[0]![0]).toMatchObject({
      message: expect.stringContaining(`the mock's answer to GET ${qualifications} breaks the contract`),
    });
  });

  test("the retired PUT answers 501 too, and a baseUrl's trailing slash is dropped", async () => {
    server.use(
      ...createQualificationsHandlers({ baseUrl: "https://partner.partnercenterapi.microsoftonline.cn/proxy//" })
        .handlers,
    );
    const elsewhere = createQualificationsClient({
      accessToken: "msw-test-token",
      baseUrl: "https://partner.partnercenterapi.microsoftonline.cn/proxy",
    });
    const { error, response } = await elsewhere.raw.PUT("/v1/customers/{customer-tenant-id}/qualification", {
      params: { path: { "customer-tenant-id": TENANT } },
      body: "Education",
    });
    expect(response.status).toBe(501);
    expect(error).toMatchObject({
      code: 0,
      data: [
        "the retired synchronous calls are not modelled by the stateful mock; the static mock serves their examples",
      ],
    });
    expect(await elsewhere.getCustomerQualifications(TENANT)).toEqual([]);
  });

  test("seeded data that breaks the contract is refused by seed() itself, so no handler ever answers it", async () => {
    const wrong = [{ qualification: "Education", vettingStatus: 7 } as unknown as CustomerQualification];
    expect(() => engine.seed({ customers: { [TENANT]: wrong } })).toThrow("vettingStatus");
    expect(await client().getCustomerQualifications(TENANT)).toEqual([]);
  });

  test("the built ./msw entry imports no Node module, only its peer msw, so it runs in browsers too", () => {
    // dist/ is built by the global setup.
    for (const file of ["dist/mock/msw.js", "dist/mock/msw.cjs"]) {
      const code = readFileSync(file, "utf8");
      const modules = [...code.matchAll(/\bfrom\s*"([^"]+)"|\brequire\("([^"]+)"\)|\bimport\("([^"]+)"\)/g)].map(
        (match) => match[1] ?? match[2] ?? match[3],
      );
      expect(modules, file).toEqual(["msw"]);
    }
  });
});
