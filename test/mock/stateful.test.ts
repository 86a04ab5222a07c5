// The stateful mock over real HTTP: the engine behind Prism's validating proxy, driven by the real
// client. Short poll intervals; every mock started here is stopped, also when a test fails.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { createQualificationsClient, type CustomerQualification } from "../../src/client/index.js";
import { createEngine, DENIED_REASON, startMock, type RunningStatefulMock } from "../../src/mock/index.js";
import { startPrism } from "../../src/mock/prism.js";
import { startEngineServer } from "../../src/mock/server.js";
import { rejectionOf } from "../support/rejection.js";
import { TENANT } from "../support/harness.js";

const EDUCATION = { qualification: "Education", educationSegment: "HigherEducation", website: "contoso.edu" } as const;
const clientOf = (url: string) => createQualificationsClient({ baseUrl: url, accessToken: "mock-token" });

/**
 * The lifecycle a user's code relies on: a create answers InReview, the next read still shows InReview,
 * and waiting ends with a decision.
 */
async function lifecycle(url: string, createHeaders: Record<string, string> = {}): Promise<CustomerQualification> {
  const client = clientOf(url);
  const created = await client.createCustomerQualification(TENANT, EDUCATION, { headers: createHeaders });
  expect(created).toMatchObject({ qualification: "Education", vettingStatus: "InReview" });
  const [education] = (await client.getCustomerQualifications(TENANT)).filter(
    (entry) => entry.qualification === "Education",
  );
  expect(education?.vettingStatus, "the read right after the create").toBe("InReview");
  return client.waitForVetting(TENANT, "Education", { intervalMs: 5, timeoutMs: 10_000 });
}

