// The lifecycle engine on its own, without a socket: each rule, and every answer checked against the
// contract's schema for its operation and status.
import { beforeEach, describe, expect, test } from "vitest";
import {
  createEngine,
  DENIED_REASON,
  type Engine,
  type EngineOptions,
  type EngineRequest,
  type EngineResponse,
  type EngineState,
} from "../../src/mock/engine.js";
import { MockOptionsError } from "../../src/mock/options-error.js";
import { matchRoute } from "../../src/contract/routes.js";
import { operationById, resolve, validationErrors } from "../support/spec.js";
import { TENANT } from "../support/harness.js";

const OTHER = "0f8fad5b-d9cb-469f-a165-70867728950e";
const QUALIFICATIONS = `/v1/customers/${TENANT}/qualifications`;
const EDUCATION = { qualification: "Education", educationSegment: "K12" };

function headers(values: Record<string, string> = {}) {
  const all = new Headers({ Authorization: "Bearer token", "Content-Type": "application/json", ...values });
  return { get: (name: string) => all.get(name) };
}

// Every answer must be one the contract declares for the call, with a body its schema accepts.
function checked(operationId: string, answer: EngineResponse): EngineResponse {
  const response = operationById(operationId).operation.responses[String(answer.status)];
  expect(response, `${operationId} does not declare ${answer.status}`).toBeDefined();
  expect(validationErrors(resolve(response).content["application/json"].schema, answer.body)).toBeUndefined();
  return answer;
}

let engine: Engine;
// As the HTTP server hands a request over: the call its method and path match, then the request.
const handle = (request: Omit<EngineRequest, "operationId" | "customerTenantId" | "allow">) =>
  engine.handle({ ...matchRoute(request.method, request.path), ...request });
let clock = 0;
const start = (options: EngineOptions = {}) => (engine = createEngine({ now: () => clock, ...options }));
const get = (tenant = TENANT, extra: Record<string, string> = {}) =>
  checked(
    "getCustomerQualifications",
    handle({ method: "GET", path: `/v1/customers/${tenant}/qualifications`, headers: headers(extra) }),
  );
