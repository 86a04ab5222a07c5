#!/usr/bin/env node
// Starts the Prism mock on the bundled spec. `npm start` runs this file; the tests import startMock.
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundledSpec = fileURLToPath(new URL("../generated/openapi.json", import.meta.url));

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `prism mock` on 127.0.0.1 (on a free port unless given one) and resolves once it answers HTTP.
 * @returns {Promise<{ url: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startMock({ port, spec = bundledSpec, readyTimeoutMs = 30_000, stdio = "ignore" } = {}) {
  port ??= await freePort();
  const prismCli = resolvePrism();
  const prism = spawn(process.execPath, [prismCli, "mock", spec, "--host", "127.0.0.1", "--port", String(port)], { stdio });
  const exited = new Promise((resolve) => prism.once("exit", resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (prism.exitCode === null && prism.signalCode === null) process.kill(prism.pid, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (prism.exitCode !== null) throw new Error(`Prism exited with code ${prism.exitCode} before it answered on ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return { url, pid: prism.pid, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism did not answer on ${url} within ${readyTimeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
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
      const success = statuses.find((status) => status.startsWith("2"));
      const examples = Object.keys(operation.responses[success].content["application/json"].examples ?? {});
      const retired = operation.deprecated ? "  (retired)" : "";
      lines.push(`  ${method.toUpperCase().padEnd(4)} ${path}${retired}`);
      lines.push(`       ${success}: Prefer: example=${examples.join(" | ")}`);
      lines.push(`       errors: Prefer: code=${statuses.filter((status) => status !== success).join(" | ")}`);
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

Invalid requests are refused as the spec says: a tenant id that is not a GUID or a POST body that
breaks the rules gets 400, a missing token 401. Press Ctrl+C to stop.
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
    console.error(error.message);
    process.exit(1);
  });
  console.log(usage(mock.url, JSON.parse(await readFile(bundledSpec, "utf8"))));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => mock.stop().then(() => process.exit(0)));
}