describe("the stateful mock", () => {
  let mock: RunningStatefulMock;
  beforeAll(async () => {
    mock = await startMock({ stateful: true, vettingPolls: 2 });
  });
  afterAll(() => mock?.stop());
  beforeEach(() => mock.engine.reset());

  test("walks the lifecycle to Approved", async () => {
    expect(await lifecycle(mock.url)).toMatchObject({ qualification: "Education", vettingStatus: "Approved" });
  });

  test("Prefer: vetting=denied on the create ends it Denied, with the documented reason", async () => {
    expect(await lifecycle(mock.url, { Prefer: "vetting=denied" })).toMatchObject({
      vettingStatus: "Denied",
      vettingReason: DENIED_REASON,
    });
  });

  test("an abort during the wait ends it with an aborted error", async () => {
    const client = clientOf(mock.url);
    await client.createCustomerQualification(TENANT, EDUCATION);
    const controller = new AbortController();
    const polls: (string | undefined)[] = [];
    const waiting = client.waitForVetting(TENANT, "Education", {
      intervalMs: 60_000,
      signal: controller.signal,
      onPoll: (qualification) => {
        polls.push(qualification?.vettingStatus);
        controller.abort();
      },
    });
    expect(await rejectionOf(waiting)).toMatchObject({ kind: "aborted" });
    expect(polls).toEqual(["InReview"]);
  });

  test("echoes the request's ids, and the same MS-RequestId creates once", async () => {
    const requestId = "037db222-6d8e-4d7f-ba78-df3dca33fb68";
    const post = () =>
      fetch(`${mock.url}/v1/customers/${TENANT}/qualifications`, {
        method: "POST",
        headers: {
          Authorization: "Bearer x",
          "Content-Type": "application/json",
          "MS-RequestId": requestId,
          "MS-CorrelationId": "7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745",
        },
        body: JSON.stringify({ qualification: "StateOwnedEntity" }),
      });
    const first = await post();
    expect(first.status).toBe(201);
    expect(first.headers.get("MS-RequestId")).toBe(requestId);
    expect(first.headers.get("MS-CorrelationId")).toBe("7d2456fd-2d79-46d0-9f8e-5d7ecd5f8745");
    expect((await post()).status).toBe(201);
    expect(await clientOf(mock.url).getCustomerQualifications(TENANT)).toEqual([{ qualification: "StateOwnedEntity" }]);
  });

  test("after a denial, Education can be requested again and walks a new review", async () => {
    expect(await lifecycle(mock.url, { Prefer: "vetting=denied" })).toMatchObject({ vettingStatus: "Denied" });
    expect(await lifecycle(mock.url)).toMatchObject({ vettingStatus: "Approved" });
    const error = await rejectionOf(clientOf(mock.url).createCustomerQualification(TENANT, EDUCATION));
    expect(error).toMatchObject({ kind: "http", status: 409 });
  });

  test("the customer's GCC validation is the code its create used, through Prism's validating proxy", async () => {
    const client = clientOf(mock.url);
    await client.createCustomerQualification(TENANT, {
      qualification: "GovernmentCommunityCloud",
      validationCode: "12345",
    });
    expect(await client.getCustomerValidation(TENANT)).toEqual({
      customerId: TENANT,
      partnerId: "9daaeb1c-4195-4db5-9f1d-509eb70c8c2d",
      validationId: "12345",
      organizationName: "Contoso, Inc.",
      eTag: `W/"datetime'2018-10-10T18%3A49%3A58.727348Z'"`,
    });
  });

  // What an API fuzzer found on the stateful mock (Prism's proxy answered these itself, against the contract).
  test("the retired calls answer the contract's 501, not Prism's example", async () => {
    for (const method of ["GET", "PUT"]) {
      const response = await fetch(`${mock.url}/v1/customers/${TENANT}/qualification`, {
        method,
        headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
        ...(method === "PUT" && { body: '"GovernmentCommunityCloud"' }),
      });
      expect(response.status, method).toBe(501);
      expect(await response.json()).toMatchObject({
        code: 0,
        data: [expect.stringContaining("retired synchronous calls")],
      });
    }
  });

  // The static mock's Prefer picks one of Prism's examples; the stateful mock has none to pick, so the guard lets it by.
  test("a Prefer only the static mock reads (code, example) is not refused: the engine answers", async () => {
    const response = await fetch(`${mock.url}/v1/customers/${TENANT}/qualifications`, {
      headers: { Authorization: "Bearer x", Prefer: "code=599, example=nope" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  test("a create in the REST reference's older form, with ?code=, is carried out", async () => {
    const response = await fetch(`${mock.url}/v1/customers/${TENANT}/qualifications?code=12345`, {
      method: "POST",
      headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
      body: JSON.stringify({ qualification: "GovernmentCommunityCloud", validationCode: "12345" }),
    });
    expect(response.status).toBe(201);
  });

  test("an empty MS-RequestId counts as none: it is not echoed, and it replays nothing for another customer", async () => {
    const create = (tenant: string) =>
      fetch(`${mock.url}/v1/customers/${tenant}/qualifications`, {
        method: "POST",
        headers: { Authorization: "Bearer x", "Content-Type": "application/json", "MS-RequestId": "" },
        body: JSON.stringify({ qualification: "StateOwnedEntity" }),
      });
    const first = await create(TENANT);
    expect(first.status).toBe(201);
    expect(first.headers.get("MS-RequestId")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const other = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect((await create(other)).status).toBe(201);
    expect(await clientOf(mock.url).getCustomerQualifications(other)).toEqual([{ qualification: "StateOwnedEntity" }]);
  });

  test("a request that breaks the contract gets the contract's 400 naming the rule, not Prism's 422", async () => {
    const response = await fetch(`${mock.url}/v1/customers/${TENANT}/qualifications`, {
      method: "POST",
      headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(await response.json()).toMatchObject({
      code: 800002,
      description: expect.stringContaining(
        "qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity",
      ),
    });
  });

  test("a Prefer Prism's proxy cannot decode, and a body nested too deep for it, get the contract's 400, not its 422 or 500", async () => {
    const read = await fetch(`${mock.url}/v1/customers/${TENANT}/qualifications`, {
      headers: { Authorization: "Bearer x", Prefer: "code=abc" },
    });
    expect({ status: read.status, body: await read.json() }).toMatchObject({
      status: 400,
      body: { data: ["Prefer: code=abc must be an HTTP status such as 200"] },
    });
    const deep = `{"qualification":"StateOwnedEntity","x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const created = await fetch(`${mock.url}/v1/customers/${TENANT}/qualifications`, {
      method: "POST",
      headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
      body: deep,
    });
    expect({ status: created.status, body: await created.json() }).toMatchObject({
      status: 400,
      body: { data: ["the body nests deeper than 100 levels"] },
    });
  });

  test("a GCC create uses a validation code up; an unknown code is the contract's 400", async () => {
    const client = clientOf(mock.url);
    await client.createCustomerQualification(TENANT, {
      qualification: "GovernmentCommunityCloud",
      validationCode: "12345",
    });
    expect((await client.getValidationCodes()).find((code) => code.validationId === "12345")?.remainingCreates).toBe(3);
    const error = await rejectionOf(
      client.createCustomerQualification("0f8fad5b-d9cb-469f-a165-70867728950e", {
        qualification: "GovernmentCommunityCloud",
        validationCode: "999",
      }),
    );
    expect(error).toMatchObject({ kind: "http", status: 400, code: 800002 });
  });
});

test("a 429 with Retry-After in the middle of a wait: the wait goes on and ends Approved", {
  timeout: 20_000,
}, async () => {
  // Every 4th request is throttled: the create, two reads, then the third read is answered 429.
  const mock = await startMock({ stateful: true, vettingPolls: 2, throttleEvery: 4, retryAfterSeconds: 1 });
  try {
    const seen: number[] = [];
    const client = createQualificationsClient({
      baseUrl: mock.url,
      accessToken: "mock-token",
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        seen.push(response.status);
        return response;
      },
    });
    expect(await lifecycle(mock.url)).toMatchObject({ vettingStatus: "Approved" });
    mock.engine.reset();
    await client.createCustomerQualification(TENANT, EDUCATION);
    expect(await client.waitForVetting(TENANT, "Education", { intervalMs: 5 })).toMatchObject({
      vettingStatus: "Approved",
    });
    expect(seen).toContain(429);
  } finally {
    await mock.stop();
  }
});

test("static Prism fails the same lifecycle check: it answers Approved at once; the engine is what makes it pass", async () => {
  const error: Error = await lifecycle(inject("mockUrl")).then(
    () => new Error("the lifecycle check passed against static Prism"),
    (failure: Error) => failure,
  );
  expect(error.message).toContain("the read right after the create");
  expect(error.message).toContain("expected 'Approved' to be 'InReview'");
});

test("a wrong answer from the engine is refused by Prism's validation in front of it", async () => {
  const engine = createEngine();
  const wrong = {
    ...engine,
    handle: () => ({
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: [{ vettingStatus: "Approved" }],
    }),
  };
  const server = await startEngineServer(wrong);
  const prism = await startPrism({ upstream: server.url }).catch(async (error) => {
    await server.close();
    throw error;
  });
  try {
    const error = await rejectionOf(clientOf(prism.url).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "http" });
    const response = await fetch(`${prism.url}/v1/customers/${TENANT}/qualifications`, {
      headers: { Authorization: "Bearer x" },
    });
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(await response.text()).toMatch(/qualification/);
  } finally {
    await prism.stop();
    await server.close();
  }
});
