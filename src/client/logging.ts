// Log lines for people: one per attempt, retry and poll, to the application's logger, or to stderr when the
// DEBUG environment variable names this package (the convention of the `debug` package). Never a token or a body.

/** Takes a line of the client's log, such as `GET /v1/customers/…/qualifications answered HTTP 200 in 12 ms …`. */
export type Logger = (line: string) => void;

const NAMESPACE = "partner-center-qualifications";

/** The log a client writes to: the `logger` option, else stderr when DEBUG enables this package, else none. */
export function logOf(logger: Logger | undefined): Logger | undefined {
  if (logger) return logger;
  if (!debugEnables(environmentDebug(), NAMESPACE)) return undefined;
  return (line) => console.error(`${NAMESPACE} ${new Date().toISOString()} ${line}`);
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
    if (glob === "") continue;
    const text = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    if (!new RegExp(`^${text}$`).test(name)) continue;
    if (skip) return false;
    enabled = true;
  }
  return enabled;
}

// Browsers have no process, and Deno may refuse to read the environment.
function environmentDebug(): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DEBUG;
  } catch {
    return undefined;
  }
}
