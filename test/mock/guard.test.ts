// The guard in front of Prism (src/mock/guard.ts), on a Prism of this test's own: whatever breaks the
// contract, or would kill or hang Prism, gets the contract's answer from the guard (a JSON error body with
// the rule it broke, and no sl-violations header, which only Prism writes); a request that keeps the
// contract goes through to Prism and is answered by it.
import { createServer, request } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { sendRaw } from "../support/connection.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuard } from "../../src/mock/guard.js";
import { freePort, startPrism, type RunningPrism } from "../../src/mock/prism.js";
import { TENANT } from "../support/harness.js";
import { responseExamples } from "../support/spec.js";

const QUALIFICATIONS = `/v1/customers/${TENANT}/qualifications`;
const BROKEN = '{"qualification":';
const VALID = '{"qualification":"StateOwnedEntity"}';

let prism: RunningPrism;
beforeAll(async () => {
  prism = await startPrism();
}, 45_000);
afterAll(() => prism?.stop());

/** Runs `use` against a static guard of its own in front of `prismPort`, closed afterwards whatever happens. */
async function withGuard(prismPort: number, requestTimeoutMs: number | undefined, use: (url: string) => Promise<void>) {
  const guard = createGuard(prismPort, "static", requestTimeoutMs);
  await new Promise<void>((listening) => guard.listen(0, "127.0.0.1", listening));
  try {
    await use(`http://127.0.0.1:${(guard.address() as AddressInfo).port}`);
  } finally {
    guard.closeAllConnections();
    guard.close();
  }
}

interface Answer {
  status: number | undefined;
  /** Whether Prism answered (it marks what it validated with sl-violations when something is wrong) or the guard. */
  violations: boolean;
  headers: Record<string, unknown>;
  body: string;
}

/** One request, sent with node:http so that the body can go in chunks (no Content-Length). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  chunked = false,
): Promise<Answer> {
  const { hostname, port } = new URL(prism.url);
  return new Promise((answered, failed) => {
    const sent = request(
      { host: hostname, port, path, method, headers: { Authorization: "Bearer x", ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          answered({
            status: response.statusCode,
            violations: response.headers["sl-violations"] !== undefined,
            headers: response.headers,
            body: text,
          }),
        );
      },
    );
    // A guard against a hang, one of the failures this guard exists to prevent.
    sent.setTimeout(10_000, () => sent.destroy(new Error("no answer within 10 s")));
    sent.on("error", failed);
    if (body !== undefined && chunked) sent.write(body.slice(0, 3));
    sent.end(body === undefined ? undefined : chunked ? body.slice(3) : body);
  });
}
const post = (headers: Record<string, string>, body: string | Buffer, chunked = false) =>
  send("POST", QUALIFICATIONS, headers, body, chunked);

/** What the guard answers for a request that breaks `rule`: the contract's 400 naming it. */
const refused = (rule: string) => ({
  status: 400,
  violations: false,
  body: JSON.stringify({
    code: 800002,
    description: `Invalid request input: ${rule}`,
    data: [rule],
    source: "PartnerFD",
  }),
});

test.each<[string, Record<string, string>, boolean]>([
  ["application/json", { "Content-Type": "application/json" }, false],
  ["application/json, sent in chunks", { "Content-Type": "application/json" }, true],
  ["a +json media type", { "Content-Type": "application/merge-patch+json" }, false],
  ["JSON in capitals, with a charset", { "Content-Type": "Application/JSON ; charset=utf-8" }, false],
])("a body that does not parse, as %s: the contract's 400 from the guard", async (_case, headers, chunked) => {
  expect(await post(headers, BROKEN, chunked)).toMatchObject(refused("the body is not valid JSON"));
});

test.each<[string, Record<string, string>]>([
  ["a media type that only starts like JSON", { "Content-Type": "application/jsonx" }],
  ["a media type that only ends like JSON", { "Content-Type": "x-application/json" }],
  ["text/plain", { "Content-Type": "text/plain" }],
  ["no Content-Type", {}],
  // Prism would decode UTF-16, find no JSON, and never answer.
  ["JSON declared as UTF-16", { "Content-Type": "application/json; charset=utf-16le" }],
])("%s: the contract's 400 from the guard, even for a body that parses", async (_case, headers) => {
  expect(await post(headers, VALID)).toMatchObject(
    refused("the body must be JSON: Content-Type application/json, in UTF-8"),
  );
});

test("an empty body on the create: the contract's 400 from the guard", async () => {
  expect(await post({ "Content-Type": "application/json", "Content-Length": "0" }, "")).toMatchObject(
    refused("the body is required"),
  );
});

