// The client against the Prism mock of the bundled spec: every documented example and every declared
// error comes back through the client exactly as documented, and the mock refuses what the contract refuses.
import { describe, expect, inject, test } from "vitest";
import { createQualificationsClient, PartnerCenterError } from "../../src/client/index.js";
import { examplesOf, operationById, operations, resolve, responseExamples } from "../support/spec.js";
import { TENANT } from "../support/harness.js";

const mockUrl = inject("mockUrl");
// Single attempts: these tests check what each answer becomes, not the retries (see faults.test.ts).
const client = createQualificationsClient({ baseUrl: mockUrl, accessToken: "mock-token", retry: false });

const prefer = (value: string) => ({ headers: { Prefer: value } });

describe("documented examples, through the client", () => {
  test.each(Object.entries(responseExamples("getCustomerQualifications", "200")))(
    "getCustomerQualifications: %s",
    async (name, documented) => {
      const qualifications = await client.getCustomerQualifications(TENANT, prefer(`example=${name}`));
      const expected = Array.isArray(documented)
        ? documented
        : (documented as { qualifications: unknown[] }).qualifications;
      expect(qualifications).toEqual(expected);
    },
  );

  const requests = examplesOf(resolve(operationById("createCustomerQualification").operation.requestBody).content);
  test.each(Object.entries(requests))("createCustomerQualification: request %s is accepted", async (_name, request) => {
    const [[answerName, answer]] = Object.entries(responseExamples("createCustomerQualification", "201")) as [
      [string, unknown],
    ];
    const created = await client.createCustomerQualification(
      TENANT,
      request as never,
      prefer(`code=201, example=${answerName}`),
    );
    expect(created).toEqual(answer);
  });

  test.each(Object.entries(responseExamples("createCustomerQualification", "200")))(
    "createCustomerQualification: the 200 answer %s gives the created qualification",
    async (name, documented) => {
      const { qualifications } = documented as { qualifications: { qualification: string }[] };
      const created = await client.createCustomerQualification(
        TENANT,
        { qualification: "Education", educationSegment: "HigherEducation" },
        prefer(`code=200, example=${name}`),
      );
      expect(created).toEqual(qualifications.find((entry) => entry.qualification === "Education"));
      expect(created).toBeDefined();
    },
  );

  test.each(Object.entries(responseExamples("getValidationCodes", "200")))(
    "getValidationCodes: %s",
    async (name, documented) => {
      expect(await client.getValidationCodes(prefer(`example=${name}`))).toEqual(documented);
    },
  );

  test.each(
    ["200", "201"].flatMap((status) =>
      Object.entries(responseExamples("getCustomerValidation", status)).map(
        ([name, documented]) => [status, name, documented] as const,
      ),
    ),
  )("getCustomerValidation: the %s answer %s", async (status, name, documented) => {
    expect(await client.getCustomerValidation(TENANT, prefer(`code=${status}, example=${name}`))).toEqual(documented);
  });

  test.each(Object.entries(responseExamples("getCustomerQualificationLegacy", "200")))(
    "retired GET, through client.raw: %s",
    async (name, documented) => {
      const { data, response } = await client.raw.GET("/v1/customers/{customer-tenant-id}/qualification", {
        params: { path: { "customer-tenant-id": TENANT } },
        ...prefer(`example=${name}`),
      });
      expect(data).toEqual(documented);
      expect(response.headers.get("deprecation")).toBe("true");
    },
  );

  test.each(Object.entries(responseExamples("updateCustomerQualificationLegacy", "200")))(
    "retired PUT, through client.raw: %s",
    async (name, documented) => {
      const { data, response } = await client.raw.PUT("/v1/customers/{customer-tenant-id}/qualification", {
        params: { path: { "customer-tenant-id": TENANT }, query: { code: "123456" } },
        body: "government_community_cloud",
        ...prefer(`example=${name}`),
      });
      expect(data).toEqual(documented);
      expect(response.headers.get("deprecation")).toBe("true");
    },
  );
});

describe("the client sends what Partner Center expects", () => {
  test("bearer token, Accept and fresh uuid ids on every call; the caller's correlation id when given", async () => {
    const seen: Request[] = [];
    const recording = createQualificationsClient({
      baseUrl: mockUrl,
      accessToken: async () => "refreshed-token",
      fetch: (input, init) => {
        seen.push(new Request(input, init));
        return fetch(input, init);
      },
    });
    await recording.getCustomerQualifications(TENANT);
    await recording.getCustomerQualifications(TENANT, { correlationId: "0f8fad5b-d9cb-469f-a165-70867728950e" });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const request of seen) {
      expect(request.headers.get("Authorization")).toBe("Bearer refreshed-token");
      expect(request.headers.get("Accept")).toBe("application/json");
      expect(request.headers.get("MS-RequestId")).toMatch(uuid);
    }
    expect(seen[0]!.headers.get("MS-CorrelationId")).toMatch(uuid);
    expect(seen[1]!.headers.get("MS-CorrelationId")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(seen[0]!.headers.get("MS-RequestId")).not.toBe(seen[1]!.headers.get("MS-RequestId"));
  });
});

// Each client operation with a call that reaches it; the retired ones are covered through client.raw below.
const clientCalls: Record<string, (headers: Record<string, string>) => Promise<unknown>> = {
  getCustomerQualifications: (headers) => client.getCustomerQualifications(TENANT, { headers }),
  createCustomerQualification: (headers) =>
    client.createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }, { headers }),
  getValidationCodes: (headers) => client.getValidationCodes({ headers }),
  getCustomerValidation: (headers) => client.getCustomerValidation(TENANT, { headers }),
};

