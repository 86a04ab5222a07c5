// The mock command's work in this process (src/mock/command.ts): what each flag and PORT become, what it
// refuses and with which exit code, the guides it prints, and how it ends. test/mock/start.test.ts runs the
// built command as its own process.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { parseCommand, runCommand, type CommandIO } from "../../src/mock/command.js";
import { freePort, type RunningMock } from "../../src/mock/index.js";
import { TENANT } from "../support/harness.js";

/** What the command printed and how it exited, and the signal handlers it set. */
function recordingIO() {
  const record = {
    out: [] as string[],
    err: [] as string[],
    exits: [] as number[],
    signals: new Map<string, () => void>(),
  };
  const io: CommandIO = {
    log: (text) => void record.out.push(text),
    error: (text) => void record.err.push(text),
    exit: (code) => void record.exits.push(code),
    onSignal: (signal, handler) => void record.signals.set(signal, handler),
  };
  return { record, io };
}

const refusal = (args: string[], env: Record<string, string> = {}) => {
  const command = parseCommand(args, env);
  if (!("exitCode" in command)) throw new Error(`${args.join(" ")} was not refused`);
  return command;
};
const optionsOf = (args: string[], env: Record<string, string> = {}) => {
  const command = parseCommand(args, env);
  if ("exitCode" in command) throw new Error(`${args.join(" ")} was refused: ${command.text}`);
  return command;
};