test.each([false, true])(
  "a JSON body that keeps the contract goes through to Prism and is answered (in chunks: %s)",
  async (chunked) => {
    expect(await post({ "Content-Type": "application/json" }, VALID, chunked)).toMatchObject({
      status: 200,
      violations: false,
      body: expect.stringContaining('"qualifications"'),
    });
  },
);

test("a malformed escape in the path or the query is the contract's 400, and Prism lives on", async () => {
  // Prism died on the first (an uncaught URIError), and every later request was refused a connection.
  for (const path of ["/v1/customers/%/qualifications", "/v1/customers/%zz/qualifications"]) {
    expect(await send("GET", path, {}), path).toMatchObject(refused("customer-tenant-id must be a GUID"));
  }
  expect(await send("GET", `${QUALIFICATIONS}?code=%`, {})).toMatchObject(
    refused("the query holds a % that starts no escape"),
  );
  expect(await send("GET", "/v1/customers/all/valid%zzations", {})).toMatchObject({ status: 404, violations: false });
  expect((await send("GET", QUALIFICATIONS, {})).status).toBe(200);
});

test("another method is 405 with Allow, another path 404, both in the contract's error shape", async () => {
  const deleted = await send("DELETE", QUALIFICATIONS, {});
  expect(deleted).toMatchObject({ status: 405, violations: false, headers: { allow: "GET, POST" } });
  expect(JSON.parse(deleted.body)).toEqual({
    code: "MethodNotAllowed",
    description: "Method not allowed",
    source: "PartnerFD",
  });
  const elsewhere = await send("GET", "/v2/elsewhere", {});
  expect(elsewhere).toMatchObject({ status: 404, violations: false });
  expect(JSON.parse(elsewhere.body)).toMatchObject({
    code: 60003,
    data: ["GET /v2/elsewhere is not a call of this contract"],
  });
});

test("a body over 1 MiB is the contract's 413, whether its length is declared or it comes in chunks, and nothing of it is kept", async () => {
  const huge = Buffer.alloc(1024 * 1024 + 1, "x");
  for (const chunked of [false, true]) {
    const answer = await post({ "Content-Type": "application/json" }, huge, chunked);
    expect(answer, `chunked: ${chunked}`).toMatchObject({
      status: 413,
      violations: false,
      headers: { connection: "close" },
    });
    expect(JSON.parse(answer.body)).toMatchObject({
      code: "ContentTooLarge",
      data: ["the body is longer than 1048576 bytes"],
    });
  }
  expect((await send("GET", QUALIFICATIONS, {})).status).toBe(200);
});

test("a body of exactly 1 MiB is not too large, declared or in chunks", async () => {
  const whole = Buffer.alloc(1024 * 1024, "x");
  for (const chunked of [false, true]) {
    const answer = await post({ "Content-Type": "application/json" }, whole, chunked);
    expect(answer, `chunked: ${chunked}`).toMatchObject(refused("the body is not valid JSON"));
  }
});

test("a body in chunks that passes 1 MiB is answered 413 at once, without waiting for its end", async () => {
  const { hostname, port } = new URL(prism.url);
  const headers = { Authorization: "Bearer x", "Content-Type": "application/json" };
  const sent = request({ host: hostname, port, path: QUALIFICATIONS, method: "POST", headers });
  try {
    const answered = new Promise<{ status: number | undefined; connection?: string | undefined }>((resolve, reject) => {
      sent.once("response", (response) => resolve({ status: response.statusCode, ...response.headers }));
      sent.once("error", reject);
    });
    sent.write(Buffer.alloc(1024 * 1024 + 1, "x"));
    expect(await answered).toMatchObject({ status: 413, connection: "close" });
  } finally {
    sent.destroy();
  }
});

test("a declared length over 1 MiB is answered 413 from the headers alone, before any of the body is sent", async () => {
  // A guard of its own with a short time limit: one that waited for the body would answer 408 after 2 s instead.
  await withGuard(Number(new URL(prism.url).port), 2_000, async (url) => {
    const head = [
      `POST ${QUALIFICATIONS} HTTP/1.1`,
      "Host: a",
      "Authorization: Bearer x",
      "Content-Type: application/json",
      `Content-Length: ${1024 * 1024 + 1}`,
    ];
    expect(await sendRaw(url, `${head.join("\r\n")}\r\n\r\n`)).toBe("HTTP/1.1 413 Payload Too Large");
  });
});

