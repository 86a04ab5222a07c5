// The engine's HTTP server on its own (the stateful mock puts Prism in front of it): what it hands the
// engine from each request, and what it writes back.
import { Agent, request } from "node:http";
import { sendRaw } from "../support/connection.js";
import { afterEach, expect, test } from "vitest";
import { createEngine } from "../../src/mock/engine.js";
import { freePort } from "../../src/mock/prism.js";
import { startEngineServer, type RunningServer } from "../../src/mock/server.js";
import { TENANT } from "../support/harness.js";

const PATH = `/v1/customers/${TENANT}/qualifications`;
const AUTHORIZATION = { Authorization: "Bearer token" };

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** One request with node:http, which can send a header twice; resolves with the status, headers and body text. */
function send(url: string, method: string, headers: Record<string, string | string[]>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const outgoing = request(
      `${url}${PATH}?ignored=1`,
      { method, headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers } },
      (answer) => {
        let text = "";
        answer.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        answer.on("end", () => resolve({ status: answer.statusCode!, headers: answer.headers, body: text }));
      },
    );
    outgoing.on("error", reject).end(body);
  });
}

test("hands the engine the method, the path without its query, the headers and the body, and writes its answer back as JSON", async () => {
  const engine = createEngine();
  running = await startEngineServer(engine);
  expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const created = await send(
    running.url,
    "POST",
    { ...AUTHORIZATION, "MS-RequestId": "037db222-6d8e-4d7f-ba78-df3dca33fb68" },
    JSON.stringify({ qualification: "StateOwnedEntity" }),
  );
  expect(created).toMatchObject({
    status: 201,
    headers: { "ms-requestid": "037db222-6d8e-4d7f-ba78-df3dca33fb68", "content-type": "application/json" },
  });
  expect(JSON.parse(created.body)).toEqual({ qualification: "StateOwnedEntity" });
  const read = await send(running.url, "GET", AUTHORIZATION);
  expect({ status: read.status, body: JSON.parse(read.body) }).toEqual({
    status: 200,
    body: [{ qualification: "StateOwnedEntity" }],
  });
});

test("a header sent twice reaches the engine as one list, a header not sent as none", async () => {
  running = await startEngineServer(createEngine());
  const created = await send(
    running.url,
    "POST",
    { ...AUTHORIZATION, Prefer: ["vetting=denied", "code=200"] },
    JSON.stringify({ qualification: "StateOwnedEntity" }),
  );
  expect(created.status).toBe(200);
  expect((await send(running.url, "GET", {})).status).toBe(401);
});

test("a create without MS-RequestId is no repeat of another one: the header not sent is none, not an empty one", async () => {
  running = await startEngineServer(createEngine());
  const first = await send(running.url, "POST", AUTHORIZATION, JSON.stringify({ qualification: "StateOwnedEntity" }));
  expect(first.headers["ms-requestid"]).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(
    (await send(running.url, "POST", AUTHORIZATION, JSON.stringify({ qualification: "StateOwnedEntity" }))).status,
  ).toBe(409);
});

test("keeps an idle connection open for 60 s, so that Prism's proxy can reuse it", async () => {
  running = await startEngineServer(createEngine());
  const agent = new Agent({ keepAlive: true });
  try {
    const answer = await new Promise<Record<string, unknown>>((resolve, reject) =>
      request(`${running!.url}${PATH}`, { agent, headers: AUTHORIZATION }, (response) =>
        resolve(response.resume().headers),
      )
        .on("error", reject)
        .end(),
    );
    expect(answer).toMatchObject({ connection: "keep-alive", "keep-alive": "timeout=60" });
  } finally {
    agent.destroy();
  }
});

test("listens on the port it is given, on 127.0.0.1; a port in use is refused with EADDRINUSE", async () => {
  const port = await freePort();
  running = await startEngineServer(createEngine(), port);
  expect(running.url).toBe(`http://127.0.0.1:${port}`);
  await expect(startEngineServer(createEngine(), port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  // Nothing answers on the machine's other addresses, here IPv6's loopback.
  await expect(fetch(`http://[::1]:${port}${PATH}`)).rejects.toMatchObject({ cause: { code: "ECONNREFUSED" } });
});

test("close() ends the connections that are kept alive, and the port is closed afterwards", async () => {
  const server = await startEngineServer(createEngine());
  const response = await fetch(`${server.url}${PATH}`, { headers: AUTHORIZATION });
  await response.text();
  // A kept-alive connection would hold close() for the 60 s of keepAliveTimeout.
  await server.close();
  await expect(fetch(`${server.url}${PATH}`, { headers: AUTHORIZATION })).rejects.toMatchObject({
    cause: { code: "ECONNREFUSED" },
  });
});

test("a client gone before its body ended leaves the engine untouched and the server up; close() does not wait for such a request", async () => {
  const handled: string[] = [];
  const engine = createEngine();
  const server = await startEngineServer({
    ...engine,
    handle: (request) => (handled.push(request.method), engine.handle(request)),
  });
  try {
    const unfinished = () => {
      const outgoing = request(`${server.url}${PATH}`, {
        method: "POST",
        headers: { ...AUTHORIZATION, "Content-Length": "100" },
      });
      const cut = new Promise((resolve) => outgoing.on("error", resolve));
      return { outgoing, cut, written: new Promise((resolve) => outgoing.write("{", resolve)) };
    };
    const gone = unfinished();
    await gone.written;
    gone.outgoing.destroy();
    const waiting = unfinished();
    await waiting.written;
    // A whole request after both: by its answer the server has read the two unfinished ones' headers.
    expect((await send(server.url, "GET", AUTHORIZATION)).status).toBe(200);
    await server.close();
    expect(await waiting.cut).toMatchObject({ code: "ECONNRESET" });
    expect(handled).toEqual(["GET"]);
  } finally {
    await server.close();
  }
});

test("an absolute-form request line, a port out of range included, is answered 404 and the server stays up", async () => {
  running = await startEngineServer(createEngine());
  for (const target of ["http://a:99999/", `http://127.0.0.1${PATH}x`, "*"]) {
    expect(
      await sendRaw(running.url, `GET ${target} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\n\r\n`),
      target,
    ).toBe("HTTP/1.1 404 Not Found");
  }
  // The path of a valid absolute-form target is matched like any other.
  expect(await sendRaw(running.url, `GET http://a${PATH} HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer x\r\n\r\n`)).toBe(
    "HTTP/1.1 200 OK",
  );
  expect((await send(running.url, "GET", AUTHORIZATION)).status).toBe(200);
});

test("the query is cut off at its ?: a bad escape before it is the path's error, one after it the query's", async () => {
  running = await startEngineServer(createEngine());
  const problemOf = async (target: string) => {
    const answer = await fetch(`${running!.url}${target}`, { headers: AUTHORIZATION });
    return ((await answer.json()) as { data: string[] }).data;
  };
  expect(await problemOf("/v1/customers/%/qualifications?a=1")).toEqual(["customer-tenant-id must be a GUID"]);
  expect(await problemOf(`${PATH}?a=%`)).toEqual(["the query holds a % that starts no escape"]);
});
