// The redaction path itself (src/client/redaction.ts), without a server: the readings of a text, the spans
// cut out of it, one-line text, and the plain copies of errors.
import { describe, expect, test } from "vitest";
import { printable, redactedError, redactorOf, textOf } from "../../src/client/redaction.js";

const A = "AbCdEfGh12345678/+xyz";
const redact = redactorOf([A]);

describe("redactorOf", () => {
  test.each([
    ["as it is", `x ${A} y`, "x [redacted] y"],
    ["with a JSON escape", `x \\u0041bCdEfGh12345678\\/+xyz y`, "x [redacted] y"],
    ["with a URL escape", `x AbCdEfGh12345678%2F%2Bxyz y`, "x [redacted] y"],
    ["URL-encoded twice", `x AbCdEfGh12345678%252F+xyz y`, "x [redacted] y"],
    ["JSON-escaped twice", `x \\\\u0041bCdEfGh12345678/+xyz y`, "x [redacted] y"],
    ["JSON-escaped, then URL-encoded", `x %5Cu0041bCdEfGh12345678/+xyz y`, "x [redacted] y"],
    ["with quoted pairs", `x \\A\\b\\C\\dEfGh12345678/+xyz y`, "x [redacted] y"],
    ["twice, side by side", `${A}${A}`, "[redacted][redacted]"],
    ["after escapes that are not the token's", `\\u00e9\\n%41 ${A}`, "\\u00e9\\n%41 [redacted]"],
    ["nowhere", "x \\u0041 %41 y", "x \\u0041 %41 y"],
  ])("finds a token %s and keeps the rest of the text as it was", (_case, text, redacted) => {
    expect(redact(text)).toBe(redacted);
  });

  test("a text shorter than one of the call's tokens is still read for the others", () => {
    const long = `${A}${"x".repeat(2_000)}`;
    expect(redactorOf([long, A])(`<${A}>`)).toBe("<[redacted]>");
    expect(redactorOf([A, long])(`<${A.toLowerCase()}>`, true)).toBe("<[redacted]>");
    expect(redactorOf([long])(A)).toBe(A);
  });

  test("spans of two tokens that overlap are one: the text between them is not kept", () => {
    const first = "0123456789abcdefXYZ";
    const second = "cdefXYZ0123456789klmn";
    expect(redactorOf([first, second])(`<${first}0123456789klmn>`)).toBe("<[redacted]>");
    expect(redactorOf([second, first])(`<${first}0123456789klmn>`)).toBe("<[redacted]>");
  });

  test("a token inside another is cut out with it", () => {
    const inner = "AAAAAAAAAAAAAAAAAAAA.sig";
    expect(redactorOf([inner, `p-${inner}.q`])(`echo: p-${inner}.q!`)).toBe("echo: [redacted]!");
  });

  test("tokens shorter than 16 characters are placeholders and stay", () => {
    expect(redactorOf(["0123456789abcde"])("0123456789abcde")).toBe("0123456789abcde");
    expect(redactorOf(["0123456789abcdef"])("0123456789abcdef")).toBe("[redacted]");
  });

  test("anyCase matches letters in either case, and only then", () => {
    expect(redact(A.toLowerCase())).toBe(A.toLowerCase());
    expect(redact(`https://${A.toLowerCase()}`, true)).toBe("https://[redacted]");
    expect(redact(`x-%41bcdefgh12345678%2f+xyz`, true)).toBe("x-[redacted]");
  });

  test("the tokens are read when the text is, so a token added later is redacted too", () => {
    const tokens: string[] = [];
    const later = redactorOf(tokens);
    expect(later(A)).toBe(A);
    tokens.push(A);
    expect(later(A)).toBe("[redacted]");
  });
});

describe("printable", () => {
  test.each([
    ["CR and LF", "a\r\nb", "a\\u000d\\u000ab"],
    ["ESC", "\u001b[31m", "\\u001b[31m"],
    ["a direction mark", "a\u061cb", "a\\u061cb"],
    ["a line separator", "a\u2028b", "a\\u2028b"],
    ["a format character beyond 16 bits", "a\u{e0001}b", "a\\u{e0001}b"],
    ["letters, accents and emoji", "é 😀 ok", "é 😀 ok"],
  ])("writes %s as escapes, or keeps what prints", (_case, text, printed) => {
    expect(printable(text)).toBe(printed);
  });
});

describe("textOf", () => {
  test("a message, a string, or a fixed phrase when neither can be read", () => {
    expect(textOf(new Error("boom"))).toBe("boom");
    expect(textOf(10n)).toBe("10");
    expect(textOf(Object.create(null))).toBe("a value that cannot be shown");
  });
});

describe("redactedError", () => {
  test("copies the name, a string or number code and causes three levels down, each redacted and printable", () => {
    const original = Object.assign(new TypeError(`fail ${A}\n`), {
      code: `E_${A}`,
      request: { headers: { authorization: A } },
    });
    original.cause = Object.assign(new Error("one"), {
      code: 7,
      cause: new Error("two", { cause: new Error("three", { cause: new Error("four") }) }),
    });
    const copy = redactedError(original, redact);
    expect(copy).toMatchObject({ name: "TypeError", message: "fail [redacted]\\u000a", code: "E_[redacted]" });
    expect(copy).not.toHaveProperty("request");
    const one = copy.cause as Error & { code: number };
    expect([one.message, one.code]).toEqual(["one", 7]);
    const three = (one.cause as Error).cause as Error;
    expect(three.message).toBe("three");
    expect(three.cause).toBeUndefined();
  });

  test("a name or code of another type is not copied, and no cause is made up", () => {
    const copy = redactedError({ message: "odd", name: 5, code: { nested: true }, cause: new Error("kept") }, redact);
    expect(copy.name).toBe("Error");
    expect(copy).not.toHaveProperty("code");
    expect((copy.cause as Error).message).toBe("kept");
    expect(redactedError(new Error("alone"), redact).cause).toBeUndefined();
  });
});
