// The guard in front of Prism (src/mock/guard.ts), on a Prism of this test's own: a JSON body that does not
// parse gets the contract's 400 from the guard (Prism alone would never answer it); everything else goes
// through to Prism, which marks the requests it refuses with an sl-violations header.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { examples } from "../generated/examples.js";
import { startPrism, type RunningPrism } from "../src/mock/prism.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const BROKEN = '{"qualification":';
const VALID = '{"qualification":"StateOwnedEntity"}';

let prism: RunningPrism;
beforeAll(async () => {
  prism = await startPrism();
}, 45_000);
afterAll(() => prism?.stop());

interface Answer {
  status: number | undefined;
  violations: boolean;
  body: string;
}

/** A POST of the create, sent with node:http so that the body can go in chunks (no Content-Length). */
function post(headers: Record<string, string>, body: string, chunked = false): Promise<Answer> {
  const { hostname, port } = new URL(prism.url);
  return new Promise((answered, failed) => {
    const sent = request({ host: hostname, port, path: `/v1/customers/${TENANT}/qualifications`, method: "POST", headers: { Authorization: "Bearer x", ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => answered({ status: response.statusCode, violations: response.headers["sl-violations"] !== undefined, body: text }));
    });
    // A guard against a hang, the failure this guard exists to prevent.
    sent.setTimeout(10_000, () => sent.destroy(new Error("no answer within 10 s")));
    sent.on("error", failed);
    if (chunked) sent.write(body.slice(0, 3));
    sent.end(chunked ? body.slice(3) : body);
  });
}

const fromGuard = { status: 400, violations: false, body: JSON.stringify(examples.createCustomerQualification.responses[400].invalidInput) };

test.each<[string, Record<string, string>, boolean]>([
  ["application/json", { "Content-Type": "application/json" }, false],
  ["application/json, sent in chunks", { "Content-Type": "application/json" }, true],
  ["a +json media type", { "Content-Type": "application/merge-patch+json" }, false],
  ["JSON in capitals, with spaces and a charset", { "Content-Type": " Application/JSON ; charset=utf-8" }, false],
])("a body that does not parse, as %s: the contract's 400 from the guard", async (_case, headers, chunked) => {
  expect(await post(headers, BROKEN, chunked)).toEqual(fromGuard);
});

test.each<[string, Record<string, string>, string]>([
  ["a media type that only starts like JSON", { "Content-Type": "application/jsonx" }, BROKEN],
  ["a media type that only ends like JSON", { "Content-Type": "x-application/json" }, BROKEN],
  ["text/plain", { "Content-Type": "text/plain" }, BROKEN],
  ["no Content-Type", {}, BROKEN],
  ["an empty JSON body", { "Content-Type": "application/json", "Content-Length": "0" }, ""],
])("%s goes through to Prism, which refuses it itself", async (_case, headers, body) => {
  expect(await post(headers, body)).toMatchObject({ status: 400, violations: true });
});

test.each([false, true])("a JSON body that parses goes through to Prism and is answered (in chunks: %s)", async (chunked) => {
  expect(await post({ "Content-Type": "application/json" }, VALID, chunked)).toMatchObject({ status: 200, violations: false, body: expect.stringContaining('"qualifications"') });
});

test("a caller that leaves before Prism answers: the guard drops the answer and goes on serving", { timeout: 45_000 }, async () => {
  // An upstream that holds the create's answer until the caller has gone; Prism waits for it, and so does the guard.
  let arrived!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  const upstream = createServer((incoming, response) => {
    if (incoming.method === "POST") arrived();
    void (incoming.method === "POST" ? held : Promise.resolve()).then(() => response.writeHead(200, { "Content-Type": "application/json" }).end("[]"));
  });
  await new Promise<void>((listening) => upstream.listen(0, "127.0.0.1", listening));
  const proxy = await startPrism({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
  try {
    const { hostname, port } = new URL(proxy.url);
    const sent = request({ host: hostname, port, path: `/v1/customers/${TENANT}/qualifications`, method: "POST", headers: { Authorization: "Bearer x", "Content-Type": "application/json" } });
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
