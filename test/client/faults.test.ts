// The client against a real HTTP server on loopback that misbehaves on purpose: which failures it retries,
// for a GET and for a POST; what it makes of answers that break the contract; what an error body of each
// shape becomes; the headers it sends. Retry-After's waits are in retry-timing.test.ts, cancelling and
// redirects in promises.test.ts, the token's echoes in leaks.test.ts.
import { describe, expect, test } from "vitest";
import { createQualificationsClient, type PartnerCenterError } from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { APPROVED, TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fault-server-token";
const { server, client: clientFor } = useFaultServer({
  accessToken: TOKEN,
  retry: { retries: 3, minDelayMs: 10, maxDelayMs: 20 },
  timeoutMs: 2_000,
});

const failure = rejectionOf;

const header = (index: number, name: string) => server.received[index]!.headers[name.toLowerCase()];

describe("retries", () => {
  test("503 then 200: one retry, the same MS-RequestId", async () => {
    server.script(reply.json(503, { code: 503, description: "Server busy" }), reply.json(200, APPROVED));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received).toHaveLength(2);
    expect(header(0, "MS-RequestId")).toMatch(/^[0-9a-f-]{36}$/);
    expect(header(1, "MS-RequestId")).toBe(header(0, "MS-RequestId"));
  });

  test.each([408, 429, 500, 502, 503, 504])("GET gives up after the last retry on %i", async (status) => {
    server.script(
      ...Array.from({ length: 4 }, () => reply.json(status, { code: status, description: "still failing" })),
    );
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "http", status, description: "still failing" });
    expect(server.received).toHaveLength(4);
  });

  test("GET is not retried on 400, 401, 403, 404, 405, 406, 409, 412 or 501: they would fail again", async () => {
    for (const status of [400, 401, 403, 404, 405, 406, 409, 412, 501]) {
      server.script(reply.json(status, { code: 1, description: "no" }));
      expect(await failure(clientFor().getCustomerQualifications(TENANT))).toMatchObject({ status });
      expect(server.received).toHaveLength(1);
    }
  });

  test("a connection reset is retried for GET", async () => {
    server.script(reply.reset(), reply.json(200, APPROVED));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received).toHaveLength(2);
  });

  test("resets on every attempt end in a network error", async () => {
    server.script(reply.reset(), reply.reset(), reply.reset(), reply.reset());
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/failed on the network: .* \(4 attempts\)$/);
    expect(server.received).toHaveLength(4);
  });

  test("a body cut off mid-way is retried for GET", async () => {
    server.script(reply.cutOff('[{"qualification":"Educ'), reply.json(200, APPROVED));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received).toHaveLength(2);
  });

  test("an answer that never comes times out per attempt, then fails with a timeout", async () => {
    server.script(reply.hang(), reply.hang());
    const error = await failure(
      clientFor({ timeoutMs: 150, retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 } }).getCustomerQualifications(
        TENANT,
      ),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("within 150 ms");
    expect(server.received).toHaveLength(2);
  });

  test("retry: false makes one attempt", async () => {
    server.script(reply.json(503, { code: 503 }));
    await failure(clientFor({ retry: false }).getCustomerQualifications(TENANT));
    expect(server.received).toHaveLength(1);
  });

  test("the token function is called for every attempt, so a refreshed token is used on the retry", async () => {
    let calls = 0;
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    await clientFor({ accessToken: async () => `token-${++calls}` }).getCustomerQualifications(TENANT);
    expect([header(0, "Authorization"), header(1, "Authorization")]).toEqual(["Bearer token-1", "Bearer token-2"]);
  });
});

