// Log lines for people: one per attempt, retry and poll, to the application's logger, or to stderr when the
// DEBUG environment variable names this package (the convention of the `debug` package). Never a token or a body.

/** Takes a line of the client's log, such as `GET /v1/customers/…/qualifications answered HTTP 200 in 12 ms …`. */
export type Logger = (line: string) => void;

const NAMESPACE = "partner-center-qualifications";

/** The log a client writes to: the `logger` option, else stderr when DEBUG enables this package, else none. */
export function logOf(logger: Logger | undefined): Logger | undefined {
  if (logger) return logger;
  if (!debugEnables(environmentDebug(), NAMESPACE)) return undefined;
  // The order of the debug package's lines when stderr is not a terminal: the time, the name, the message.
  return (line) => console.error(`${new Date().toISOString()} ${NAMESPACE} ${line}`);
}

/**
 * Whether a DEBUG value enables `name`: names split by commas or spaces, `*` for any text, and a name after `-`
 * disabled whatever else matches it.
 */
export function debugEnables(debug: string | undefined, name: string): boolean {
  let enabled = false;
  for (const pattern of (debug ?? "").split(/[\s,]+/)) {
    const skip = pattern.startsWith("-");
    const glob = skip ? pattern.slice(1) : pattern;
    if (!globMatches(glob, name)) continue;
    if (skip) return false;
    enabled = true;
  }
  return enabled;
}

// `*` for any text, without a regular expression, whose backtracking many stars would make slow: the parts
// between the stars are found in order, the first at the start and the last at the end.
function globMatches(glob: string, name: string): boolean {
  const parts = glob.split("*");
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (parts.length === 1) return glob === name;
  if (!name.startsWith(first) || !name.endsWith(last) || first.length + last.length > name.length) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > name.length - last.length) return false;
    at = found + part.length;
  }
  return true;
}

// Browsers have no process; Deno asks the user before it reads the environment without the permission.
function environmentDebug(): string | undefined {
  try {
    const { Deno, process } = globalThis as {
      Deno?: { permissions?: { querySync?(query: object): { state: string } } };
      process?: { env?: Record<string, string | undefined> };
    };
    const query = Deno?.permissions?.querySync;
    if (query && query.call(Deno.permissions, { name: "env", variable: "DEBUG" }).state !== "granted") return undefined;
    return process?.env?.DEBUG;
  } catch {
    return undefined;
  }
}
