// The one way the client keeps the token, and a hostile server's control characters, out of what it
// hands back: error messages, bodies, headers, reason phrases, causes and hook events.

/** Replaces every echo of a call's tokens in a text; `anyCase` matches letters in either case. */
export type Redact = (text: string, anyCase?: boolean) => string;

export const REDACTED = "[redacted]";

// Shorter tokens are placeholders, such as the mock's "t": redacting them would mangle ordinary words.
const SHORTEST_REDACTED = 16;

/**
 * The redaction of `tokens` (every token a call has used so far; it may grow) wherever a text holds one, as
 * whoever reads the text would read it: as it is, as JSON reads it (`\u0065`, `\/`), as a URL reads it
 * (`%2F`), and as a URL written in JSON. Whatever a JSON text decodes to then holds no token either. With
 * `anyCase`, for the header names and hosts that fetch and URL write in lower case, letters match in either case.
 */
export function redactorOf(tokens: readonly string[]): Redact {
  return (text, anyCase = false) => {
    const secrets = tokens.filter((token) => token.length >= SHORTEST_REDACTED).map((token) => (anyCase ? lowerAscii(token) : token));
    const raw: View = { decoded: text, starts: undefined };
    // A text without escapes reads the same in every way.
    const views = (text.includes("\\") || text.includes("%") ? [raw, ...readings(text)] : [raw]).map((view) => (anyCase ? { ...view, decoded: lowerAscii(view.decoded) } : view));
    const spans: [number, number][] = [];
    for (const { decoded, starts } of views) {
      for (const token of secrets) {
        for (let at = decoded.indexOf(token); at !== -1; at = decoded.indexOf(token, at + token.length)) spans.push(starts ? [starts[at]!, starts[at + token.length]!] : [at, at + token.length]);
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

/** A reading of a text, and where in the text each of its characters starts (and, last, the text's length). */
interface View {
  decoded: string;
  starts: Int32Array | undefined;
}

const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/y;
const URL_ESCAPE = /%([0-9a-fA-F]{2})/y;
const ESCAPE_START = /[\\%]/g;
const JSON_CHARACTERS: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

// The text as JSON reads it, as a URL reads it, and as a URL written in JSON reads it: each of them reads its
// escapes from left to right, one way only.
function readings(text: string): View[] {
  const json = decode(text, JSON_ESCAPE, ([, hex, char]) => (hex ? String.fromCharCode(parseInt(hex, 16)) : JSON_CHARACTERS[char!]!));
  const percent = (view: View) => decode(view.decoded, URL_ESCAPE, ([, hex]) => String.fromCharCode(parseInt(hex!, 16)));
  const url = percent({ decoded: text, starts: undefined });
  const urlInJson = percent(json);
  // Where the URL reading of the JSON reading starts each character, in the text itself.
  urlInJson.starts = urlInJson.starts!.map((index) => json.starts![index]!);
  return [json, url, urlInJson];
}

function decode(text: string, escape: RegExp, read: (match: RegExpExecArray) => string): View {
  const starts = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let length = 0;
  // Runs without escapes are copied whole; each escape is read on its own.
  for (let index = 0; index < text.length; ) {
    escape.lastIndex = index;
    const match = text[index] === "\\" || text[index] === "%" ? escape.exec(text) : null;
    if (match) {
      parts.push(read(match));
      starts[length++] = index;
      index += match[0].length;
      continue;
    }
    ESCAPE_START.lastIndex = index + 1;
    const end = ESCAPE_START.exec(text)?.index ?? text.length;
    parts.push(text.slice(index, end));
    while (index < end) starts[length++] = index++;
  }
  starts[length] = text.length;
  return { decoded: parts.join(""), starts: starts.subarray(0, length + 1) };
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