describe("POST is retried only where it is safe", () => {
  const create = (client = clientFor()) =>
    client.createCustomerQualification(
      TENANT,
      { qualification: "StateOwnedEntity" },
      { requestId: "037db222-6d8e-4d7f-ba78-df3dca33fb68" },
    );

  test("503 then 201: retried with the caller's MS-RequestId", async () => {
    server.script(reply.json(503, {}), reply.json(201, { qualification: "StateOwnedEntity" }));
    expect(await create()).toEqual({ qualification: "StateOwnedEntity" });
    expect(server.received.map((request) => request.headers["ms-requestid"])).toEqual([
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
    ]);
    expect(server.received.map((request) => request.body)).toEqual([
      '{"qualification":"StateOwnedEntity"}',
      '{"qualification":"StateOwnedEntity"}',
    ]);
  });

  test("429 then 201: retried with the same MS-RequestId and body, and the 201's qualification returned", async () => {
    server.script(
      reply.json(429, { statusCode: 429 }, { "Retry-After": "0" }),
      reply.json(201, { qualification: "StateOwnedEntity" }),
    );
    expect(await create()).toEqual({ qualification: "StateOwnedEntity" });
    expect(server.received.map((request) => request.headers["ms-requestid"])).toEqual([
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
    ]);
    expect(server.received.map((request) => request.body)).toEqual([
      '{"qualification":"StateOwnedEntity"}',
      '{"qualification":"StateOwnedEntity"}',
    ]);
  });

  test("408 then 201: retried with the same MS-RequestId, since the request did not complete", async () => {
    server.script(reply.json(408, { code: "RequestTimeout" }), reply.json(201, { qualification: "StateOwnedEntity" }));
    expect(await create()).toEqual({ qualification: "StateOwnedEntity" });
    expect(server.received.map((request) => request.headers["ms-requestid"])).toEqual([
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
    ]);
  });

  test.each([500, 502, 504])("%i is not retried: the server may have acted", async (status) => {
    server.script(reply.json(status, { code: 800003, description: "Unexpected service error" }));
    expect(await failure(create())).toMatchObject({ status, code: 800003 });
    expect(server.received).toHaveLength(1);
  });

  test("a reset before any answer is retried with the same MS-RequestId and body, and the 201's qualification returned", async () => {
    server.script(reply.reset(), reply.json(201, { qualification: "StateOwnedEntity" }));
    expect(await create()).toEqual({ qualification: "StateOwnedEntity" });
    expect(server.received.map((request) => request.headers["ms-requestid"])).toEqual([
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
      "037db222-6d8e-4d7f-ba78-df3dca33fb68",
    ]);
    expect(server.received.map((request) => request.body)).toEqual([
      '{"qualification":"StateOwnedEntity"}',
      '{"qualification":"StateOwnedEntity"}',
    ]);
  });

  test("a body cut off after the answer began is not retried", async () => {
    server.script(reply.cutOff('{"qualification":"State'));
    expect((await failure(create())).kind).toBe("network");
    expect(server.received).toHaveLength(1);
  });

  test.each([
    ["resets on every attempt", [reply.reset(), reply.reset(), reply.reset(), reply.reset()], "network"],
    ["no answer in time", [reply.hang(), reply.hang()], "timeout"],
  ])(
    "%s: the message says the POST may have reached Partner Center, and the error keeps the requestId to repeat it",
    async (_case, replies, kind) => {
      server.script(...replies);
      const error = await failure(
        create(clientFor({ timeoutMs: 150, retry: { retries: replies.length - 1, minDelayMs: 10, maxDelayMs: 10 } })),
      );
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(
        new RegExp(
          `; it may have reached Partner Center: repeat it with the same requestId \\(${replies.length} attempts\\)$`,
        ),
      );
      expect(error.requestId).toBe("037db222-6d8e-4d7f-ba78-df3dca33fb68");
    },
  );

  test("a GET that fails the same way says nothing of the kind: repeating it is always safe", async () => {
    server.script(reply.reset());
    const error = await failure(clientFor({ retry: false }).getCustomerQualifications(TENANT));
    expect(error.message).not.toContain("may have reached");
  });
});

