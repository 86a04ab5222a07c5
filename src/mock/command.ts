// The mock command's work, apart from the process it runs in (cli.ts): it parses the flags and PORT,
// starts the mock and prints how to call it, and ends on a signal or when Prism dies. What it prints and
// when it exits go through `io`, so that the tests can run it in their own process.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startMock, type MockOptions, type RunningMock } from "./index.js";
import { bundledSpec } from "./prism.js";
import { EXAMPLE_TENANT_ID } from "../contract/paths.js";

const USAGE =
  "Usage: partner-center-qualifications-mock [--port N] " +
  "[--stateful [--vetting-polls N | --vetting-ms MS] [--throttle-every K]]";

const HELP = `${USAGE}

Serves a mock of the Partner Center qualifications API on 127.0.0.1, port 4010 unless --port or $PORT says otherwise.

  (no flags)           Prism serves the contract's documented examples; pick one with a Prefer header.
  --port N             Listen on port N (1 to 65535) rather than $PORT.
  --stateful           The vetting lifecycle: customers keep what is set on them, an Education
                       qualification starts InReview and is decided later. Prism's proxy checks every
                       request and answer against the contract.
  --vetting-polls N    Decide a vetting after N reads of the customer's qualifications (default 2).
  --vetting-ms MS      Decide a vetting MS milliseconds after the create instead.
  --throttle-every K   Answer every K-th request with 429 and Retry-After: 1.
  --help               Show this text.
`;

export interface CommandIO {
  log(text: string): void;
  error(text: string): void;
  exit(code: number): void;
  onSignal(signal: "SIGINT" | "SIGTERM" | "SIGHUP", handler: () => void): void;
}

/** What the command line asks for: an exit with a text (help, or a refusal), or a mock to start. */
type Command = { exitCode: number; text: string } | { options: MockOptions; guide: (url: string) => string };

// Thrown by the checks below, caught by parseCommand: the refusal's text and exit code.
class UsageError {
  constructor(readonly text: string) {}
}

function count(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > 2_147_483_647)
    throw new UsageError(`--${name} must be a whole number from ${min} to 2147483647, got "${text}"`);
  return value;
}

function portOf(name: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535)
    throw new UsageError(`${name} must be a port number between 1 and 65535, got "${text}"`);
  return port;
}

export function parseCommand(args: string[], env: Record<string, string | undefined>): Command {
  try {
    return commandOf(args, env);
  } catch (error) {
    // Equivalent mutant: commandOf throws only UsageErrors; the check keeps a bug's error from passing for one
    // Stryker disable next-line ConditionalExpression
    if (error instanceof UsageError) return { exitCode: 2, text: error.text };
    throw error;
  }
}

const FLAGS = {
  port: { type: "string" },
  stateful: { type: "boolean" },
  "vetting-polls": { type: "string" },
  "vetting-ms": { type: "string" },
  "throttle-every": { type: "string" },
  help: { type: "boolean" },
} as const;