function declaredErrors(operationId: string) {
  const { operation } = operationById(operationId);
  return Object.entries(operation.responses as Record<string, object>)
    .filter(([status]) => Number(status) >= 400)
    .flatMap(([status, response]) =>
      Object.entries(examplesOf(resolve(response).content)).map(([name, body]) => ({
        status: Number(status),
        name,
        body: body as Record<string, unknown>,
      })),
    );
}

describe("every declared error reaches the caller as a PartnerCenterError", () => {
  for (const [operationId, call] of Object.entries(clientCalls)) {
    test.each(declaredErrors(operationId).map((error) => [`${error.status} ${error.name}`, error] as const))(
      `${operationId}: %s`,
      async (_label, { status, name, body }) => {
        const error = await call({ Prefer: `code=${status}, example=${name}` }).catch((thrown: unknown) => thrown);
        expect(error).toBeInstanceOf(PartnerCenterError);
        const failure = error as PartnerCenterError;
        expect(failure.status).toBe(status);
        expect(failure.code).toBe(body.code ?? body.statusCode);
        expect(failure.description).toBe(body.description ?? body.message);
        expect(failure.body).toEqual(body);
        expect(failure.message).toContain(`HTTP ${status}`);
        expect(failure.message).not.toContain("mock-token");
        expect(failure.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(failure.retryAfter).toBe(status === 429 ? 57 : undefined);
      },
    );
  }

  test.each(["getCustomerQualificationLegacy", "updateCustomerQualificationLegacy"])(
    "%s: the mock serves every declared error",
    async (operationId) => {
      const { path, method } = operationById(operationId);
      for (const { status, name, body } of declaredErrors(operationId)) {
        const response = await fetch(mockUrl + path.replace("{customer-tenant-id}", TENANT), {
          method: method.toUpperCase(),
          headers: {
            Authorization: "Bearer mock-token",
            Prefer: `code=${status}, example=${name}`,
            "Content-Type": "application/json",
          },
          body: method === "put" ? "1" : null,
        });
        expect(response.status).toBe(status);
        expect(await response.json()).toEqual(body);
      }
    },
  );

  test("every operation's errors are covered above", () => {
    const covered = [
      ...Object.keys(clientCalls),
      "getCustomerQualificationLegacy",
      "updateCustomerQualificationLegacy",
    ];
    expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual(covered.sort());
  });
});

describe("the mock enforces the contract", () => {
  const qualificationsUrl = (tenant: string) => `${mockUrl}/v1/customers/${tenant}/qualifications`;
  const authorized = { Authorization: "Bearer mock-token", "Content-Type": "application/json" };
  const declares = (operationId: string, status: number) =>
    String(status) in operationById(operationId).operation.responses;
  // The rule the request broke, as the contract's 400 names it.
  const brokenRule = async (response: Response) => ((await response.json()) as { description: string }).description;

  test("a tenant id that is not a GUID gets the declared 400", async () => {
    expect(declares("getCustomerQualifications", 400)).toBe(true);
    const response = await fetch(qualificationsUrl("not-a-guid"), { headers: authorized });
    expect(response.status).toBe(400);
    expect(await brokenRule(response)).toBe("Invalid request input: customer-tenant-id must be a GUID");
    expect((await fetch(qualificationsUrl(TENANT), { headers: authorized })).status).toBe(200);
  });

  test("a missing token gets the declared 401 with WWW-Authenticate", async () => {
    expect(declares("getCustomerQualifications", 401)).toBe(true);
    const response = await fetch(qualificationsUrl(TENANT));
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^OAuth realm=/);
  });

  const post = (body: object) =>
    fetch(qualificationsUrl(TENANT), { method: "POST", headers: authorized, body: JSON.stringify(body) });

  test.each([
    ["Education without educationSegment", { qualification: "Education", website: "contoso.edu" }, "educationSegment"],
    [
      "GovernmentCommunityCloud without validationCode",
      { qualification: "GovernmentCommunityCloud" },
      "validationCode",
    ],
    ["a qualification that cannot be set", { qualification: "Nonprofit" }, "qualification"],
    [
      "an educationSegment outside K12 and HigherEducation",
      { qualification: "Education", educationSegment: "University" },
      "educationSegment",
    ],
  ])("POST with %s gets the declared 400", async (_case, body, field) => {
    expect(declares("createCustomerQualification", 400)).toBe(true);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await brokenRule(response)).toContain(field);
  });

  // Prism answers the lowest declared 2xx, the REST API reference's 200; Prefer: code=201 picks the other.
  test("the same POSTs with the missing field are accepted", async () => {
    expect((await post({ qualification: "Education", educationSegment: "K12" })).status).toBe(200);
    expect((await post({ qualification: "GovernmentCommunityCloud", validationCode: "123456" })).status).toBe(200);
  });

  // Amended decision 4: Microsoft calls the website "relevant only if the Qualification is for Education", never invalid elsewhere.
  test("a website on a GCC or state-owned entity request is accepted", async () => {
    expect(
      (await post({ qualification: "GovernmentCommunityCloud", validationCode: "123456", website: "contoso.gov" }))
        .status,
    ).toBe(200);
    expect((await post({ qualification: "StateOwnedEntity", website: "contoso.gov" })).status).toBe(200);
  });
});
