// The one way the client keeps the token, and a hostile server's control characters, out of what it
// hands back: error messages, bodies, headers, reason phrases, causes and hook events.

/** Replaces every echo of a call's tokens in a text; `anyCase` matches letters in either case. */
export type Redact = (text: string, anyCase?: boolean) => string;

export const REDACTED = "[redacted]";

// Shorter tokens are placeholders, such as the mock's "t": redacting them would mangle ordinary words.
const SHORTEST_REDACTED = 16;

/**
 * The redaction of `tokens` (every token a call has used so far; it may grow) wherever a text holds one, as
 * whoever reads the text would read it: as it is, with its backslash escapes read (JSON's `\u0065`, `\/`),
 * with its URL escapes read (`%2F`), and each of these read once more. Each span of the text that spells a
 * token in one of these readings is cut out. With `anyCase`, for the header names and hosts that fetch and URL write in lower case, letters
 * match in either case.
 */
export function redactorOf(tokens: readonly string[]): Redact {
  return (text, anyCase = false) => {
    const secrets = tokens.filter((token) => token.length >= SHORTEST_REDACTED).map((token) => (anyCase ? lowerAscii(token) : token));
    const spans: [number, number][] = [];
    for (const { decoded, toText } of readings(text)) {
      const read = anyCase ? lowerAscii(decoded) : decoded;
      for (const token of secrets) {
        for (let at = read.indexOf(token); at !== -1; at = read.indexOf(token, at + token.length)) spans.push([toText(at), toText(at + token.length)]);
      }
    }
    // Each span of the text that spells a token, in order; spans that overlap are one.
    let result = "";
    let copied = 0;
    for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
      if (end <= copied) continue;
      result += start >= copied ? `${text.slice(copied, start)}${REDACTED}` : "";
      copied = end;
    }
    return result + text.slice(copied);
  };
}

// Letters A-Z only, so that every index stays where it was.
const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** A reading of a text, and where in the text the character at an index of it starts (the text's length for the reading's). */
interface Reading {
  decoded: string;
  toText: (index: number) => number;
}

const BACKSLASH_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|([^]))/g;
const URL_ESCAPE = /%([0-9a-fA-F]{2})/g;
const CONTROL_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const readBackslash = ([, hex, char]: string[]) => (hex ? String.fromCharCode(parseInt(hex, 16)) : (CONTROL_ESCAPES[char!] ?? char!));

// The two ways a text escapes characters, and the character that starts an escape of each.
const READERS: [string, RegExp, (match: string[]) => string][] = [
  ["\\", BACKSLASH_ESCAPE, readBackslash],
  ["%", URL_ESCAPE, ([, hex]) => String.fromCharCode(parseInt(hex!, 16))],
];

// The text as it is, and as its readers read its escapes, each left to right: once, and once more (JSON in a
// JSON string, a URL in a JSON string or in a URL, JSON escapes URL-encoded). A reading is read further only
// where it still holds an escape.
function readings(text: string): Reading[] {
  const asIs: Reading = { decoded: text, toText: (index) => index };
  const further = (reading: Reading) => READERS.filter(([start]) => reading.decoded.includes(start)).map(([, escape, read]) => decode(reading, escape, read));
  const once = further(asIs);
  return [asIs, ...once, ...once.flatMap(further)];
}

// Reads the escapes of a reading; each becomes one character. Only where they are is kept, so that an index of
// the result finds its place in the text in a binary search.
function decode(from: Reading, escape: RegExp, read: (match: string[]) => string): Reading {
  // For each escape: its index in the result, its index in `from`, and by how much `from` is longer after it.
  const at: number[] = [];
  const source: number[] = [];
  const shift: number[] = [];
  let shrunk = 0;
  const decoded = from.decoded.replace(escape, (...match: string[]) => {
    // After the groups: where the escape starts, then the whole text.
    const offset = Number(match.at(-2));
    at.push(offset - shrunk);
    source.push(offset);
    shrunk += match[0]!.length - 1;
    shift.push(shrunk);
    return read(match);
  });
  const toFrom = (index: number) => {
    let [low, high] = [0, at.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (at[middle]! <= index) low = middle + 1;
      else high = middle - 1;
    }
    // high: the last escape at or before index.
    return high < 0 ? index : at[high] === index ? source[high]! : index + shift[high]!;
  };
  return { decoded, toText: (index) => from.toText(toFrom(index)) };
}

// Control and format characters (CR, LF, the ESC of ANSI sequences, direction marks) and the line and
// paragraph separators: they make a log line lie about what it holds.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `text` with every control or format character written as `\uXXXX` (`\u{XXXXX}` beyond 16 bits), so that it stays one honest line in a log. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** What `value` says of itself, as `message` or as a string; never throws, whatever a getter, a proxy or `toString` does. */
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
 * down, each redacted and on one line. The original may hold the request, its headers and so the token (a
 * test double's "no match for request …"); the copy holds nothing else.
 */
export function redactedError(error: unknown, redact: Redact, depth = 3): Error {
  const copy = new Error(printable(redact(textOf(error))));
  try {
    const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === "string") copy.name = printable(redact(name));
    if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code: typeof code === "string" ? printable(redact(code)) : code });
    if (cause !== undefined && depth > 0) copy.cause = redactedError(cause, redact, depth - 1);
  } catch {
    // A getter or a proxy that throws leaves the copy with what it has.
  }
  return copy;
}

/** Redacts every string of a parsed JSON value in place (its strings may hold JSON or URLs of their own), and returns it. Iterative: a value may nest millions of levels. */
export function redactStrings(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") return redact(value);
  const pending = typeof value === "object" && value !== null ? [value as Record<string, unknown>] : [];
  while (pending.length) {
    const fields = pending.pop()!;
    for (const key of Object.keys(fields)) {
      const field = fields[key];
      if (typeof field === "string") fields[key] = redact(field);
      else if (typeof field === "object" && field !== null) pending.push(field as Record<string, unknown>);
    }
  }
  return value;
}