describe("answers that break the contract", () => {
  test("truncated JSON in a complete answer is an invalid response, not retried", async () => {
    server.script(reply.text(200, '[{"qualification":"Educ', "application/json"));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("not valid JSON");
    expect(server.received).toHaveLength(1);
  });

  test("an empty 200 is an invalid response", async () => {
    server.script(reply.text(200, "", "application/json"));
    expect((await failure(clientFor().getCustomerQualifications(TENANT))).kind).toBe("invalid-response");
  });

  test("a wrong content type is an invalid response that names it", async () => {
    server.script(reply.text(200, "<html><body>Sign in</body></html>", "text/html"));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain("Content-Type text/html; expected application/json");
  });

  test.each([
    ["a wrong type", [{ qualification: 5 }], "[0].qualification must be string"],
    [
      "a missing required field",
      { qualifications: [{ vettingStatus: "Approved" }] },
      "qualifications[0].qualification is required",
    ],
    [
      "a date that is not a date-time",
      [{ qualification: "Education", vettingCreateDate: "yesterday" }],
      '[0].vettingCreateDate must match format "date-time"',
    ],
    ["neither form", { items: [] }, "qualifications is required"],
    [
      "a vetting status of the wrong type",
      [{ qualification: "Education", vettingStatus: ["Approved"] }],
      "[0].vettingStatus must be string",
    ],
    ["a body that is a string", "Approved", "the body must be array, or must be object"],
    [
      "the eleventh item broken",
      [...Array.from({ length: 10 }, () => ({ qualification: "None" })), { vettingStatus: "Approved" }],
      "[10].qualification is required",
    ],
  ])("a body with %s: the whole message names the field and only the rule it broke", async (_case, body, problem) => {
    server.script(reply.json(200, body));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toContain(problem);
    expect(error.message).toBe(
      `GET /v1/customers/${TENANT}/qualifications answered a body that breaks the contract: ${problem} (1 attempt)`,
    );
  });

  test.each([204, 205])(
    "a %i (no body by definition) is an invalid response for a call, and data undefined for raw",
    async (status) => {
      server.script(reply.text(status, "", "application/json"));
      const error = await failure(clientFor().getCustomerQualifications(TENANT));
      expect(error).toMatchObject({ kind: "invalid-response" });
      expect(error.message).toContain(
        `answered HTTP ${status} with a body that is not valid JSON (0 characters; cut off?)`,
      );
      server.script(reply.text(status, "", "application/json"));
      const { data, response } = await clientFor().raw.GET("/v1/customers/all/validations");
      expect([data, response.status, response.body]).toEqual([undefined, status, null]);
    },
  );

  test("a 304 (no body by definition) is an HTTP error with an empty body", async () => {
    server.script(reply.text(304, "", "application/json"));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "http", status: 304 });
    expect(error.message).toMatch(/HTTP 304: an empty body \(1 attempt\)$/);
  });

  test("unknown enum values and extra fields pass through (decision 3)", async () => {
    const body = [{ qualification: "SomethingNew", vettingStatus: "Expired", reviewer: { id: 7 } }];
    server.script(reply.json(200, body));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(body);
  });

  test("validation codes and the create answer are checked too", async () => {
    server.script(reply.json(200, [{ partnerId: "not-a-uuid" }]));
    expect((await failure(clientFor().getValidationCodes())).message).toContain(
      '[0].partnerId must match format "uuid"',
    );
    server.script(reply.json(201, { vettingStatus: "InReview" }));
    expect(
      (await failure(clientFor().createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }))).message,
    ).toContain("qualification is required");
  });

  test("a create answered 200 is checked against the wrapped form, and must hold the qualification asked for", async () => {
    server.script(reply.json(200, { qualification: "StateOwnedEntity" }));
    expect(
      (await failure(clientFor().createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }))).message,
    ).toContain("qualifications is required");
    server.script(reply.json(200, { qualifications: [{ qualification: "Education", vettingStatus: "Approved" }] }));
    const error = await failure(clientFor().createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }));
    expect(error).toMatchObject({ kind: "invalid-response", requestId: expect.any(String) });
    expect(error.message).toContain("answered HTTP 200 without the qualification it was asked to create");
  });

  test("a create answered with a 2xx status the contract does not declare is refused", async () => {
    server.script(reply.json(202, { qualification: "StateOwnedEntity" }));
    const error = await failure(clientFor().createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" }));
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toContain("answered HTTP 202, a status the contract does not declare for this call");
  });

  test("with validateResponses off, a GET body that breaks the contract is returned as it came", async () => {
    const body = [{ qualification: 5, vettingCreateDate: "yesterday" }];
    server.script(reply.json(200, body));
    expect(await clientFor({ validateResponses: false }).getCustomerQualifications(TENANT)).toEqual(body);
  });

  test("with validateResponses off, a wrapped create answer still gives the created qualification, past entries that are null", async () => {
    const created = { qualification: "StateOwnedEntity" };
    server.script(reply.json(200, { qualifications: [null, { qualification: "Education" }, created] }));
    expect(
      await clientFor({ validateResponses: false }).createCustomerQualification(TENANT, {
        qualification: "StateOwnedEntity",
      }),
    ).toEqual(created);
  });

  test("with validateResponses off, a create answered with null is an invalid-response rather than a crash or a null", async () => {
    server.script(reply.json(201, null));
    const error = await failure(
      clientFor({ validateResponses: false }).createCustomerQualification(TENANT, {
        qualification: "StateOwnedEntity",
      }),
    );
    expect(error).toMatchObject({
      kind: "invalid-response",
      message: `POST /v1/customers/${TENANT}/qualifications answered HTTP 201 without the qualification it was asked to create (1 attempt)`,
    });
  });

  test("an answer of 299, the last success status, is a success", async () => {
    server.script(reply.json(299, APPROVED));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
  });

  test("a 2xx answer without a Content-Type is refused, saying it had none", async () => {
    server.script((_request, response) => response.writeHead(200).end(JSON.stringify(APPROVED)));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "invalid-response" });
    expect(error.message).toBe(
      `GET /v1/customers/${TENANT}/qualifications answered HTTP 200 with Content-Type (none); expected application/json (1 attempt)`,
    );
  });

  test("a character whose bytes arrive in two chunks is read whole", async () => {
    const codes = [{ organizationName: "Müller Grundschule" }];
    const bytes = Buffer.from(JSON.stringify(codes));
    const split = bytes.indexOf(Buffer.from("ü")) + 1;
    server.script((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write(bytes.subarray(0, split), () => setTimeout(() => response.end(bytes.subarray(split)), 50));
    });
    expect(await clientFor().getValidationCodes()).toEqual(codes);
  });
});