// The body as the adapters pass it: its text ("as is" for a string, which is then not JSON).
const create = (body: unknown, extra: Record<string, string> = {}, tenant = TENANT) =>
  checked(
    "createCustomerQualification",
    handle({
      method: "POST",
      path: `/v1/customers/${tenant}/qualifications`,
      headers: headers(extra),
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const codes = () =>
  checked("getValidationCodes", handle({ method: "GET", path: "/v1/customers/all/validations", headers: headers() }));
// More reads than a vetting takes with the default two polls: after them it is decided.
const readPastVetting = () => {
  for (let read = 0; read < 3; read++) get();
};
const educationOf = (answer: EngineResponse) =>
  (answer.body as { qualification: string; vettingStatus?: string; vettingReason?: string }[]).find(
    (entry) => entry.qualification === "Education",
  );

beforeEach(() => {
  clock = Date.parse("2026-11-26T10:00:00Z");
  start();
});

describe("customers and reading", () => {
  test("a customer seen for the first time exists, with no qualifications (a bare array)", () => {
    expect(get()).toMatchObject({ status: 200, body: [] });
  });

  test("the request's ids are echoed; missing ones are generated", () => {
    const answer = get(TENANT, {
      "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "MS-CorrelationId": "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745",
    });
    expect(answer.headers).toMatchObject({
      "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "MS-CorrelationId": "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745",
    });
    expect(get().headers["MS-RequestId"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("no bearer token: 401 with the documented body and a challenge", () => {
    const answer = checked(
      "getCustomerQualifications",
      handle({ method: "GET", path: QUALIFICATIONS, headers: { get: () => null } }),
    );
    expect(answer).toMatchObject({ status: 401, body: { code: 800001 } });
    expect(answer.headers["WWW-Authenticate"]).toMatch(/^OAuth realm=/);
  });

  test("a tenant id that is not a GUID: 400", () => {
    expect(get("not-a-guid")).toMatchObject({
      status: 400,
      body: { code: 800002, data: ["customer-tenant-id must be a GUID"] },
    });
  });

  test("the retired calls and unknown paths are told apart", () => {
    expect(handle({ method: "GET", path: `/v1/customers/${TENANT}/qualification`, headers: headers() })).toMatchObject({
      status: 501,
    });
    expect(handle({ method: "GET", path: "/v2/elsewhere", headers: headers() })).toMatchObject({ status: 404 });
  });
});

describe("the Education vetting", () => {
  test("starts InReview with a vettingCreatedDate; the first N reads show InReview, the next the decision (N = 2)", () => {
    const created = create(EDUCATION);
    expect(created).toMatchObject({
      status: 201,
      body: { qualification: "Education", vettingStatus: "InReview", vettingCreatedDate: "2026-11-26T10:00:00.000Z" },
    });
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
    expect(educationOf(get())).toEqual({
      qualification: "Education",
      vettingStatus: "Approved",
      vettingCreatedDate: "2026-11-26T10:00:00.000Z",
    });
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
  });

  test("vettingPolls sets N", () => {
    start({ vettingPolls: 0 });
    create(EDUCATION);
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
    start({ vettingPolls: 4 });
    create(EDUCATION);
    expect([1, 2, 3, 4, 5].map(() => educationOf(get())?.vettingStatus)).toEqual([
      "InReview",
      "InReview",
      "InReview",
      "InReview",
      "Approved",
    ]);
  });

  test("Prefer: vetting=denied ends it Denied, with the documented reason", () => {
    create(EDUCATION, { Prefer: "vetting=denied" });
    get();
    get();
    expect(educationOf(get())).toMatchObject({ vettingStatus: "Denied", vettingReason: DENIED_REASON });
    expect(DENIED_REASON).toBe("Not an Education Customer");
  });

  test("with vettingMs, time decides, not reads", () => {
    start({ vettingMs: 60_000 });
    create(EDUCATION);
    for (let read = 0; read < 5; read++) expect(educationOf(get())?.vettingStatus).toBe("InReview");
    clock += 59_999;
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
    clock += 1;
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
  });

  test("each customer has its own vetting", () => {
    create(EDUCATION);
    create(EDUCATION, { Prefer: "vetting=denied" }, OTHER);
    get();
    get();
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
    expect(educationOf(get(OTHER))?.vettingStatus).toBe("InReview");
  });
});

describe("creating", () => {
  test("StateOwnedEntity is stored as the docs show it, and the create answers 201 with it", () => {
    expect(create({ qualification: "StateOwnedEntity" })).toMatchObject({
      status: 201,
      body: { qualification: "StateOwnedEntity" },
    });
    expect(get().body).toEqual([{ qualification: "StateOwnedEntity" }]);
  });

  test("Prefer: code=200 answers in the REST API reference's wrapped form", () => {
    expect(create({ qualification: "StateOwnedEntity" }, { Prefer: "code=200" })).toMatchObject({
      status: 200,
      body: { qualifications: [{ qualification: "StateOwnedEntity" }] },
    });
  });

  test("a body that breaks the contract, or does not parse, is refused with 400", () => {
    for (const body of [
      { qualification: "Education" },
      { qualification: "None" },
      { qualification: "GovernmentCommunityCloud" },
      null,
      undefined,
      '"Education"',
      '{"qualification":',
    ]) {
      expect(create(body)).toMatchObject({ status: 400, body: { code: 800002 } });
    }
    expect(get().body).toEqual([]);
  });

  test("a name every object inherits (constructor, toString, __proto__) is no qualification: 400", () => {
    for (const qualification of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(create({ qualification }), qualification).toMatchObject({ status: 400, body: { code: 800002 } });
    }
    expect(get().body).toEqual([]);
  });

  test("Education while it is InReview or Approved is a conflict, and the qualification stays as it was", () => {
    create(EDUCATION);
    expect(create({ ...EDUCATION, educationSegment: "HigherEducation" })).toMatchObject({
      status: 409,
      body: {
        data: [
          "the customer already has the Education qualification (InReview); it can be requested again only after a denial",
        ],
      },
    });
    get();
    get();
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
    expect(create(EDUCATION)).toMatchObject({ status: 409, body: { data: [expect.stringContaining("(Approved)")] } });
    expect(educationOf(get())?.vettingStatus).toBe("Approved");
  });

  test("a seeded Education with no vetting status is a conflict too, and its detail names no status", () => {
    engine.seed({ customers: { [TENANT]: [{ qualification: "Education" }] } });
    expect(create(EDUCATION)).toMatchObject({
      status: 409,
      body: {
        data: ["the customer already has the Education qualification; it can be requested again only after a denial"],
      },
    });
  });

  // Decision 9: "Verification can be requested up to three times per customer", with a resubmission after a denial.
  test("after a denial, Education can be requested again: a new review starts InReview with a new date and no reason", () => {
    create(EDUCATION, { Prefer: "vetting=denied" });
    readPastVetting();
    expect(educationOf(get())).toMatchObject({ vettingStatus: "Denied", vettingReason: DENIED_REASON });
    clock += 60_000;
    const again = create({ ...EDUCATION, educationSegment: "HigherEducation" });
    expect(again).toMatchObject({
      status: 201,
      body: {
        qualification: "Education",
        vettingStatus: "InReview",
        vettingCreatedDate: new Date(clock).toISOString(),
      },
    });
    expect(get().body).toEqual([again.body]);
    get();
    expect(educationOf(get())).toEqual({ ...(again.body as object), vettingStatus: "Approved" });
  });

  test("a fourth Education request is refused, even after a third denial", () => {
    for (let request = 1; request <= 3; request++) {
      expect(create(EDUCATION, { Prefer: "vetting=denied" }).status, `request ${request}`).toBe(201);
      readPastVetting();
      expect(educationOf(get())?.vettingStatus).toBe("Denied");
    }
    expect(create(EDUCATION)).toMatchObject({
      status: 409,
      body: { data: ["Education verification can be requested up to 3 times per customer, and was requested 3 times"] },
    });
    expect(educationOf(get())?.vettingStatus).toBe("Denied");
  });

  test("the three requests are counted per customer, and a seeded Education counts as one", () => {
    for (let request = 1; request <= 3; request++) {
      create(EDUCATION, { Prefer: "vetting=denied" });
      readPastVetting();
    }
    expect(create(EDUCATION, {}, OTHER).status).toBe(201);
    engine.seed({
      customers: { [TENANT]: [{ qualification: "Education", vettingStatus: "Denied", vettingReason: DENIED_REASON }] },
    });
    expect(create(EDUCATION, { Prefer: "vetting=denied" }).status).toBe(201);
    readPastVetting();
    expect(create(EDUCATION, { Prefer: "vetting=denied" }).status).toBe(201);
    readPastVetting();
    expect(create(EDUCATION).status).toBe(409);
  });

  test("a GCC or state-owned entity qualification the customer has already is a conflict", () => {
    expect(create({ qualification: "StateOwnedEntity" }).status).toBe(201);
    expect(create({ qualification: "StateOwnedEntity" })).toMatchObject({
      status: 409,
      body: { data: ["the customer already has the StateOwnedEntity qualification"] },
    });
  });

  test("the same MS-RequestId creates once and answers the same; a new one is a new create", () => {
    const id = { "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68" };
    const first = create(EDUCATION, id);
    clock += 5_000;
    const again = create(EDUCATION, id);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect(again.headers["MS-RequestId"]).toBe(id["MS-RequestId"]);
    expect(get().body).toHaveLength(1);
    expect(create(EDUCATION, { "MS-RequestId": "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745" })).toMatchObject({
      status: 409,
    });
  });
});

describe("Government Community Cloud", () => {
  const gcc = (code: string, tenant = TENANT) =>
    create({ qualification: "GovernmentCommunityCloud", validationCode: code }, {}, tenant);
  const remaining = (id: string) =>
    (codes().body as { validationId: string; remainingCreates: number | null }[]).find(
      (code) => code.validationId === id,
    )?.remainingCreates;

  const customerValidation = (tenant = TENANT) =>
    checked(
      "getCustomerValidation",
      handle({ method: "GET", path: `/v1/customers/${tenant}/validations`, headers: headers() }),
    );

  test("the customer's validation is the code its GCC create used, with the code's partner and organization", () => {
    gcc("987654");
    expect(customerValidation()).toMatchObject({
      status: 200,
      body: {
        customerId: TENANT,
        partnerId: "9daaeb1c-4195-4db5-9f1d-509eb70c8c2d",
        validationId: "987654",
        organizationName: "Contoso, Inc. Finance Department",
        eTag: `W/"datetime'2018-10-19T17%3A51%3A45.6584512Z'"`,
      },
    });
    expect(customerValidation(OTHER)).toMatchObject({
      status: 404,
      body: { data: ["the customer has no GCC qualification created with a validation code"] },
    });
  });

  test("a numeric validation id reads as a string, and a code's missing fields stay missing", () => {
    engine.seed({ validationCodes: [{ validationId: 555001, remainingCreates: 1 }] });
    gcc("555001");
    expect(customerValidation().body).toStrictEqual({ customerId: TENANT, validationId: "555001" });
  });

  test("a refused GCC create, or another qualification, records no validation", () => {
    gcc("999");
    create({ qualification: "StateOwnedEntity" });
    expect(customerValidation().status).toBe(404);
    expect(customerValidation("not-a-guid").status).toBe(400);
  });

  test("the codes are the spec's example by default; a create uses one up", () => {
    expect(remaining("12345")).toBe(4);
    expect(gcc("12345")).toMatchObject({
      status: 201,
      body: { qualification: "GovernmentCommunityCloud", vettingStatus: "Approved" },
    });
    expect(remaining("12345")).toBe(3);
  });

  test("an unknown code, and a used-up one, are refused with 400", () => {
    expect(gcc("999")).toMatchObject({
      status: 400,
      body: { data: ["validationCode 999 is not one of the partner's validation codes"] },
    });
    engine.seed({ validationCodes: [{ validationId: "1", remainingCreates: 1 }] });
    expect(gcc("1")).toMatchObject({ status: 201 });
    expect(gcc("1", OTHER)).toMatchObject({ status: 400, body: { data: ["validationCode 1 has no creates left"] } });
  });
});

describe("throttling, reset and seed", () => {
  test("every k-th request answers 429 with Retry-After and the documented body", () => {
    start({ throttleEvery: 3, retryAfterSeconds: 2 });
    const statuses = [1, 2, 3, 4, 5, 6].map(() => get().status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    const throttled = [get(), get(), get()][2]!;
    expect(throttled.headers["Retry-After"]).toBe("2");
    expect(throttled.body).toEqual({ statusCode: 429, message: "Rate limit is exceeded. Try again in 2 seconds." });
  });

  test("reset forgets customers, request ids and used codes", () => {
    create(EDUCATION, { "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68" });
    create({ qualification: "GovernmentCommunityCloud", validationCode: "12345" });
    engine.reset();
    expect(get().body).toEqual([]);
    expect((codes().body as { remainingCreates: number }[])[0]!.remainingCreates).toBe(4);
    expect(create(EDUCATION, { "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68" })).toMatchObject({
      status: 201,
    });
  });

  test("seed sets a customer's qualifications; a seeded InReview one is vetted like a created one", () => {
    engine.seed({
      customers: {
        [TENANT]: [
          { qualification: "Education", vettingStatus: "InReview", vettingCreatedDate: "2020-12-03T10:37:38.885Z" },
          { qualification: "StateOwnedEntity" },
        ],
      },
    });
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
    get();
    expect(get().body).toEqual([
      { qualification: "Education", vettingStatus: "Approved", vettingCreatedDate: "2020-12-03T10:37:38.885Z" },
      { qualification: "StateOwnedEntity" },
    ]);
  });

  test("options that make no sense are refused at once, with a message that names them", () => {
    expect(() => createEngine({ vettingPolls: -1 })).toThrow("vettingPolls must be a whole number, 0 or more; got -1");
    expect(() => createEngine({ vettingMs: Number.NaN })).toThrow(
      "vettingMs must be a whole number, 0 or more; got NaN",
    );
    expect(() => createEngine({ throttleEvery: 0 })).toThrow("throttleEvery must be a whole number, 1 or more; got 0");
    expect(() => createEngine({ retryAfterSeconds: 1.5 })).toThrow(
      "retryAfterSeconds must be a whole number, 0 or more; got 1.5",
    );
  });
});

describe("what each rule matches, exactly", () => {
  const at = (method: string, path: string, extra: Record<string, string> = {}, body?: string) =>
    handle({ method, path, headers: headers(extra), ...(body !== undefined && { body }) });

  test("every answer is JSON, with a challenge only on 401", () => {
    expect(get().headers).toEqual({
      "MS-RequestId": expect.any(String),
      "MS-CorrelationId": expect.any(String),
      "Content-Type": "application/json",
    });
    expect(at("GET", "/v2/elsewhere").headers).not.toHaveProperty("WWW-Authenticate");
  });

  test("the token must be one word after Bearer, in a header of nothing else", () => {
    for (const authorization of ["Bearer ", "Bearer two words", "xBearer token", "Basic token"]) {
      expect(at("GET", QUALIFICATIONS, { Authorization: authorization }).status, authorization).toBe(401);
    }
    expect(at("GET", QUALIFICATIONS, { Authorization: "Bearer token" }).status).toBe(200);
  });

  test("the method is read in any letter case; another method is 405 with the documented body and the path's Allow", () => {
    expect(at("get", QUALIFICATIONS).status).toBe(200);
    expect(at("post", QUALIFICATIONS, {}, JSON.stringify({ qualification: "StateOwnedEntity" })).status).toBe(201);
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      expect(checked("getCustomerQualifications", at(method, QUALIFICATIONS))).toMatchObject({
        status: 405,
        body: { code: "MethodNotAllowed" },
        headers: { Allow: "GET, POST" },
      });
    }
    expect(at("POST", "/v1/customers/all/validations")).toMatchObject({
      status: 405,
      body: { code: "MethodNotAllowed", description: "Method not allowed" },
      headers: { Allow: "GET" },
    });
    expect(at("DELETE", `/v1/customers/${TENANT}/validations`)).toMatchObject({
      status: 405,
      headers: { Allow: "GET" },
    });
    expect(at("get", "/v1/customers/all/validations").status).toBe(200);
  });

  test("the paths are matched whole: a prefix or a suffix makes another path", () => {
    for (const path of [
      `/x${QUALIFICATIONS}`,
      `${QUALIFICATIONS}/x`,
      `/x/v1/customers/${TENANT}/qualification`,
      `/v1/customers/${TENANT}/qualification/x`,
      `/v1/customers/${TENANT}/x/qualifications`,
    ]) {
      expect(at("GET", path), path).toMatchObject({
        status: 404,
        body: { code: 60003, data: [`GET ${path} is not a call of this contract`] },
      });
    }
  });

  test("the retired calls answer 501 with a detail that points at the static mock", () => {
    expect(checked("getCustomerQualificationLegacy", at("GET", `/v1/customers/${TENANT}/qualification`))).toEqual({
      status: 501,
      headers: expect.objectContaining({ "Content-Type": "application/json" }),
      body: {
        code: 0,
        description:
          "Exception not defined: the retired synchronous calls are not modelled by the stateful mock; the static mock serves their examples",
        source: "PartnerFD",
        data: [
          "the retired synchronous calls are not modelled by the stateful mock; the static mock serves their examples",
        ],
      },
    });
    expect(at("PUT", `/v1/customers/${TENANT}/qualification`, {}, '"GovernmentCommunityCloud"').status).toBe(501);
    // The legacy PUT's body is optional in the contract (required: false).
    expect(at("PUT", `/v1/customers/${TENANT}/qualification`).status).toBe(501);
    // A retired call that breaks the contract is refused first, as any other.
    expect(at("PUT", `/v1/customers/${TENANT}/qualification`, {}, "null")).toMatchObject({
      status: 400,
      body: { data: ["the body breaks the contract: the body must be string, or must be integer"] },
    });
    expect(at("PUT", `/v1/customers/any/qualification`).status).toBe(400);
  });

  test("the tenant id is a whole GUID, and a customer is the same in any letter case", () => {
    for (const tenant of [
      `x${TENANT}`,
      `${TENANT}x`,
      TENANT.replaceAll("-", ""),
      "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5g",
    ])
      expect(get(tenant).status, tenant).toBe(400);
    create({ qualification: "StateOwnedEntity" });
    expect(get(TENANT.toUpperCase()).body).toEqual([{ qualification: "StateOwnedEntity" }]);
  });

  test("Prefer is read by name in any letter case, beside other preferences, with spaces", () => {
    create(EDUCATION, { Prefer: "code=201 , VETTING = Denied" });
    expect(create({ qualification: "StateOwnedEntity" }, { Prefer: "vetting=denied,Code=200" }).status).toBe(200);
    get();
    get();
    expect(educationOf(get())?.vettingStatus).toBe("Denied");
  });

  test("a preference of another name, or the engine's own without a value, is ignored; Prism's without a value is a 400", () => {
    expect(create({ qualification: "StateOwnedEntity" }, { Prefer: "xcode=200, vetting=" }).status).toBe(201);
    expect(create({ qualification: "StateOwnedEntity" }, { Prefer: "code" }, OTHER)).toMatchObject({
      status: 400,
      body: { data: ["Prefer: code= needs a value"] },
    });
    create(EDUCATION, { Prefer: "vetting" }, OTHER);
    get(OTHER);
    get(OTHER);
    expect(educationOf(get(OTHER))?.vettingStatus).toBe("Approved");
  });
});

describe("vetting and codes, in detail", () => {
  // How many Education requests (each denied) the customer still gets before the fourth is refused.
  const educationRequestsLeft = () => {
    let left = 0;
    while (create(EDUCATION, { Prefer: "vetting=denied" }).status === 201) {
      left++;
      readPastVetting();
    }
    return left;
  };

  test("a seeded Education counts as one request beside other qualifications; the others count for nothing", () => {
    const denied = { qualification: "Education", vettingStatus: "Denied", vettingReason: DENIED_REASON } as const;
    engine.seed({ customers: { [TENANT]: [{ qualification: "StateOwnedEntity" }, denied] } });
    expect(educationRequestsLeft()).toBe(2);
    engine.seed({ customers: { [TENANT]: [{ qualification: "StateOwnedEntity" }] } });
    expect(educationRequestsLeft()).toBe(3);
  });

  test("vettingOutcome: Denied ends every vetting Denied unless told otherwise; an outcome of another name is refused", () => {
    start({ vettingOutcome: "Denied", vettingPolls: 0 });
    create(EDUCATION);
    expect(educationOf(get())).toEqual({
      qualification: "Education",
      vettingStatus: "Denied",
      vettingReason: DENIED_REASON,
      vettingCreatedDate: "2026-11-26T10:00:00.000Z",
    });
    expect(() => createEngine({ vettingOutcome: "Maybe" as "Approved" })).toThrow(
      'vettingOutcome must be "Approved" or "Denied"; got Maybe',
    );
    expect(() => createEngine({ vettingOutcome: "Approved" })).not.toThrow();
  });

  test("a seeded InReview qualification ends as vettingOutcome says, counting polls from the seed", () => {
    start({ vettingOutcome: "Denied", vettingPolls: 1 });
    engine.seed({ customers: { [TENANT]: [{ qualification: "Education", vettingStatus: "InReview" }] } });
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
    expect(educationOf(get())).toMatchObject({ vettingStatus: "Denied", vettingReason: DENIED_REASON });
  });

  test("seeding again replaces the customer's qualifications and vettings", () => {
    create(EDUCATION);
    engine.seed({ customers: { [TENANT]: [{ qualification: "StateOwnedEntity" }] } });
    expect([get(), get(), get()].map((answer) => answer.body)).toEqual([
      [{ qualification: "StateOwnedEntity" }],
      [{ qualification: "StateOwnedEntity" }],
      [{ qualification: "StateOwnedEntity" }],
    ]);
    // Seeding no codes keeps the codes there are.
    expect((codes().body as unknown[]).length).toBe(2);
  });

  test("what is seeded, and what is answered, are copies: changing them changes nothing inside", () => {
    const seeded = [{ qualification: "StateOwnedEntity" }];
    const validationCodes = [{ validationId: "1", remainingCreates: 2 }];
    engine.seed({ customers: { [TENANT]: seeded }, validationCodes });
    seeded.push({ qualification: "Education" });
    validationCodes[0]!.remainingCreates = 0;
    (get().body as unknown[]).push("changed");
    (codes().body as { remainingCreates: number }[])[0]!.remainingCreates = 0;
    expect(get().body).toEqual([{ qualification: "StateOwnedEntity" }]);
    expect(codes().body).toEqual([{ validationId: "1", remainingCreates: 2 }]);
  });

  test("the validationCodes option replaces the example; reset restores it, not the codes seeded since", () => {
    start({ validationCodes: [{ validationId: "777", remainingCreates: 1 }] });
    expect(codes().body).toEqual([{ validationId: "777", remainingCreates: 1 }]);
    engine.seed({ validationCodes: [{ validationId: "1" }] });
    expect(codes().body).toEqual([{ validationId: "1" }]);
    engine.reset();
    expect(codes().body).toEqual([{ validationId: "777", remainingCreates: 1 }]);
  });

  test("a GCC create: the code matched as text, approved at once with vettingCreateDate; a code with no count has no limit", () => {
    engine.seed({
      validationCodes: [
        { validationId: 42 as unknown as string },
        { validationId: "43", remainingCreates: null as unknown as number },
      ],
    });
    expect(create({ qualification: "GovernmentCommunityCloud", validationCode: "42" })).toMatchObject({
      status: 201,
      body: {
        qualification: "GovernmentCommunityCloud",
        vettingStatus: "Approved",
        vettingCreateDate: "2026-11-26T10:00:00.000Z",
      },
    });
    expect(create({ qualification: "GovernmentCommunityCloud", validationCode: "43" }, {}, OTHER).status).toBe(201);
    expect(codes().body).toEqual([{ validationId: 42 }, { validationId: "43", remainingCreates: null }]);
    expect(get().body).toEqual([
      {
        qualification: "GovernmentCommunityCloud",
        vettingStatus: "Approved",
        vettingCreateDate: "2026-11-26T10:00:00.000Z",
      },
    ]);
  });

  test("the 400 of a request that breaks the contract names the rule, in its description and its data", () => {
    const rule =
      'the body breaks the contract: qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "None"';
    expect(create({ qualification: "None" }).body).toEqual({
      code: 800002,
      description: `Invalid request input: ${rule}`,
      data: [rule],
      source: "PartnerFD",
    });
    expect(create({ qualification: "Education" }).body).toMatchObject({
      data: ["the body breaks the contract: educationSegment is required"],
    });
    expect(create(undefined).body).toMatchObject({ data: ["the body is required"] });
    expect(create('{"qualification":').body).toMatchObject({ data: ["the body is not valid JSON"] });
    expect(get(TENANT, { "MS-RequestId": "nope" }).body).toMatchObject({ data: ["MS-RequestId must be a uuid"] });
    expect(get(TENANT, { "MS-CorrelationId": "x" }).body).toMatchObject({ data: ["MS-CorrelationId must be a uuid"] });
  });

  test("a body must be JSON in UTF-8: another media type or charset is the contract's 400", () => {
    for (const contentType of [
      "text/plain",
      "application/json; charset=utf-16le",
      "application/json; charset=utf-88",
      "application/xml",
      "",
    ]) {
      expect(create({ qualification: "StateOwnedEntity" }, { "Content-Type": contentType }), contentType).toMatchObject(
        {
          status: 400,
          body: { data: ["the body must be JSON: Content-Type application/json, in UTF-8"] },
        },
      );
    }
    for (const contentType of [
      "application/json; charset=UTF-8",
      "application/merge-patch+json",
      'application/json;charset="utf-8"',
      "application/json ; charset = utf-8",
    ]) {
      expect(
        create({ qualification: "StateOwnedEntity" }, { "Content-Type": contentType }, OTHER).status,
        contentType,
      ).toBe(201);
      engine.reset();
    }
  });
});

describe("repeats and throttling, in detail", () => {
  const REQUEST_ID = "037db222-6d8e-4d7f-ba78-df3dca33fb68";

  test("a repeated create echoes the repeat's correlation id", () => {
    create(
      { qualification: "StateOwnedEntity" },
      { "MS-RequestId": REQUEST_ID, "MS-CorrelationId": "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745" },
    );
    const again = create(
      { qualification: "StateOwnedEntity" },
      { "MS-RequestId": REQUEST_ID, "MS-CorrelationId": "0f8fad5b-d9cb-469f-a165-70867728950e" },
    );
    expect(again).toMatchObject({
      status: 201,
      headers: { "MS-RequestId": REQUEST_ID, "MS-CorrelationId": "0f8fad5b-d9cb-469f-a165-70867728950e" },
    });
  });

  test("a refused create is not remembered: the same MS-RequestId may then create", () => {
    expect(create({ qualification: "None" }, { "MS-RequestId": REQUEST_ID }).status).toBe(400);
    expect(create({ qualification: "StateOwnedEntity" }, { "MS-RequestId": REQUEST_ID }).status).toBe(201);
    expect(create({ qualification: "StateOwnedEntity" }, { "MS-RequestId": REQUEST_ID }).status).toBe(201);
    expect(get().body).toHaveLength(1);
  });

  test("a create the lifecycle refuses is not remembered either: once a denial ends the conflict, the id creates", () => {
    create(EDUCATION, { Prefer: "vetting=denied" });
    expect(create(EDUCATION, { "MS-RequestId": REQUEST_ID }).status).toBe(409);
    readPastVetting();
    expect(create(EDUCATION, { "MS-RequestId": REQUEST_ID }).status).toBe(201);
    expect(educationOf(get())?.vettingStatus).toBe("InReview");
  });

  test("creates without an MS-RequestId are never taken for repeats", () => {
    expect(create({ qualification: "StateOwnedEntity" }).status).toBe(201);
    expect(create({ qualification: "StateOwnedEntity" }).status).toBe(409);
  });

  test("an empty MS-RequestId counts as none: a new id is answered, and it is no key for later creates", () => {
    const first = create({ qualification: "StateOwnedEntity" }, { "MS-RequestId": "", "MS-CorrelationId": "" });
    expect(first.headers["MS-RequestId"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(first.headers["MS-CorrelationId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(create({ qualification: "StateOwnedEntity" }, { "MS-RequestId": "" }, OTHER)).toMatchObject({ status: 201 });
    expect(get(OTHER).body).toEqual([{ qualification: "StateOwnedEntity" }]);
  });

  test("throttling counts every request, unauthorised and unknown ones too, and reset starts the count again", () => {
    start({ throttleEvery: 2 });
    expect(handle({ method: "GET", path: QUALIFICATIONS, headers: { get: () => null } }).status).toBe(401);
    expect(handle({ method: "GET", path: "/v2/elsewhere", headers: headers() })).toMatchObject({
      status: 429,
      headers: { "Retry-After": "1" },
      body: { message: "Rate limit is exceeded. Try again in 1 seconds." },
    });
    get();
    engine.reset();
    expect(get().status).toBe(200);
    expect(get().status).toBe(429);
  });

  test("the clock is Date.now by default, read at each create", () => {
    const own = createEngine();
    const before = Date.now();
    const answer = own.handle({
      operationId: "createCustomerQualification",
      customerTenantId: TENANT,
      method: "POST",
      path: QUALIFICATIONS,
      headers: headers(),
      body: JSON.stringify(EDUCATION),
    });
    const created = Date.parse((answer.body as { vettingCreatedDate: string }).vettingCreatedDate);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(Date.now());
  });
});

describe("options and seeds the engine cannot work with", () => {
  test("are refused when given, with a MockOptionsError that names the problem", () => {
    expect(() => createEngine({ vettingPolls: 1.5 })).toThrow(MockOptionsError);
    expect(() => createEngine({ vettingPolls: 1.5 })).toThrow(expect.objectContaining({ name: "MockOptionsError" }));
    expect(() => createEngine({ validationCodes: [{ maxCreates: "5" as unknown as number }] })).toThrow(
      new MockOptionsError(
        "validationCodes: validationCodes must be validation codes as the contract answers them: [0].maxCreates must be integer or null",
      ),
    );
    expect(() => engine.seed(null as unknown as EngineState)).toThrow(
      "seed: must be an object such as { customers, validationCodes }",
    );
    expect(() => engine.seed({ customers: [] as never })).toThrow(
      "seed: customers must be an object of tenant ids and their qualifications",
    );
    expect(() => engine.seed({ customers: { "not-a-guid": [] } })).toThrow(
      'seed: customers: "not-a-guid" is not a GUID',
    );
    expect(() => engine.seed({ customers: { [TENANT]: [{ vettingStatus: "Approved" }] as never } })).toThrow(
      `seed: customers["${TENANT}"] must be an array of qualifications as the contract answers them: [0].qualification is required`,
    );
    expect(() => engine.seed({ customers: { [TENANT]: { qualifications: [] } as never } })).toThrow(
      `seed: customers["${TENANT}"] must be an array of qualifications as the contract answers them`,
    );
    // Nothing was seeded by the refused calls.
    expect(get().body).toEqual([]);
  });
});

describe("what a hostile review found the mocks let through", () => {
  test("a Prefer Prism could not decode is the contract's 400 on every mock, not Prism's 422", () => {
    expect(get(TENANT, { Prefer: "code=abc" }).body).toMatchObject({
      data: ["Prefer: code=abc must be an HTTP status such as 200"],
    });
    expect(get(TENANT, { Prefer: "code=0429" }).status).toBe(400);
    expect(get(TENANT, { Prefer: "dynamic=1" }).body).toMatchObject({
      data: ["Prefer: dynamic=1 must be true or false"],
    });
    expect(get(TENANT, { Prefer: "example=" }).body).toMatchObject({ data: ["Prefer: example= needs a value"] });
    // The engine's own preferences, and Prism's written well, go on.
    expect(get(TENANT, { Prefer: "code=200, dynamic=false, vetting=denied, other=x" }).status).toBe(200);
  });

  test("a query escape is checked as two hex digits after the %, anywhere in the query", () => {
    const read = (query: string) => handle({ method: "GET", path: QUALIFICATIONS, query, headers: headers() });
    for (const query of ["code=%", "code=%4", "code=%zz", "a=1&b=%G1"])
      expect(read(query), query).toMatchObject({
        status: 400,
        body: { data: ["the query holds a % that starts no escape"] },
      });
    for (const query of ["code=%41", "code=%e2%82%ac", "", "a=1"]) expect(read(query).status, query).toBe(200);
  });

  test("Prefer's code is three digits from 100 to 599, and dynamic=true is read as well as false", () => {
    expect(get(TENANT, { Prefer: "code=2000" }).status).toBe(400);
    expect(get(TENANT, { Prefer: "code=600" }).status).toBe(400);
    expect(get(TENANT, { Prefer: "dynamic=true" }).status).toBe(200);
  });

  test("a body on a call that takes none is the contract's 400", () => {
    expect(handle({ method: "GET", path: QUALIFICATIONS, headers: headers(), body: "{}" })).toMatchObject({
      status: 400,
      body: { data: ["this call takes no body"] },
    });
  });

  test("a body nested deeper than 100 levels is the contract's 400, even where the schema takes any value", () => {
    const nested = (depth: number) =>
      `{"qualification":"StateOwnedEntity","x":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    expect(create(nested(99)).status).toBe(201);
    expect(create(nested(100), {}, OTHER)).toMatchObject({
      status: 400,
      body: { data: ["the body nests deeper than 100 levels"] },
    });
    // Brackets inside strings are text, not nesting; siblings, closed again, are no deeper than one.
    expect(
      create(`{"qualification":"StateOwnedEntity","x":"${"[".repeat(200)}\\"${"{".repeat(200)}"}`, {}, OTHER).status,
    ).toBe(201);
    engine.reset();
    expect(
      create(
        `{"qualification":"StateOwnedEntity","x":[${Array(150).fill("[]").join(",")}],"y":[${Array(150).fill("{}").join(",")}]}`,
      ).status,
    ).toBe(201);
  });

  test("a body over 1 MiB is the contract's 413 here too, as the guard answers it; exactly 1 MiB is carried out", () => {
    expect(create(`{"qualification":"StateOwnedEntity","x":"${"é".repeat(512 * 1024)}"}`)).toMatchObject({
      status: 413,
      body: { code: "ContentTooLarge", data: ["the body is longer than 1048576 bytes"] },
    });
    const frame = '{"qualification":"StateOwnedEntity","x":""}';
    const exactly = `{"qualification":"StateOwnedEntity","x":"${"a".repeat(1024 * 1024 - frame.length)}"}`;
    expect(exactly.length).toBe(1024 * 1024);
    expect(create(exactly).status).toBe(201);
  });

  test("an Accept that takes no JSON is the contract's 406; one that takes it, in any form, goes on", () => {
    expect(get(TENANT, { Accept: "application/xml" })).toMatchObject({
      status: 406,
      body: {
        code: "NotAcceptable",
        data: ["every answer of this contract is application/json, which Accept does not take"],
      },
    });
    expect(get(TENANT, { Accept: "application/json;q=0, text/xml" }).status).toBe(406);
    for (const accept of [
      "application/json",
      "*/*",
      "application/*",
      "text/xml, application/json;q=0.5",
      "application/json; charset=utf-8",
      "",
      "  ",
    ]) {
      expect(get(TENANT, { Accept: accept }).status, accept).toBe(200);
    }
  });
});

test("the clock is read only for what is dated: an undated create and a refused one leave it alone", () => {
  let reads = 0;
  start({ now: () => (reads++, clock) });
  expect(create({ qualification: "StateOwnedEntity" }).status).toBe(201);
  expect(create({ qualification: "GovernmentCommunityCloud", validationCode: "no-such-code" }).status).toBe(400);
  expect(reads).toBe(0);
  create(EDUCATION);
  // The Education's vettingCreatedDate and the start of its vetting.
  expect(reads).toBe(2);
});
