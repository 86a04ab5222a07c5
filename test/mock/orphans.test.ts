// Prism cannot outlive the process that started it, however that process ends. A host process
// (test/fixtures/mock-host.mjs) starts the static or the stateful mock, or both, from the built package and is
// ended each way a process can end; so is the mock command. Every process started here is ended by its pid
// afterwards, also when a test fails. Linux only: Prism is watched through /proc.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { freePort } from "../../src/mock/index.js";
import { connectionTo } from "../support/connection.js";

// A guard against hangs, not a timing goal: the figures are printed (npx vitest run test/mock/orphans.test.ts --silent=false).
const GONE_WITHIN_MS = 15_000;
const READY = "Press Ctrl+C to stop.";

interface Prism {
  pid: number;
  /** Tells this Prism from a later process under the same pid. */
  startTime: string;
  /** Prism's own port, behind the mock's URL. */
  port: number;
}

// The fields of /proc/PID/stat after the command's name: the state first, the number of threads 18th, the start time 20th.
function statOf(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** Prism as /proc shows it while it runs. */
function prismOf(pid: number): Prism {
  const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  return { pid, startTime: statOf(pid)![19]!, port: Number(args[args.indexOf("--port") + 1]) };
}

/**
 * Whether Prism still runs. A zombie counts as ended (an orphan may wait a while for its reaper), once its last
 * thread has ended: the main thread shows Z while the others still close the process's files and ports.
 */
function runs({ pid, startTime }: Prism): boolean {
  const stat = statOf(pid);
  return stat !== undefined && stat[19] === startTime && !(stat[0] === "Z" && stat[17] === "1");
}

/** Milliseconds from `since` (performance.now()) until Prism no longer runs. */
async function goneAfter(prism: Prism, since: number): Promise<number> {
  while (runs(prism)) {
    if (performance.now() - since > GONE_WITHIN_MS)
      throw new Error(
        `Prism (pid ${prism.pid}) still runs ${GONE_WITHIN_MS} ms after the process that started it ended`,
      );
    await sleep(10);
  }
  return Math.round(performance.now() - since);
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() when this process saw it end. */
  at: number;
}

/**
 * Runs `node` on `args`: `ended` resolves when it exits, `stderr` once nothing holds its stderr any more (the mock
 * command's Prism shares it), `firstLine` with the first line of its stdout that matches.
 */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let text = "";
  const stderr = new Promise<string>((resolve) =>
    child.stderr!.on("data", (chunk) => (text += chunk)).once("end", () => resolve(text)),
  );
  const ended = new Promise<Ended>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  const firstLine = (matching: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => matching(line) && resolve(line));
      void ended.then(({ code, signal }) =>
        reject(new Error(`${args.join(" ")} ended (${signal ?? `exit code ${code}`}) before it was ready: ${text}`)),
      );
    });
  return { child, ended, stderr, firstLine };
}

/** Ends, by pid, the process a test started and whatever Prism of it still runs. */
function endAll(child: ChildProcess, prisms: Prism[]) {
  if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL");
  for (const prism of prisms) if (runs(prism)) process.kill(prism.pid, "SIGKILL");
}

/** Waits for each Prism to end after `ended`, prints how long that took, and checks that no port is left open. */
async function expectNoneLeft(way: string, ended: Ended, prisms: Prism[], ports: number[]) {
  const after = await Promise.all(prisms.map((prism) => goneAfter(prism, ended.at)));
  console.info(`${way}: Prism gone ${after.map((ms) => `${ms} ms`).join(", ")} after its parent ended`);
  for (const port of [...prisms.map((prism) => prism.port), ...ports])
    expect(await connectionTo(port)).toBe("ECONNREFUSED");
}

const send = (signal: NodeJS.Signals) => (host: ChildProcess) => void process.kill(host.pid!, signal);
const tell = (line: string) => (host: ChildProcess) => void host.stdin!.write(`${line}\n`);

// Each test waits on child processes, so they run side by side. A Prism start costs a second or more of CPU:
// one mock per host but for SIGKILL, the two modes taking turns (both start Prism the same way).
describe.concurrent("Prism ends with the process that started it", { timeout: 120_000 }, () => {
  test.each<[string, string[], (host: ChildProcess) => void, Partial<Ended> & { stderr?: string }]>([
    ["SIGKILL", ["static", "stateful"], send("SIGKILL"), { signal: "SIGKILL" }],
    ["process.exit()", ["stateful"], tell("exit"), { code: 3 }],
    [
      "an uncaught exception",
      ["static"],
      tell("throw"),
      { code: 1, stderr: expect.stringContaining("the host's uncaught exception, on purpose") },
    ],
    ["SIGTERM", ["stateful"], send("SIGTERM"), { signal: "SIGTERM" }],
    ["SIGINT", ["static"], send("SIGINT"), { signal: "SIGINT" }],
    ["SIGHUP", ["stateful"], send("SIGHUP"), { signal: "SIGHUP" }],
  ])(
    "startMock's host ended by %s (mocks: %j): their Prisms end with it, their ports closed",
    async (way, modes, end, how) => {
      const host = run(["test/fixtures/mock-host.mjs", ...modes]);
      const prisms: Prism[] = [];
      try {
        const mocks: { pid: number; url: string }[] = JSON.parse(await host.firstLine((line) => line.startsWith("[")));
        prisms.push(...mocks.map(({ pid }) => prismOf(pid)));
        end(host.child);
        const ended = await host.ended;
        expect({ ...ended, stderr: await host.stderr }).toMatchObject(how);
        await expectNoneLeft(
          `startMock (${modes.join(", ")}), ${way}`,
          ended,
          prisms,
          mocks.map(({ url }) => Number(new URL(url).port)),
        );
      } finally {
        endAll(host.child, prisms);
      }
    },
  );

  test("a host that stops its mock ends on its own: the pipe to Prism keeps neither process running", async () => {
    const host = run(["test/fixtures/mock-host.mjs", "static"]);
    const prisms: Prism[] = [];
    try {
      const mocks: { pid: number }[] = JSON.parse(await host.firstLine((line) => line.startsWith("[")));
      prisms.push(...mocks.map(({ pid }) => prismOf(pid)));
      host.child.stdin!.end("stop\n");
      const ended = await Promise.race([host.ended, sleep(GONE_WITHIN_MS, "still running", { ref: false })]);
      expect(ended).toMatchObject({ code: 0, signal: null });
      // stop() ended each Prism by its pid and waited for it, so the host reaped it.
      for (const { pid } of prisms) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    } finally {
      endAll(host.child, prisms);
    }
  });

  test.each<[string, Partial<Ended>]>([
    ["SIGKILL", { signal: "SIGKILL" }],
    ["SIGHUP", { code: 0, signal: null }],
  ])("the mock command ended by %s: its Prism ends with it, the port closed", async (signal, how) => {
    const port = await freePort();
    const command = run(["dist/mock/cli.js"], { PORT: String(port) }); // dist/ is built by the global setup
    const prisms: Prism[] = [];
    try {
      await command.firstLine((line) => line.includes(READY));
      const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(command.child.pid)], { encoding: "utf8" })
        .trim()
        .split(/\s+/);
      prisms.push(...children.map((pid) => prismOf(Number(pid))));
      process.kill(command.child.pid!, signal);
      const ended = await command.ended;
      expect(ended).toMatchObject(how);
      await expectNoneLeft(`the mock command, ${signal}`, ended, prisms, [port]);
    } finally {
      endAll(command.child, prisms);
    }
  });
});