describe("error bodies of every shape", () => {
  test("a fetch that rejects with no error at all: a network error, not a crash", async () => {
    const error = await failure(
      createQualificationsClient({
        accessToken: "token",
        retry: false,
        fetch: () => Promise.reject(undefined),
      }).getCustomerQualifications(TENANT),
    );
    expect(error).toMatchObject({
      kind: "network",
      message: `GET /v1/customers/${TENANT}/qualifications to api.partnercenter.microsoft.com:443 failed on the network: undefined (1 attempt)`,
    });
  });

  test("a bare JSON string goes into the message", async () => {
    server.script(reply.json(403, "Customer tagging denied."));
    const error = (await failure(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error).toMatchObject({
      status: 403,
      description: "Customer tagging denied.",
      code: undefined,
      body: "Customer tagging denied.",
    });
    expect(error.message).toContain("Customer tagging denied.");
  });

  test("the customer-service shape fills errorName and isRetryable", async () => {
    const body = {
      code: 600074,
      message: "The account status was not found.",
      description: "The account status was not found.",
      errorName: "AccountStatusNotFound",
      isRetryable: false,
      errorMessageExtended: "InternalErrorCode=600074",
    };
    server.script(reply.json(404, body));
    const error = (await failure(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error).toMatchObject({
      status: 404,
      code: 600074,
      errorName: "AccountStatusNotFound",
      isRetryable: false,
      body,
    });
    expect(error.message).toContain("HTTP 404 (code 600074, AccountStatusNotFound): The account status was not found.");
  });

  test("an HTML page is described, not pasted", async () => {
    const page = `<html><body>${"Bad gateway ".repeat(50)}</body></html>`;
    server.script(reply.text(502, page, "text/html"));
    const error = (await failure(clientFor({ retry: false }).getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error.message).toContain(`a text/html body of ${page.length} characters`);
    expect(error.message).not.toContain("<html>");
    expect(error.body).toBe(page);
  });

  test("an empty error body says so", async () => {
    server.script(reply.text(404, "", "application/json"));
    const error = await failure(clientFor().getCustomerQualifications(TENANT));
    expect(error.message).toMatch(/HTTP 404: an empty body \(1 attempt\)$/);
  });
});

describe("headers", () => {
  test("every request carries the token, Accept, uuid v4 ids and the configured optional headers", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor({ locale: "hu-HU", application: "Contoso sync", contractVersion: "v1" }).getCustomerQualifications(
      TENANT,
    );
    const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(server.received[0]!.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: "application/json",
      "x-locale": "hu-HU",
      "ms-partnercenter-application": "Contoso sync",
      "ms-contract-version": "v1",
      "ms-requestid": expect.stringMatching(uuidV4),
      "ms-correlationid": expect.stringMatching(uuidV4),
    });
    expect(server.received[0]!.path).toBe(`/v1/customers/${TENANT}/qualifications`);
  });

  test.each([
    ["getCustomerQualifications", "GET", `/v1/customers/${TENANT}/qualifications`, APPROVED, 200],
    [
      "createCustomerQualification",
      "POST",
      `/v1/customers/${TENANT}/qualifications`,
      { qualification: "StateOwnedEntity" },
      201,
    ],
    ["getValidationCodes", "GET", "/v1/customers/all/validations", [], 200],
    ["getCustomerValidation", "GET", `/v1/customers/${TENANT}/validations`, { customerId: TENANT }, 200],
  ] as const)(
    "%s sends %s %s, with a JSON Content-Type only when it has a body",
    async (name, method, path, body, status) => {
      server.script(reply.json(status, body));
      const client = clientFor();
      if (name === "createCustomerQualification")
        await client.createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" });
      else if (name === "getValidationCodes") await client.getValidationCodes();
      else await client[name](TENANT);
      const [received] = server.received;
      expect([received!.method, received!.path]).toEqual([method, path]);
      expect(received!.headers["content-type"]).toBe(method === "POST" ? "application/json" : undefined);
      expect(received!.body).toBe(method === "POST" ? JSON.stringify({ qualification: "StateOwnedEntity" }) : "");
    },
  );

  test("a raw call of another method than GET or POST is answered, and not retried", async () => {
    server.script(reply.json(503, { code: 503 }), reply.json(200, { qualification: "Education" }));
    const { response } = await clientFor().raw.PUT("/v1/customers/{customer-tenant-id}/qualification", {
      params: { path: { "customer-tenant-id": TENANT } },
      body: { qualification: "Education" } as never,
    });
    expect(response.status).toBe(503);
    expect(server.received.map(({ method }) => method)).toEqual(["PUT"]);
  });

  test("the optional headers that are not configured are not sent at all", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor().getCustomerQualifications(TENANT);
    const names = Object.keys(server.received[0]!.headers);
    for (const name of ["x-locale", "ms-partnercenter-application", "ms-contract-version", "ms-cv"])
      expect(names).not.toContain(name);
    expect(Object.values(server.received[0]!.headers)).not.toContain("undefined");
  });

  test("a call's headers are sent beside its correlationId", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor().getCustomerQualifications(TENANT, {
      correlationId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      headers: { "MS-CV": "call.cv", Prefer: "example=approved" },
    });
    expect(server.received[0]!.headers).toMatchObject({
      "ms-correlationid": "0f8fad5b-d9cb-469f-a165-70867728950e",
      "ms-cv": "call.cv",
      prefer: "example=approved",
    });
  });

  test("headers whose names only contain MS-RequestId or MS-CorrelationId are sent as they are, not checked as ids", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor().getCustomerQualifications(TENANT, {
      headers: { "X-MS-CorrelationId": "upstream-7", "MS-RequestId-Original": "abc" },
    });
    expect(server.received[0]!.headers).toMatchObject({
      "x-ms-correlationid": "upstream-7",
      "ms-requestid-original": "abc",
    });
  });

  test("two calls get different ids", async () => {
    server.script(reply.json(200, APPROVED), reply.json(200, APPROVED));
    const client = clientFor();
    await client.getCustomerQualifications(TENANT);
    await client.getCustomerQualifications(TENANT);
    expect(header(0, "MS-RequestId")).not.toBe(header(1, "MS-RequestId"));
    expect(header(0, "MS-CorrelationId")).not.toBe(header(1, "MS-CorrelationId"));
  });

  test("the error carries the ids the request was sent with", async () => {
    server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
    const error = await failure(
      clientFor().getCustomerQualifications(TENANT, { correlationId: "0f8fad5b-d9cb-469f-a165-70867728950e" }),
    );
    expect(error.correlationId).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(error.requestId).toBe(header(0, "MS-RequestId"));
    expect(error.request).toBe(`GET /v1/customers/${TENANT}/qualifications`);
  });
});
