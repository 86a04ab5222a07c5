#!/usr/bin/env node
// Starts the Prism mock on the bundled spec, behind a small proxy. `npm start` runs this file; the tests import startMock.
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Agent, createServer as createHttpServer, request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { pipeline } from "node:stream";
import { buffer } from "node:stream/consumers";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";

const bundledSpec = fileURLToPath(new URL("../generated/openapi.json", import.meta.url));
const HOST = "127.0.0.1";

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Serves the mock on 127.0.0.1:`port` (a free port unless given): a proxy there, and `prism mock` behind it on
 * a free port. Resolves once the contract's own example comes back through both; rejects with the listen
 * error (code EADDRINUSE) when the port is taken. `died` resolves with how Prism ended if it ends without
 * `stop()`; either way the port is closed with it.
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void>, died: Promise<string> }>}
 */
export async function startMock({ port = 0, spec = bundledSpec, readyTimeoutMs = 30_000, stdio = "ignore" } = {}) {
  const contract = JSON.parse(await readFile(spec, "utf8"));
  const prismCli = resolvePrism();
  const prismPort = await freePort();
  const proxy = createProxy(prismPort, firstExample(contract, contract.paths["/v1/customers/{customer-tenant-id}/qualifications"].post.responses["400"]).value);
  await new Promise((listening, failed) => proxy.once("error", failed).listen(port, HOST, listening));
  const url = `http://${HOST}:${proxy.address().port}`;

  const prism = spawn(process.execPath, [prismCli, "mock", spec, "--host", HOST, "--port", String(prismPort)], { stdio });
  let stopping = false;
  let ended;
  const exited = new Promise((resolve) => prism.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`))).then((how) => {
    proxy.close();
    proxy.closeAllConnections();
    return (ended = how);
  });
  const stop = async () => {
    stopping = true;
    if (prism.exitCode === null && prism.signalCode === null) process.kill(prism.pid, "SIGTERM");
    await exited;
  };
  const died = exited.then((how) => (stopping ? new Promise(() => {}) : how)); // never settles after stop()

  // Only the Prism started here, on this contract, answers this request with the contract's example.
  const probe = firstExample(contract, contract.paths["/v1/customers/all/validations"].get.responses["200"]);
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (ended) throw new Error(`Prism stopped (${ended}) before it answered on ${url}`);
    if (await answersExample(`${url}/v1/customers/all/validations`, probe)) return { url, pid: prism.pid, stop, died };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not answer the contract's example on ${url} within ${readyTimeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function answersExample(url, { name, value }) {
  try {
    const response = await fetch(url, { headers: { Authorization: "Bearer mock-readiness", Prefer: `example=${name}` }, signal: AbortSignal.timeout(1_000) });
    return response.status === 200 && isDeepStrictEqual(await response.json(), value);
  } catch {
    return false;
  }
}

/** The first named example of a response's JSON content, following the bundle's local $refs. */
function firstExample(contract, response) {
  const resolve = (node) =>
    typeof node?.$ref === "string"
      ? resolve(node.$ref.slice(2).split("/").reduce((parent, key) => parent[key.replaceAll("~1", "/").replaceAll("~0", "~")], contract))
      : node;
  const [[name, example]] = Object.entries(resolve(response).content["application/json"].examples);
  return { name, value: resolve(example).value };
}

// Prism never answers a request whose JSON body does not parse (it waits for a request end that has
// already passed), so the proxy answers those with the contract's 400 and streams all else through as is.
function createProxy(prismPort, badRequest) {
  const agent = new Agent({ keepAlive: true });
  const forward = (request, body, response) => {
    const upstream = httpRequest({ host: HOST, port: prismPort, agent, method: request.method, path: request.url, headers: endToEnd(request.headers) }, (answer) => {
      response.writeHead(answer.statusCode, answer.statusMessage, endToEnd(answer.headers));
      pipeline(answer, response, () => {});
    });
    upstream.on("error", () => response.destroy());
    if (Buffer.isBuffer(body)) upstream.end(body);
    else pipeline(body, upstream, () => {});
  };
  const server = createHttpServer((request, response) => {
    if (!hasJsonBody(request.headers)) return forward(request, request, response);
    buffer(request).then((body) => {
      if (parsesAsJson(body)) return forward(request, body, response);
      response.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify(badRequest));
    }, () => response.destroy());
  });
  server.once("close", () => agent.destroy());
  return server;
}

// The requests whose body Prism parses as JSON: a non-empty body with a JSON media type.
function hasJsonBody(headers) {
  const hasBody = headers["transfer-encoding"] !== undefined || (headers["content-length"] ?? "0") !== "0";
  return hasBody && /^\s*application\/([^\s/;]+\+)?json\s*(;|$)/i.test(headers["content-type"] ?? "");
}

function parsesAsJson(body) {
  try {
    JSON.parse(body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

// Connection and Keep-Alive describe one hop (client to proxy, or proxy to Prism); each hop sets its own.
function endToEnd({ connection, "keep-alive": keepAlive, ...headers }) {
  return headers;
}

// Prism is not a dependency of the published package (the client does not need it): it comes from
// this repository's dev dependencies, or from the project that installed the package.
function resolvePrism() {
  for (const base of [import.meta.url, `${pathToFileURL(process.cwd()).href}/`]) {
    try {
      return createRequire(base).resolve("@stoplight/prism-cli/dist/index.js");
    } catch {
      // not installed there; try the next place
    }
  }
  throw new Error("Prism is not installed. Install it next to this package: npm install --save-dev @stoplight/prism-cli");
}

// Lists every operation with its example names and statuses, read from the bundled spec so it cannot drift.
function usage(url, spec) {
  const tenant = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
  const lines = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ["get", "post", "put"]) {
      const operation = item[method];
      if (!operation) continue;
      const statuses = Object.keys(operation.responses);
      const successes = statuses.filter((status) => status.startsWith("2"));
      const retired = operation.deprecated ? "  (retired)" : "";
      lines.push(`  ${method.toUpperCase().padEnd(4)} ${path}${retired}`);
      // Prism answers the lowest 2xx unless Prefer names a code; the others need one.
      for (const [index, status] of successes.entries()) {
        const examples = Object.keys(operation.responses[status].content["application/json"].examples ?? {});
        lines.push(`       ${status}: Prefer: ${index === 0 ? "" : `code=${status}, `}example=${examples.join(" | ")}`);
      }
      lines.push(`       errors: Prefer: code=${statuses.filter((status) => !status.startsWith("2")).join(" | ")}`);
    }
  }
  return `
Partner Center qualifications mock (Prism) on ${url}

Any GUID works as the tenant id; every call needs "Authorization: Bearer <anything>".
  curl -H "Authorization: Bearer x" ${url}/v1/customers/${tenant}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: example=denied" ${url}/v1/customers/${tenant}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: code=429" ${url}/v1/customers/${tenant}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: code=403, example=appOnlyNotSupported" ${url}/v1/customers/all/validations

Operations and the examples the Prefer header can pick:
${lines.join("\n")}

Invalid requests are refused as the spec says: a tenant id that is not a GUID, or a body that does not parse or
breaks the rules, gets 400; a missing token 401. Press Ctrl+C to stop.
`;
}

// Run as a command (npm start, or the package's bin through its node_modules/.bin symlink)?
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4010);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a port number between 1 and 65535, got "${process.env.PORT}"`);
    process.exit(2);
  }
  const mock = await startMock({ port, stdio: ["ignore", "ignore", "inherit"] }).catch((error) => {
    console.error(error.code === "EADDRINUSE" ? `Cannot start the mock: 127.0.0.1:${port} is already in use; stop what holds it, or choose another port with PORT=<number>.` : error.message);
    process.exit(1);
  });
  console.log(usage(mock.url, JSON.parse(await readFile(bundledSpec, "utf8"))));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => mock.stop().then(() => process.exit(0)));
  mock.died.then((how) => {
    console.error(`Prism stopped unexpectedly (${how}); the mock on ${mock.url} is down.`);
    process.exit(1);
  });
}
