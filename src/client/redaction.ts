// The one way the client keeps the token, and a hostile server's control characters, out of what it
// hands back: error messages, bodies, headers, reason phrases, causes and hook events.

/** Replaces every echo of the token in a text. */
export type Redact = (text: string) => string;

export const REDACTED = "[redacted]";

// Shorter tokens are placeholders, such as the mock's "t": redacting them would mangle ordinary words.
const SHORTEST_REDACTED = 16;

/**
 * The redaction of `token` (a Bearer token: letters, digits and `-._~+/=`) wherever a text holds it:
 * as it is, or with any of its characters escaped as JSON (`\u002F`, `\/`) or URL (`%2F`) write them.
 * Whatever a JSON text decodes to then holds no token either.
 */
export function redactorOf(token: string): Redact {
  if (token.length < SHORTEST_REDACTED) return (text) => text;
  let escaped: RegExp | undefined;
  return (text) => {
    // Most texts hold no escape at all: the token can then only be there as it is.
    if (!/[\\%]/.test(text)) return text.replaceAll(token, REDACTED);
    escaped ??= new RegExp([...token].map(formsOf).join(""), "g");
    return text.replace(escaped, REDACTED);
  };
}

// One character of the token as a regular expression: itself, \u00XX, %XX (hex digits in either case), and \/ for /.
function formsOf(char: string): string {
  const hex = char.charCodeAt(0).toString(16).padStart(2, "0").replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
  const forms = [char.replace(/[.*+?^${}()|[\]\\/]/, "\\$&"), `\\\\u00${hex}`, `%${hex}`];
  if (char === "/") forms.push("\\\\/");
  return `(?:${forms.join("|")})`;
}

// C0 and C1 controls (CR, LF, the ESC of ANSI sequences), and the line separators and direction marks
// that make a log line lie about what it holds.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\uXXXX`, so that it stays one honest line in a log. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** What `value` says of itself, as `message` or as a string; never throws, whatever a getter or `toString` does. */
export function textOf(value: unknown): string {
  try {
    const message = (value as { message?: unknown } | null | undefined)?.message;
    return typeof message === "string" ? message : String(value);
  } catch {
    return "a value that cannot be shown";
  }
}

/**
 * A plain copy of an error: its name, message and string or number `code`, and its causes a few levels
 * down, each redacted. The original may hold the request, its headers and so the token (a test double's
 * "no match for request …"); the copy holds nothing else.
 */
export function redactedError(error: unknown, redact: Redact, depth = 3): Error {
  const copy = new Error(redact(textOf(error)));
  try {
    const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === "string") copy.name = redact(name);
    if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code: typeof code === "string" ? redact(code) : code });
    if (cause !== undefined && depth > 0) copy.cause = redactedError(cause, redact, depth - 1);
  } catch {
    // A getter that throws leaves the copy with what it has.
  }
  return copy;
}