test("an absolute-form request line, and one with a port out of range, get the contract's 404; the guard lives on", async () => {
  for (const target of ["http://a:99999/", `http://a${QUALIFICATIONS}`]) {
    const statusLine = await sendRaw(prism.url, `GET ${target} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\n\r\n`);
    expect(statusLine, target).toBe("HTTP/1.1 404 Not Found");
  }
  expect((await send("GET", QUALIFICATIONS, {})).status).toBe(200);
});

test("the ids the request sent are echoed; an empty or malformed one is answered with a new uuid, never echoed", async () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const malformed = await send("GET", QUALIFICATIONS, { "MS-RequestId": "nope", "MS-CorrelationId": "" });
  expect(malformed).toMatchObject(refused("MS-RequestId must be a uuid"));
  expect(malformed.headers["ms-requestid"]).toMatch(uuid);
  expect(malformed.headers["ms-correlationid"]).toMatch(uuid);
  const elsewhere = await send("GET", "/v2/elsewhere", { "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68" });
  expect(elsewhere.headers["ms-requestid"]).toBe("037db222-6d8e-4d7f-ba78-df3dca33fb68");
});

test("a caller that leaves before Prism answers: the guard drops the answer and goes on serving", {
  timeout: 45_000,
}, async () => {
  // An upstream that holds the create's answer until the caller has gone; Prism waits for it, and so does the guard.
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  const upstream = createServer((incoming, response) => {
    if (incoming.method === "POST") arrived();
    void (incoming.method === "POST" ? held : Promise.resolve()).then(() =>
      response.writeHead(200, { "Content-Type": "application/json" }).end("[]"),
    );
  });
  await new Promise<void>((listening) => upstream.listen(0, "127.0.0.1", listening));
  const proxy = await startPrism({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
  try {
    const { hostname, port } = new URL(proxy.url);
    const sent = request({
      host: hostname,
      port,
      path: `/v1/customers/${TENANT}/qualifications`,
      method: "POST",
      headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
    });
    sent.on("error", () => {});
    sent.end(VALID);
    await reached;
    sent.destroy();
    // Time for the guard to see the connection close before the answer comes back to it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    // The guard (in this process) got the answer for a caller that is gone; it must neither throw nor stop serving.
    const answer = await fetch(`${proxy.url}/v1/customers/all/validations`, { headers: { Authorization: "Bearer x" } });
    expect(answer.status).toBe(200);
  } finally {
    process.kill(proxy.pid);
    upstream.closeAllConnections();
    upstream.close();
  }
});

test("the static mock sends the retired calls to Prism, which answers their documented example (only the stateful mock answers 501)", async () => {
  const answer = await send("GET", `/v1/customers/${TENANT}/qualification`, {});
  expect(answer).toMatchObject({ status: 200, violations: false });
  const documented = responseExamples("getCustomerQualificationLegacy", "200");
  expect(Object.values(documented)).toContainEqual(JSON.parse(answer.body));
});

test("a request Node's parser cannot read gets the contract's 400 body, not Node's bare one", async () => {
  const answer = await sendRaw(prism.url, "NOT HTTP AT ALL\r\n\r\n", false);
  expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
  expect(answer.split("\r\n")).toEqual(expect.arrayContaining(["Content-Type: application/json", "Connection: close"]));
  expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({
    code: 800002,
    data: ["the request is not valid HTTP"],
  });
});

test("a client that sends its request slowly holds only its own connection: others are answered meanwhile", async () => {
  const { port } = new URL(prism.url);
  const slow = connect(Number(port), "127.0.0.1");
  try {
    await new Promise<void>((resolve) => slow.once("connect", resolve));
    slow.write(`GET ${QUALIFICATIONS} HTTP/1.1\r\nHost: a\r\n`);
    expect((await send("GET", QUALIFICATIONS, {})).status).toBe(200);
  } finally {
    slow.destroy();
  }
});

test("a Prefer header Prism could not follow gets the contract's 400 naming what the call has, not Prism's 404, 422 or 500", async () => {
  const statuses = "200, 400, 401, 403, 404, 405, 406, 408, 409, 412, 413, 429, 500, 501, 502, 503, 504";
  const examples200 =
    "approvedArray, inReviewArray, deniedArray, approved, inReview, denied, stateOwnedEntity, stateOwnedEntityWithEducation, stateOwnedEntityWithGcc";
  for (const [prefer, rule] of [
    ["code=599", `Prefer: code=599 is no status of this call; it declares ${statuses}`],
    ["code=999", "Prefer: code=999 must be an HTTP status such as 200"],
    ["code=abc", "Prefer: code=abc must be an HTTP status such as 200"],
    ["dynamic=TRUE", "Prefer: dynamic=TRUE must be true or false"],
    ["example=nope", `Prefer: example=nope is no example of the 200 answer of this call; it has ${examples200}`],
    [
      "code=200, example=nope",
      `Prefer: example=nope is no example of the 200 answer of this call; it has ${examples200}`,
    ],
    [
      "code=403, example=inReview",
      "Prefer: example=inReview is no example of the 403 answer of this call; it has insufficientPrivileges, appOnlyNotSupported, noCommerceRelationship",
    ],
  ]) {
    expect(await send("GET", QUALIFICATIONS, { Prefer: prefer! }), prefer).toMatchObject(refused(rule!));
  }
  // What Prism can follow still reaches it, in any letter case of the names.
  expect(await send("GET", QUALIFICATIONS, { Prefer: "Code=403, EXAMPLE=appOnlyNotSupported" })).toMatchObject({
    status: 403,
    body: expect.stringContaining("900329"),
  });
  expect(await send("GET", QUALIFICATIONS, { Prefer: "dynamic=true" })).toMatchObject({ status: 200 });
});

test("what a hostile review found the guard let through is answered as the contract says", async () => {
  // The query was cut at its second ?, so the % check missed what followed.
  expect(await send("GET", `${QUALIFICATIONS}??%`, {})).toMatchObject(
    refused("the query holds a % that starts no escape"),
  );
  // A body that is not UTF-8 was read with replacement characters and accepted.
  const notUtf8 = Buffer.concat([
    Buffer.from('{"qualification":"StateOwnedEntity","x":"'),
    Buffer.from([0xff]),
    Buffer.from('"}'),
  ]);
  expect(await post({ "Content-Type": "application/json" }, notUtf8)).toMatchObject(
    refused("the body is not valid UTF-8"),
  );
  // CONNECT closed the connection without an answer; an Expect Node cannot meet got its bare 417.
  const connected = await sendRaw(prism.url, "CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n", false);
  expect(connected.split("\r\n")[0]).toBe("HTTP/1.1 404 Not Found");
  expect(JSON.parse(connected.slice(connected.indexOf("\r\n\r\n") + 4))).toMatchObject({
    code: 60003,
    data: ["CONNECT 127.0.0.1:80 is not a call of this contract"],
  });
  const expecting = await send("POST", QUALIFICATIONS, { "Content-Type": "application/json", Expect: "200-ok" }, VALID);
  expect(expecting).toMatchObject(refused("Expect: 200-ok is not supported"));
  expect(expecting.headers).toMatchObject({ "content-type": "application/json", connection: "close" });
});

test("Prism's answers carry the request's ids, or new ones, not its examples' ids", async () => {
  const requestId = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const answered = await send("GET", QUALIFICATIONS, { "MS-RequestId": requestId });
  expect(answered.status).toBe(200);
  expect(answered.headers["ms-requestid"]).toBe(requestId);
  const fresh = await send("GET", QUALIFICATIONS, {});
  expect(fresh.headers["ms-requestid"]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(fresh.headers["ms-requestid"]).not.toBe("037db222-6d8e-4d7f-ba78-df3dca33fb68");
});

test("a refused request whose body was read leaves the connection open for the next one", async () => {
  const answer = await sendRaw(
    prism.url,
    `DELETE ${QUALIFICATIONS} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\n\r\nGET ${QUALIFICATIONS} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
    false,
  );
  expect([...answer.matchAll(/^HTTP\/1\.1 (\d+)/gm)].map((match) => match[1])).toEqual(["405", "200"]);
});

test("a request that has not arrived whole within the time limit gets the contract's 408, and its connection closes", async () => {
  await withGuard(Number(new URL(prism.url).port), 500, async (url) => {
    const answer = await sendRaw(url, `GET ${QUALIFICATIONS} HTTP/1.1\r\nHost: a\r\n`, false);
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({
      code: "RequestTimeout",
      data: ["the request took too long to arrive"],
    });
  });
});

test("when Prism cannot be reached, the caller's connection is closed at once rather than left waiting", async () => {
  // A port that was free a moment ago: nothing listens there.
  await withGuard(await freePort(), undefined, async (url) => {
    const failure = await fetch(`${url}${QUALIFICATIONS}`, {
      headers: { Authorization: "Bearer x" },
      signal: AbortSignal.timeout(5_000),
    }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.name).toBe("TypeError");
    expect((failure?.cause as { code?: string } | undefined)?.code).toBe("UND_ERR_SOCKET");
  });
});
