// Stoplight Prism's process on the bundled spec, behind the guard (guard.ts) on 127.0.0.1: `prism mock`
// serves the documented examples (static), `prism proxy --errors` validates every request and answer of an
// upstream server (the stateful engine) against the contract. Starting, readiness and stopping live here.
import { spawn, type StdioOptions } from "node:child_process";
import { createRequire } from "node:module";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { examples } from "../../generated/examples.js";
import { createGuard } from "./guard.js";

const HOST = "127.0.0.1";
// How long stop() waits after SIGTERM before SIGKILL: Prism ends within tens of ms, so one still running after this
// hangs.
const STOP_GRACE_MS = 5_000;

// Ties Prism to this process: Node runs this module before Prism, and it exits when Prism's fd 3, a pipe from this
// process, ends. The OS closes this process's end however this process ends, kill -9 included. Unref'd, so that
// Prism can still end on its own.
// Left out: this acts once this process is gone; test/mock/orphans.test.ts watches it from processes of their own,
// where Stryker cannot switch mutants on.
// Stryker disable all
const LIFELINE = [
  "--import",
  `data:text/javascript,${encodeURIComponent(
    'import { Socket } from "node:net"; new Socket({ fd: 3, writable: false })' +
      '.on("end", () => process.exit()).on("error", () => process.exit()).unref().resume();',
  )}`,
];
// Stryker restore all

/** The bundled spec, found through the package's own exports, so it resolves from the sources and from dist alike. */
export const bundledSpec: string = createRequire(import.meta.url).resolve("partner-center-qualifications/openapi.json");

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface PrismOptions {
  /** The port to listen on; a free one by default. */
  port?: number | undefined;
  /** `prism proxy --errors` in front of this server instead of `prism mock`. */
  upstream?: string;
  readyTimeoutMs?: number;
  /** How long stop() waits for Prism to end on SIGTERM before it sends SIGKILL. */
  stopGraceMs?: number;
  /** Prism's stdin, stdout and stderr (its fd 3 is the pipe that ends it with this process). */
  stdio?: StdioOptions | undefined;
}

export interface RunningPrism {
  url: string;
  /** Prism's process id. */
  pid: number;
  /**
   * Ends Prism (SIGTERM, then SIGKILL after the grace period) and resolves once it has ended; the same promise on every
   * call.
   */
  stop(): Promise<void>;
  /** Resolves with how Prism ended if it ends without `stop()`; the port is closed with it. */
  died: Promise<string>;
}

/**
 * Serves Prism on 127.0.0.1:`port`: a proxy there, and Prism behind it on a free port. Resolves once the
 * contract's own example comes back through both; rejects with the listen error (code EADDRINUSE) when
 * the port is taken.
 */
export async function startPrism({
  port = 0,
  upstream,
  readyTimeoutMs = 30_000,
  stopGraceMs = STOP_GRACE_MS,
  stdio = "ignore",
}: PrismOptions = {}): Promise<RunningPrism> {
  const prismCli = resolvePrism();
  const prismPort = await freePort();
  const proxy = createGuard(prismPort, upstream === undefined ? "static" : "proxy");
  await new Promise<void>((listening, failed) => proxy.once("error", failed).listen(port, HOST, listening));
  const url = `http://${HOST}:${(proxy.address() as AddressInfo).port}`;

  const mode = upstream === undefined ? ["mock", bundledSpec] : ["proxy", bundledSpec, upstream, "--errors"];
  const [stdin, stdout, stderr] = typeof stdio === "string" ? [stdio, stdio, stdio] : stdio;
  const prism = spawn(process.execPath, [...LIFELINE, prismCli, ...mode, "--host", HOST, "--port", String(prismPort)], {
    stdio: [stdin, stdout, stderr, "pipe"],
  });
  // This end of the pipe must not keep this process running either.
  (prism.stdio[3] as Socket).unref();
  let stopping: Promise<void> | undefined;
  let ended: string | undefined;
  const exited = new Promise<string>((resolve) =>
    prism.once("exit", (code, signal) => resolve(signal ?? `exit code ${code}`)),
  ).then((how) => {
    proxy.close();
    proxy.closeAllConnections();
    ended = how;
    return how;
  });
  const running = () => prism.exitCode === null && prism.signalCode === null;
  const end = async () => {
    if (running()) process.kill(prism.pid!, "SIGTERM");
    const kill = setTimeout(() => running() && process.kill(prism.pid!, "SIGKILL"), stopGraceMs);
    await exited;
    clearTimeout(kill);
  };
  // A second stop() waits for the first one's end rather than signalling again.
  const stop = () => (stopping ??= end());
  const died = exited.then((how) => (stopping ? new Promise<string>(() => {}) : how)); // never settles after stop()

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (ended) throw new Error(`Prism stopped (${ended}) before it answered on ${url}`);
    if (await answers(`${url}/v1/customers/all/validations`, upstream === undefined ? "static" : "proxy"))
      return { url, pid: prism.pid!, stop, died };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not answer the contract's example on ${url} within ${readyTimeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The example the readiness probe asks for. */
export const READINESS_PROBE = "twoCodes";

/**
 * Whether the probe's answer comes from the Prism started: only a Prism on this contract answers with the
 * contract's example; in front of the engine, only a Prism whose upstream answers the call (or throttles it).
 */
export function isReady(mode: "static" | "proxy", status: number, body: unknown): boolean {
  return mode === "static"
    ? status === 200 && isDeepStrictEqual(body, examples.getValidationCodes.responses[200][READINESS_PROBE])
    : status === 200 || status === 429;
}

async function answers(url: string, mode: "static" | "proxy"): Promise<boolean> {
  try {
    const response = await fetch(url, {
      headers: { Authorization: "Bearer mock-readiness", Prefer: `example=${READINESS_PROBE}` },
      signal: AbortSignal.timeout(1_000),
    });
    return isReady(mode, response.status, await response.json());
  } catch {
    return false;
  }
}

// Prism is not a dependency of the published package (the client does not need it): it comes from
// this repository's dev dependencies, or from the project that installed the package.
function resolvePrism(): string {
  for (const base of [import.meta.url, `${pathToFileURL(process.cwd()).href}/`]) {
    try {
      return createRequire(base).resolve("@stoplight/prism-cli/dist/index.js");
    } catch {
      // not installed there; try the next place
    }
  }
  throw new Error(
    "Prism is not installed. Install it next to this package: npm install --save-dev @stoplight/prism-cli",
  );
}