describe("flags and PORT", () => {
  // Strict: an unset flag is no option at all, not one set to undefined (exactOptionalPropertyTypes).
  test("no flags: the static mock on port 4010, Prism's output to stderr only, and no other option", () => {
    expect(optionsOf([]).options).toStrictEqual({
      port: 4010,
      stateful: false,
      stdio: ["ignore", "ignore", "inherit"],
    });
  });

  test("PORT and every lifecycle flag become the mock's options", () => {
    expect(
      optionsOf(["--stateful", "--vetting-polls", "0", "--throttle-every", "1"], { PORT: "4321" }).options,
    ).toStrictEqual({
      port: 4321,
      stateful: true,
      stdio: ["ignore", "ignore", "inherit"],
      vettingPolls: 0,
      throttleEvery: 1,
    });
    expect(optionsOf(["--stateful", "--vetting-ms", "2147483647"]).options).toMatchObject({
      stateful: true,
      vettingMs: 2_147_483_647,
    });
    expect(optionsOf([], { PORT: "65535" }).options.port).toBe(65_535);
    expect(optionsOf([], { PORT: "1" }).options.port).toBe(1);
  });

  test("--port sets the port, and wins over PORT, even a PORT that would be refused", () => {
    expect(optionsOf(["--port", "5000"]).options.port).toBe(5000);
    expect(optionsOf(["--port=65535"], { PORT: "4321" }).options.port).toBe(65_535);
    expect(optionsOf(["--stateful", "--port", "1"], { PORT: "eighty" }).options).toMatchObject({
      port: 1,
      stateful: true,
    });
  });

  test("--help: the usage text, exit 0", () => {
    const help = refusal(["--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.text).toMatch(/^Usage: partner-center-qualifications-mock \[--port N\] \[--stateful/);
    expect(help.text).toContain("--port N             Listen on port N (1 to 65535) rather than $PORT.");
    expect(help.text).toContain("--throttle-every K   Answer every K-th request with 429 and Retry-After: 1.");
  });

  test.each<[string, string[], Record<string, string>, string]>([
    ["an unknown flag", ["--verbose"], {}, "Unknown option '--verbose'"],
    [
      "a port that is not a number",
      [],
      { PORT: "eighty" },
      'PORT must be a port number between 1 and 65535, got "eighty"',
    ],
    ["port 0", [], { PORT: "0" }, 'PORT must be a port number between 1 and 65535, got "0"'],
    ["a port above 65535", [], { PORT: "65536" }, 'PORT must be a port number between 1 and 65535, got "65536"'],
    ["a fractional port", [], { PORT: "4010.5" }, 'PORT must be a port number between 1 and 65535, got "4010.5"'],
    ["a port in hexadecimal", [], { PORT: "0x1F90" }, 'PORT must be a port number between 1 and 65535, got "0x1F90"'],
    ["a port in exponent form", [], { PORT: "1e3" }, 'PORT must be a port number between 1 and 65535, got "1e3"'],
    ["a port with spaces", [], { PORT: " 4010 " }, 'PORT must be a port number between 1 and 65535, got " 4010 "'],
    [
      "--port that is not a number",
      ["--port", "eighty"],
      {},
      '--port must be a port number between 1 and 65535, got "eighty"',
    ],
    ["--port 0", ["--port", "0"], { PORT: "4010" }, '--port must be a port number between 1 and 65535, got "0"'],
    ["--port above 65535", ["--port=65536"], {}, '--port must be a port number between 1 and 65535, got "65536"'],
    [
      "--port in hexadecimal",
      ["--port", "0x1F90"],
      {},
      '--port must be a port number between 1 and 65535, got "0x1F90"',
    ],
    ["--port empty", ["--port="], {}, '--port must be a port number between 1 and 65535, got ""'],
    ["--port without a value", ["--port"], {}, "Option '--port <value>' argument missing"],
    [
      "a lifecycle flag without --stateful",
      ["--throttle-every", "3"],
      {},
      "--vetting-polls, --vetting-ms and --throttle-every need --stateful",
    ],
    [
      "polls and milliseconds together",
      ["--stateful", "--vetting-polls", "2", "--vetting-ms", "10"],
      {},
      "Give --vetting-polls or --vetting-ms, not both",
    ],
    [
      "a count that is not a whole number",
      ["--stateful", "--vetting-polls", "1.5"],
      {},
      '--vetting-polls must be a whole number from 0 to 2147483647, got "1.5"',
    ],
    [
      "a count with a sign",
      ["--stateful", "--vetting-ms", "+5"],
      {},
      '--vetting-ms must be a whole number from 0 to 2147483647, got "+5"',
    ],
    [
      "a count in words",
      ["--stateful", "--vetting-ms", "x5"],
      {},
      '--vetting-ms must be a whole number from 0 to 2147483647, got "x5"',
    ],
    [
      "a count with trailing text",
      ["--stateful", "--vetting-ms", "5x"],
      {},
      '--vetting-ms must be a whole number from 0 to 2147483647, got "5x"',
    ],
    [
      "a count beyond a timer",
      ["--stateful", "--vetting-ms", "2147483648"],
      {},
      '--vetting-ms must be a whole number from 0 to 2147483647, got "2147483648"',
    ],
    [
      "throttling every 0th request",
      ["--stateful", "--throttle-every", "0"],
      {},
      '--throttle-every must be a whole number from 1 to 2147483647, got "0"',
    ],
  ])("%s is refused with exit 2", (_case, args, env, text) => {
    const refused = refusal(args, env);
    expect(refused.exitCode).toBe(2);
    expect(refused.text.split("\n")[0]).toBe(text);
  });

  test("an unknown flag's refusal shows the usage too", () => {
    expect(refusal(["--verbose"]).text).toContain("\n\nUsage: partner-center-qualifications-mock");
  });
});

describe("guides", () => {
  const url = "http://127.0.0.1:4010";

  test("the static guide lists every operation, its examples and the statuses the Prefer header picks", () => {
    const guide = optionsOf([]).guide(url);
    expect(guide).toContain(`Partner Center qualifications mock (Prism) on ${url}`);
    expect(guide).toContain(`curl -H "Authorization: Bearer x" ${url}/v1/customers/${TENANT}/qualifications`);
    expect(guide).toMatch(
      /Prefer header can pick:\n {2}GET {2}\/v1\/customers\/\{customer-tenant-id\}\/qualifications\n/,
    );
    expect(guide).toMatch(
      / {2}GET {2}\/v1\/customers\/\{customer-tenant-id\}\/qualifications\n {7}200: Prefer: example=approvedArray \| [^\n]*\bapproved\b/,
    );
    expect(guide).toContain("  POST /v1/customers/{customer-tenant-id}/qualifications\n       200: Prefer: example=");
    expect(guide).toContain("       201: Prefer: code=201, example=educationInReview");
    expect(guide).toContain("  GET  /v1/customers/{customer-tenant-id}/qualification  (retired)");
    expect(guide).toContain("  PUT  /v1/customers/{customer-tenant-id}/qualification  (retired)");
    expect(guide).not.toContain("  GET  /v1/customers/all/validations  (retired)");
    expect(guide).toMatch(/ {7}errors: Prefer: code=400 \| 401 \| 403 \| 404 \| [^\n]*\| 504\n/);
    expect(guide).not.toMatch(/errors: Prefer: code=[^\n]*\b2\d\d\b/);
  });

  test.each<[string[], string]>([
    [["--stateful"], "decided after 2 reads"],
    [["--stateful", "--vetting-polls", "1"], "decided after 1 read:"],
    [["--stateful", "--vetting-polls", "5"], "decided after 5 reads"],
    [["--stateful", "--vetting-ms", "500"], "decided 500 ms after the create"],
  ])("the stateful guide for %j says when a vetting is %s", (args, decided) => {
    const guide = optionsOf(args).guide(url);
    expect(guide).toContain(`Partner Center qualifications mock (stateful) on ${url}`);
    expect(guide).toContain(decided);
    expect(guide).toContain(
      `-d '{"qualification":"Education","educationSegment":"K12"}' ${url}/v1/customers/${TENANT}/qualifications`,
    );
  });
});

describe("running it", () => {
  // The command being run, so that its mock is stopped (by Prism's process id) whatever the test saw.
  let running: Promise<RunningMock | undefined> | undefined;
  const run = (args: string[], env: Record<string, string>, io: CommandIO) => (running = runCommand(args, env, io));
  afterEach(async () => {
    const mock = await running?.catch(() => undefined);
    await mock?.stop();
    running = undefined;
  }, 45_000);
  const exited = (record: { exits: number[] }) => expect.poll(() => record.exits, { timeout: 10_000 });

  test("refused: the text on stderr and the exit code, nothing started", async () => {
    const { record, io } = recordingIO();
    expect(await run(["--bogus"], {}, io)).toBeUndefined();
    expect(record).toMatchObject({ out: [], exits: [2] });
    expect(record.err[0]).toMatch(/^Unknown option '--bogus'/);
    expect(record.signals.size).toBe(0);
  });

  test("--help: the text on stdout, exit 0", async () => {
    const { record, io } = recordingIO();
    await run(["--help"], {}, io);
    expect(record).toMatchObject({ err: [], exits: [0] });
    expect(record.out[0]).toMatch(/^Usage:/);
  });

  // SIGINT here, SIGTERM in the next test: one start each (SIGHUP: test/mock/orphans.test.ts, on the command's own process).
  test("started: the guide printed once the mock answers; SIGINT stops it and exits 0", {
    timeout: 45_000,
  }, async () => {
    const port = await freePort();
    const { record, io } = recordingIO();
    // Asked the moment the guide is printed: the mock must answer then.
    let answered: Promise<number> | undefined;
    const log = io.log;
    io.log = (text) => {
      answered = fetch(`http://127.0.0.1:${port}/v1/customers/${TENANT}/qualifications`, {
        headers: { Authorization: "Bearer x" },
      }).then((response) => response.status);
      log(text);
    };
    const mock = await run([], { PORT: String(port) }, io);
    expect(mock?.url).toBe(`http://127.0.0.1:${port}`);
    expect(record.out).toHaveLength(1);
    expect(record.out[0]).toContain(`(Prism) on http://127.0.0.1:${port}`);
    expect(await answered).toBe(200);
    expect([...record.signals.keys()]).toEqual(["SIGINT", "SIGTERM", "SIGHUP"]);
    record.signals.get("SIGINT")!();
    await exited(record).toEqual([0]);
    await expect(fetch(`${mock!.url}/`)).rejects.toThrow();
    expect(record.err).toEqual([]);
  });

  test("a signal while Prism is still starting stops it once it is up, and exits 0", { timeout: 45_000 }, async () => {
    const { record, io } = recordingIO();
    const starting = run([], { PORT: String(await freePort()) }, io);
    record.signals.get("SIGTERM")!();
    const mock = await starting;
    await exited(record).toEqual([0]);
    expect(() => process.kill(mock!.pid, 0)).toThrow(/ESRCH/);
  });

  test("the stateful mock with its options: --vetting-polls 1 decides on the first read", {
    timeout: 45_000,
  }, async () => {
    const { record, io } = recordingIO();
    const mock = await run(["--stateful", "--vetting-polls", "1"], { PORT: String(await freePort()) }, io);
    expect(record.out[0]).toContain("(stateful) on");
    const customer = `${mock!.url}/v1/customers/${TENANT}/qualifications`;
    const headers = { Authorization: "Bearer x", "Content-Type": "application/json" };
    const created = await fetch(customer, {
      method: "POST",
      headers,
      body: JSON.stringify({ qualification: "Education", educationSegment: "K12" }),
    });
    expect(await created.json()).toMatchObject({ qualification: "Education", vettingStatus: "InReview" });
    const read = async () =>
      ((await (await fetch(customer, { headers })).json()) as { vettingStatus: string }[])[0]!.vettingStatus;
    // One read counted, the next decides; with the default of 2 the second read would still be InReview.
    expect([await read(), await read()]).toEqual(["InReview", "Approved"]);
  });

  test("Prism dying: one line on stderr naming how, exit 1", { timeout: 45_000 }, async () => {
    const { record, io } = recordingIO();
    const mock = await run([], { PORT: String(await freePort()) }, io);
    process.kill(mock!.pid, "SIGKILL");
    await exited(record).toEqual([1]);
    expect(record.err).toHaveLength(1);
    expect(record.err[0]).toMatch(
      new RegExp(`^Prism stopped unexpectedly \\(.*SIGKILL.*\\); the mock on ${mock!.url} is down\\.$`),
    );
  });

  test("a port another server holds: one line saying so and how to choose another, exit 1", {
    timeout: 45_000,
  }, async () => {
    const other = createServer((_request, response) => response.end("another server"));
    await new Promise<void>((listening) => other.listen(0, "127.0.0.1", listening));
    try {
      const { port } = other.address() as AddressInfo;
      const { record, io } = recordingIO();
      expect(await run([], { PORT: String(port) }, io)).toBeUndefined();
      expect(record.err).toEqual([
        `Cannot start the mock: 127.0.0.1:${port} is already in use; stop what holds it, or choose another port with --port <number>.`,
      ]);
      expect(record.exits).toEqual([1]);
    } finally {
      await new Promise((closed) => other.close(closed));
    }
  });
});
