// `npm start` (the built src/mock/cli.ts) as a user runs it: its own process, --port and PORT, the printed guide,
// and what happens when the port is taken or Prism dies. Plus what the mock answers that Prism alone does not.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { Agent, createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, inject, test } from "vitest";
import { freePort } from "../../src/mock/index.js";
import { responseExamples } from "../support/spec.js";
import { TENANT } from "../support/harness.js";

let started: ChildProcess | undefined;
afterEach(async () => {
  if (started?.exitCode === null && started.signalCode === null) {
    const exited = new Promise((resolve) => started!.once("exit", resolve));
    process.kill(started.pid!, "SIGTERM");
    await exited;
  }
  started = undefined;
});

// dist/ is built by the global setup.
function run(env: Record<string, string>, args: string[] = []) {
  started = spawn(process.execPath, ["dist/mock/cli.js", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  started.stdout!.on("data", (chunk) => (output += chunk));
  started.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => started!.once("exit", (code) => resolve(code)));
  return { output: () => output, exited };
}

const READY = "Press Ctrl+C to stop.";

test("starts the mock on --port (PORT is not read then), prints how to call it, and stops on SIGTERM", {
  timeout: 40_000,
}, async () => {
  const port = await freePort();
  const mock = run({ PORT: "eighty" }, ["--port", String(port)]);
  await expect.poll(mock.output, { timeout: 30_000, interval: 100 }).toContain(READY);
  const guide = mock.output();
  expect(guide).toContain(`http://127.0.0.1:${port}`);
  for (const name of [
    "approvedArray",
    "approved",
    "inReview",
    "denied",
    "stateOwnedEntity",
    "educationInReviewWrapped",
    "twoCodes",
  ])
    expect(guide).toContain(name);
  // The create's second 2xx is reached only by naming its code.
  expect(guide).toContain("201: Prefer: code=201, example=educationInReview");
  expect(guide).toMatch(/errors: Prefer: code=400 \| 401 .*\| 504/);
  expect(guide).not.toMatch(/errors: Prefer: code=[^\n]*\b20[01]\b/);

  const response = await fetch(`http://127.0.0.1:${port}/v1/customers/${TENANT}/qualifications`, {
    headers: { Authorization: "Bearer x", Prefer: "example=denied" },
  });
  expect(await response.json()).toEqual({
    qualifications: [
      {
        qualification: "Education",
        vettingStatus: "Denied",
        vettingReason: "Not an Education Customer",
        vettingCreatedDate: "2020-12-03T10:37:38.885Z",
      },
    ],
  });

  process.kill(started!.pid!, "SIGTERM");
  expect(await mock.exited).toBe(0);
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
});

test("a PORT that is not a port number is refused with a clear message", async () => {
  const mock = run({ PORT: "eighty" });
  expect(await mock.exited).toBe(2);
  expect(mock.output()).toContain('PORT must be a port number between 1 and 65535, got "eighty"');
});

test("a port another server holds: one line saying so, exit 1, and the other server keeps answering", {
  timeout: 40_000,
}, async () => {
  const other = createServer((_request, response) => response.end("another server"));
  await new Promise<void>((listening) => other.listen(0, "127.0.0.1", listening));
  try {
    const { port } = other.address() as AddressInfo;
    const mock = run({ PORT: String(port) });
    expect(await mock.exited).toBe(1);
    const lines = mock.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`127.0.0.1:${port}`);
    expect(lines[0]).toContain("already in use");
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("another server");
  } finally {
    other.closeAllConnections();
    await new Promise((closed) => other.close(closed));
  }
});

test("Prism dying after the start ends the command with exit 1 and one line saying so", {
  timeout: 40_000,
}, async () => {
  const port = await freePort();
  const mock = run({ PORT: String(port) });
  await expect.poll(mock.output, { timeout: 30_000, interval: 100 }).toContain(READY);
  const guide = mock.output();
  // Prism is the command's only child process.
  const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(started!.pid)], { encoding: "utf8" })
    .trim()
    .split(/\s+/);
  expect(children).toHaveLength(1);
  process.kill(Number(children[0]), "SIGKILL");

  expect(await mock.exited).toBe(1);
  const after = mock.output().slice(guide.length).trim().split("\n");
  expect(after).toHaveLength(1);
  expect(after[0]).toContain("Prism stopped unexpectedly");
  expect(after[0]).toContain("SIGKILL");
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
});

test("a POST whose JSON does not parse gets the contract's 400, not silence", async () => {
  const [badRequest] = Object.values(responseExamples("createCustomerQualification", "400"));
  const response = await fetch(`${inject("mockUrl")}/v1/customers/${TENANT}/qualifications`, {
    method: "POST",
    headers: { Authorization: "Bearer x", "Content-Type": "application/json" },
    body: '{"qualification":',
    signal: AbortSignal.timeout(10_000), // a guard: Prism alone never answers this
  });
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({
    ...(badRequest as object),
    description: "Invalid request input: the body is not valid JSON",
    data: ["the body is not valid JSON"],
  });
});

test("keep-alive holds: a second call reuses the first call's connection to the mock", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const call = () =>
    new Promise<{ status: number | undefined; reusedSocket: boolean }>((answered, failed) => {
      const request = get(
        `${inject("mockUrl")}/v1/customers/${TENANT}/qualifications`,
        { agent, headers: { Authorization: "Bearer x" } },
        (response) =>
          response
            .resume()
            .on("end", () => answered({ status: response.statusCode, reusedSocket: request.reusedSocket })),
      );
      request.on("error", failed);
    });
  try {
    expect(await call()).toEqual({ status: 200, reusedSocket: false });
    expect(await call()).toEqual({ status: 200, reusedSocket: true });
  } finally {
    agent.destroy();
  }
});
