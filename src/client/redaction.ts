// The one way the client keeps the token, and a hostile server's control characters, out of what it
// hands back: error messages, bodies, headers, reason phrases, causes and hook events.

/** Replaces every echo of a call's tokens in a text. */
export type Redact = (text: string) => string;

export const REDACTED = "[redacted]";

// Shorter tokens are placeholders, such as the mock's "t": redacting them would mangle ordinary words.
const SHORTEST_REDACTED = 16;

/**
 * The redaction of `tokens` (every token a call has used so far; it may grow) wherever a text holds one:
 * as it is, or with any of its characters escaped as JSON (`\u002F`, `\/`) or a URL (`%2F`) writes them.
 * Whatever a JSON text decodes to then holds no token either.
 */
export function redactorOf(tokens: readonly string[]): Redact {
  return (text) => {
    const secrets = tokens.filter((token) => token.length >= SHORTEST_REDACTED);
    // Most texts hold no escape at all: a token can then only be there as it is.
    if (!/[\\%]/.test(text)) return secrets.reduce((result, token) => result.replaceAll(token, REDACTED), text);
    const { decoded, starts } = decode(text);
    const found: [number, number][] = [];
    for (const token of secrets) {
      for (let at = decoded.indexOf(token); at !== -1; at = decoded.indexOf(token, at + token.length)) found.push([starts[at]!, starts[at + token.length]!]);
    }
    // Each span of the text that spells a token, in order; spans that overlap are one.
    let result = "";
    let copied = 0;
    for (const [start, end] of found.sort((a, b) => a[0] - b[0])) {
      if (end <= copied) continue;
      result += `${text.slice(copied, Math.max(start, copied))}${start >= copied ? REDACTED : ""}`;
      copied = end;
    }
    return result + text.slice(copied);
  };
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const ESCAPE = /\\u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})|\\(.)/y;

// The text with its JSON and URL escapes read, and where in the text each character of it starts (and,
// last, the text's length), so that a token found in the one can be cut out of the other.
function decode(text: string): { decoded: string; starts: Int32Array } {
  const starts = new Int32Array(text.length + 1);
  let decoded = "";
  for (let index = 0; index < text.length; ) {
    starts[decoded.length] = index;
    ESCAPE.lastIndex = index;
    const [escape, hex, percent, char = ""] = (text[index] === "\\" || text[index] === "%" ? ESCAPE.exec(text) : null) ?? [];
    const code = hex ?? percent;
    // Anything else, a backslash before another character included, is itself.
    const [read, length] = code ? [String.fromCharCode(parseInt(code, 16)), escape!.length] : Object.hasOwn(JSON_ESCAPES, char) ? [JSON_ESCAPES[char]!, 2] : [text[index]!, 1];
    decoded += read;
    index += length;
  }
  starts[decoded.length] = text.length;
  return { decoded, starts };
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
