// client.withResponse gives each high-level call's data with its answer and ids; raw.use() middleware
// runs once per raw call and never sees the token; the client-wide headers go with every request. Over
// loopback, against the fault server.
import { describe, expect, test } from "vitest";
import { reply } from "../support/fault-server.js";
import { APPROVED, TENANT, useFaultServer } from "../support/harness.js";

const REQUEST_ID = "037db222-6d8e-4d7f-ba78-df3dca33fb68";
const CORRELATION = "0f8fad5b-d9cb-469f-a165-70867728950e";
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.with-response-token";

const { server, client: clientFor } = useFaultServer({
  accessToken: TOKEN,
  retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 },
});

describe("withResponse", () => {
  test("getCustomerQualifications: the data as an array, the answer with its status, headers and unread body, and the ids", async () => {
    server.script(reply.json(200, { qualifications: APPROVED }, { "MS-CV": "abc.1", "MS-RequestId": "echoed" }));
    const { data, response, requestId, correlationId } = await clientFor().withResponse.getCustomerQualifications(
      TENANT,
      { correlationId: CORRELATION },
    );
    expect(data).toEqual(APPROVED);
    expect(response.status).toBe(200);
    expect(response.headers.get("MS-CV")).toBe("abc.1");
    expect(await response.json()).toEqual({ qualifications: APPROVED });
    expect(requestId).toBe(server.received[0]!.headers["ms-requestid"]);
    expect(correlationId).toBe(CORRELATION);
  });

  test("createCustomerQualification: the created qualification, after a retry, with the requestId every attempt carried", async () => {
    server.script(reply.json(503, {}), reply.json(201, { qualification: "StateOwnedEntity" }));
    const answer = await clientFor().withResponse.createCustomerQualification(
      TENANT,
      { qualification: "StateOwnedEntity" },
      { requestId: REQUEST_ID },
    );
    expect(answer).toMatchObject({
      data: { qualification: "StateOwnedEntity" },
      requestId: REQUEST_ID,
      correlationId: server.received[1]!.headers["ms-correlationid"],
    });
    expect(answer.response.status).toBe(201);
    expect(server.received.map((request) => request.headers["ms-requestid"])).toEqual([REQUEST_ID, REQUEST_ID]);
  });

  test("getValidationCodes and waitForVetting: the data, and the answer of the last poll", async () => {
    const codes = [{ validationId: "555001", maxCreates: 1, remainingCreates: 1 }];
    server.script(reply.json(200, codes));
    expect((await clientFor().withResponse.getValidationCodes()).data).toEqual(codes);
    const decided = { qualification: "Education", vettingStatus: "Denied" };
    server.script(
      reply.json(200, [{ qualification: "Education", vettingStatus: "InReview" }]),
      reply.json(200, [decided], { "MS-CV": "last.poll" }),
    );
    const answer = await clientFor().withResponse.waitForVetting(TENANT, "Education", { intervalMs: 5 });
    expect(answer.data).toEqual(decided);
    expect(answer.response.headers.get("MS-CV")).toBe("last.poll");
    expect(answer.requestId).toBe(server.received[1]!.headers["ms-requestid"]);
  });

  test("a header of the answer that echoes the token is redacted", async () => {
    server.script(reply.json(200, APPROVED, { "X-Debug": `token=${TOKEN}` }));
    const { response } = await clientFor().withResponse.getCustomerQualifications(TENANT);
    expect(response.headers.get("X-Debug")).toBe("token=[redacted]");
  });

  test("the answer's body is the text as it came, its spaces and escapes kept", async () => {
    const text = '{ "qualifications" : [ { "qualification": "\\u0045ducation", "vettingStatus": "Approved" } ] }\n';
    server.script(reply.text(200, text, "application/json"));
    const { data, response } = await clientFor().withResponse.getCustomerQualifications(TENANT);
    expect(data).toEqual(APPROVED);
    expect(await response.text()).toBe(text);
  });

  test("the plain calls give the same data alone", async () => {
    server.script(reply.json(200, { qualifications: APPROVED }));
    expect(await clientFor().getCustomerQualifications(TENANT)).toEqual(APPROVED);
  });
});

describe("raw.use() middleware", () => {
  test("runs once per raw call and never sees the token; the hooks run per attempt", async () => {
    const attempts: number[] = [];
    const client = clientFor({ onRequest: (event) => void attempts.push(event.attempt) });
    const seen: unknown[] = [];
    client.raw.use({
      onRequest: ({ request }) => void seen.push(["request", request.headers.get("Authorization")]),
      onResponse: ({ request, response }) =>
        void seen.push(["response", response.status, request.headers.get("Authorization")]),
    });
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    const { data } = await client.raw.GET("/v1/customers/{customer-tenant-id}/qualifications", {
      params: { path: { "customer-tenant-id": TENANT } },
    });
    expect(data).toEqual(APPROVED);
    expect(seen).toEqual([
      ["request", null],
      ["response", 200, null],
    ]);
    expect(attempts).toEqual([1, 2]);
    expect(server.received[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test("the high-level calls go straight to the transport: a middleware that answers in Partner Center's place answers raw calls only", async () => {
    const client = clientFor();
    client.raw.use({ onRequest: () => new Response("[]", { headers: { "Content-Type": "application/json" } }) });
    server.script(reply.json(200, [{ validationId: "12345" }]));
    expect((await client.raw.GET("/v1/customers/all/validations")).data).toEqual([]);
    expect(await client.getValidationCodes()).toEqual([{ validationId: "12345" }]);
    expect(server.received.map(({ path }) => path)).toEqual(["/v1/customers/all/validations"]);
  });
});

describe("the client-wide headers", () => {
  test("go with every request, high-level and raw; a call's own headers and the named options win, whatever the letter case", async () => {
    server.script(reply.json(200, APPROVED), reply.json(200, []));
    const client = clientFor({
      headers: {
        "MS-CV": "client.cv",
        Prefer: "example=approved",
        "x-locale": "de-DE",
        "MS-CorrelationId": CORRELATION,
      },
      locale: "hu-HU",
    });
    await client.getCustomerQualifications(TENANT, { headers: { prefer: "example=inReview" } });
    await client.raw.GET("/v1/customers/all/validations");
    for (const { headers } of server.received)
      expect(headers).toMatchObject({ "ms-cv": "client.cv", "x-locale": "hu-HU", "ms-correlationid": CORRELATION });
    expect(server.received.map(({ headers }) => headers.prefer)).toEqual(["example=inReview", "example=approved"]);
  });
});
