// The one way the client keeps the token, and a hostile server's control characters, out of what it
// hands back: error messages, bodies, headers, reason phrases, causes and hook events.

/** Replaces every echo of a call's tokens in a text; `anyCase` matches letters in either case. */
export type Redact = (text: string, anyCase?: boolean) => string;

const REDACTED = "[redacted]";

// Shorter tokens are placeholders, such as the mock's "t": redacting them would mangle ordinary words.
const SHORTEST_REDACTED = 16;

/**
 * The redaction of `tokens` (every token a call has used so far; it may grow) wherever a text holds one, as
 * whoever reads the text would read it: as it is, with its backslash escapes read (JSON's `\u0065`, `\/`),
 * with its URL escapes read (`%2F`), and each of these read once more. Each span of the text that spells a
 * token in one of these readings is cut out. With `anyCase`, for the header names and hosts that fetch and
 * URL write in lower case, letters match in either case.
 */
export function redactorOf(tokens: readonly string[]): Redact {
  // Each token in lower case, written once: a token is long, and header names are read in any case.
  const lowered = new Map<string, string>();
  const lowerToken = (token: string) => lowered.get(token) ?? lowered.set(token, lowerAscii(token)).get(token)!;
  return (text, anyCase = false) => {
    const long = tokens.filter((token) => token.length >= SHORTEST_REDACTED);
    // A shortcut: no reading is longer than the text, so a text shorter than every token holds none.
    // Equivalent mutants: without it, the search below finds nothing either, at a higher cost.
    // Stryker disable next-line ConditionalExpression,ArrowFunction
    if (long.every((token) => token.length > text.length)) return text;
    const secrets = anyCase ? long.map(lowerToken) : long;
    const spans: [number, number][] = [];
    for (const { decoded, toText } of readings(text)) {
      const read = anyCase ? lowerAscii(decoded) : decoded;
      for (const token of secrets) {
        for (let at = read.indexOf(token); at !== -1; at = read.indexOf(token, at + token.length))
          spans.push([toText(at), toText(at + token.length)]);
      }
    }
    // Each span of the text that spells a token, in order; a span that starts within the last one extends it.
    let result = "";
    let copied = 0;
    for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
      if (start >= copied) result += `${text.slice(copied, start)}${REDACTED}`;
      copied = Math.max(copied, end);
    }
    return result + text.slice(copied);
  };
}

// Letters A-Z only, so that every index stays where it was.
const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/**
 * A reading of a text, and where in the text the character at an index of it starts (the text's length for the
 * reading's).
 */
interface Reading {
  decoded: string;
  toText: (index: number) => number;
}

// The two ways a text escapes characters, and the character that starts an escape of each. A backslash
// before any other character stands for that character (HTTP's quoted pairs; JSON's \/ and \"): JSON's \n
// is read as n too, which can only redact more.
const READERS: [string, RegExp][] = [
  // Equivalent mutants: an empty start only reads a text without escapes once more; a token holds no
  // whitespace, so whether an escaped whitespace character is read changes no span that spells one.
  // Stryker disable next-line StringLiteral,Regex
  ["\\", /\\(?:u([0-9a-fA-F]{4})|([\s\S]))/g],
  // An empty second group, so that both give the same arguments.
  // Equivalent mutant: an empty start only reads a text without escapes once more.
  // Stryker disable next-line StringLiteral
  ["%", /%([0-9a-fA-F]{2})()/g],
];

// The text as it is, and as its readers read its escapes, each left to right: once, and once more (JSON in a
// JSON string, a URL in a JSON string or in a URL, JSON escapes URL-encoded). A reading is read further only
// where it still holds an escape.
function readings(text: string): Reading[] {
  const asIs: Reading = { decoded: text, toText: (index) => index };
  // Equivalent mutant: a reading without escapes reads the same once more; only the cost differs
  // Stryker disable MethodExpression
  const further = (reading: Reading) =>
    READERS.filter(([start]) => reading.decoded.includes(start)).map(([, pattern]) => decode(reading, pattern));
  // Stryker restore MethodExpression
  const once = further(asIs);
  return [asIs, ...once, ...once.flatMap(further)];
}

// Reads the escapes of a reading; each becomes one character (the hex code's, or the escaped one). Only where
// they are is kept, so that an index of the result finds its place in the text by a binary search.
function decode(from: Reading, pattern: RegExp): Reading {
  // For each escape: its index in the result, and by how much `from` is longer up to its end.
  const at: number[] = [];
  const shift: number[] = [];
  let shrunk = 0;
  const decoded = from.decoded.replace(
    pattern,
    (match: string, hex: string | undefined, char: string, offset: number) => {
      at.push(offset - shrunk);
      shrunk += match.length - 1;
      shift.push(shrunk);
      return hex ? String.fromCharCode(parseInt(hex, 16)) : char;
    },
  );
  // The last escape before `index` says how far the text is ahead there.
  const toFrom = (index: number) => {
    // Equivalent mutant: an entry past the end reads undefined, which is below no index
    // Stryker disable next-line ArithmeticOperator
    let [low, high] = [0, at.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (at[middle]! < index) low = middle + 1;
      else high = middle - 1;
    }
    return index + (shift[high] ?? 0);
  };
  return { decoded, toText: (index) => from.toText(toFrom(index)) };
}

// Control and format characters (CR, LF, the ESC of ANSI sequences, direction marks) and the line and
// paragraph separators: they make a log line lie about what it holds.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * `text` with every control or format character written as `\uXXXX` (`\u{XXXXX}` beyond 16 bits), so that it stays one
 * honest line in a log.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    // Equivalent mutant: U+FFFF is a noncharacter, neither control nor format.
    // Stryker disable next-line EqualityOperator
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * What `value` says of itself, as `message` or as a string; never throws, whatever a getter, a proxy or `toString`
 * does.
 */
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
  const copy = new Error(redact(printable(textOf(error))));
  try {
    const { name, code, cause } = error as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === "string") copy.name = redact(printable(name));
    if (typeof code === "string" || typeof code === "number")
      Object.assign(copy, { code: typeof code === "string" ? redact(printable(code)) : code });
    if (cause !== undefined && depth > 0) copy.cause = redactedError(cause, redact, depth - 1);
  } catch {
    // A getter or a proxy that throws leaves the copy with what it has.
  }
  return copy;
}