function flagsOf(args: string[]) {
  try {
    return parseArgs({ args, options: FLAGS }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
}

function commandOf(args: string[], env: Record<string, string | undefined>): Command {
  const flags = flagsOf(args);
  if (flags.help) return { exitCode: 0, text: HELP };
  const port = flags.port === undefined ? portOf("PORT", env.PORT ?? "4010") : portOf("--port", flags.port);
  const lifecycleFlags = ["vetting-polls", "vetting-ms", "throttle-every"] as const;
  if (!flags.stateful && lifecycleFlags.some((name) => flags[name] !== undefined))
    throw new UsageError("--vetting-polls, --vetting-ms and --throttle-every need --stateful");
  if (flags["vetting-polls"] !== undefined && flags["vetting-ms"] !== undefined)
    throw new UsageError("Give --vetting-polls or --vetting-ms, not both");

  const vettingPolls = count("vetting-polls", flags["vetting-polls"], 0);
  const vettingMs = count("vetting-ms", flags["vetting-ms"], 0);
  const throttleEvery = count("throttle-every", flags["throttle-every"], 1);
  const options: MockOptions = {
    port,
    stateful: flags.stateful ?? false,
    stdio: ["ignore", "ignore", "inherit"],
    ...(vettingPolls !== undefined && { vettingPolls }),
    ...(vettingMs !== undefined && { vettingMs }),
    ...(throttleEvery !== undefined && { throttleEvery }),
  };
  const decided =
    vettingMs === undefined
      ? `after ${vettingPolls ?? 2} read${vettingPolls === 1 ? "" : "s"}`
      : `${vettingMs} ms after the create`;
  return { options, guide: (url) => (options.stateful ? statefulGuide(url, decided) : staticGuide(url)) };
}

/** Runs the command: resolves with the running mock, or undefined once it has exited with a text. */
export async function runCommand(
  args: string[],
  env: Record<string, string | undefined>,
  io: CommandIO,
): Promise<RunningMock | undefined> {
  const command = parseCommand(args, env);
  if ("exitCode" in command) {
    (command.exitCode === 0 ? io.log : io.error)(command.text);
    io.exit(command.exitCode);
    return undefined;
  }
  // Written before the start (it reads the bundled spec), so that no failure can leave Prism running.
  const guide = command.guide(`http://127.0.0.1:${command.options.port}`);
  const starting = startMock(command.options);
  // A signal may come while Prism starts (that can take seconds): the mock is stopped as soon as it is up.
  // SIGHUP too: the terminal that ran the command closed.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    io.onSignal(
      signal,
      () =>
        void starting
          .then(
            (mock) => mock.stop(),
            () => undefined,
          )
          .then(() => io.exit(0)),
    );
  let mock: RunningMock;
  try {
    mock = await starting;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    io.error(
      code === "EADDRINUSE"
        ? `Cannot start the mock: 127.0.0.1:${command.options.port} is already in use; ` +
            "stop what holds it, or choose another port with --port <number>."
        : message,
    );
    io.exit(1);
    return undefined;
  }
  io.log(guide);
  void mock.died.then((how) => {
    io.error(`Prism stopped unexpectedly (${how}); the mock on ${mock.url} is down.`);
    io.exit(1);
  });
  return mock;
}

// Lists every operation with its example names and statuses, read from the bundled spec so it cannot drift.
function staticGuide(url: string): string {
  const spec = JSON.parse(readFileSync(bundledSpec, "utf8"));
  const lines: string[] = [];
  type Operation = {
    deprecated?: boolean;
    responses: Record<string, { content: Record<string, { examples?: object }> }>;
  };
  for (const [path, item] of Object.entries<Record<string, Operation | undefined>>(spec.paths)) {
    for (const method of ["get", "post", "put"]) {
      const operation = item[method];
      if (!operation) continue;
      const statuses = Object.keys(operation.responses);
      const successes = statuses.filter((status) => status.startsWith("2"));
      const retired = operation.deprecated ? "  (retired)" : "";
      lines.push(`  ${method.toUpperCase().padEnd(4)} ${path}${retired}`);
      // Prism answers the lowest 2xx unless Prefer names a code; the others need one.
      for (const [index, status] of successes.entries()) {
        const examples = Object.keys(operation.responses[status]!.content["application/json"]!.examples ?? {});
        lines.push(`       ${status}: Prefer: ${index === 0 ? "" : `code=${status}, `}example=${examples.join(" | ")}`);
      }
      lines.push(`       errors: Prefer: code=${statuses.filter((status) => !status.startsWith("2")).join(" | ")}`);
    }
  }
  return `
Partner Center qualifications mock (Prism) on ${url}

Any GUID works as the tenant id; every call needs "Authorization: Bearer <anything>".
  curl -H "Authorization: Bearer x" ${url}/v1/customers/${EXAMPLE_TENANT_ID}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: example=denied" ${url}/v1/customers/${EXAMPLE_TENANT_ID}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: code=429" ${url}/v1/customers/${EXAMPLE_TENANT_ID}/qualifications
  curl -H "Authorization: Bearer x" -H "Prefer: code=403, example=appOnlyNotSupported" \\
    ${url}/v1/customers/all/validations

Operations and the examples the Prefer header can pick:
${lines.join("\n")}

Invalid requests are refused as the spec says: a tenant id that is not a GUID, or a body that does not parse or
breaks the rules, gets 400; a missing token 401. Press Ctrl+C to stop.
`;
}

function statefulGuide(url: string, decided: string): string {
  return `
Partner Center qualifications mock (stateful) on ${url}

Every customer exists, with no qualification until one is set. An Education qualification starts
InReview and is decided ${decided}: Approved, or Denied with "Prefer: vetting=denied" on the create;
after a denial it can be requested again, three requests per customer in all.
  curl -H "Authorization: Bearer x" -H "Content-Type: application/json" -H "Prefer: vetting=denied" \\
    -d '{"qualification":"Education","educationSegment":"K12"}' ${url}/v1/customers/${EXAMPLE_TENANT_ID}/qualifications
  curl -H "Authorization: Bearer x" ${url}/v1/customers/${EXAMPLE_TENANT_ID}/qualifications
GCC takes one of the codes of GET /v1/customers/all/validations, and GET /v1/customers/{id}/validations
tells which one a customer used; the same MS-RequestId creates once.
Prism checks every request and answer against the contract. Press Ctrl+C to stop.
`;
}
