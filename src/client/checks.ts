// Checks of what the caller gives, before anything is sent, and of 2xx bodies after: each failure names
// the field and says what was expected.
import * as schemas from "../../generated/schemas.js";
import { bodyProblem, clip, showValue } from "../contract/messages.js";
import { EXAMPLE_TENANT_ID } from "../contract/paths.js";
import { isPlainObject, matches, type Schema, type Variants } from "../contract/schema.js";
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";
import { textOf } from "./redaction.js";
import { MAX_TIMER_MS } from "./signals.js";

type Test = (value: unknown) => boolean;

/** A test and what it expects, for an option that may be left out, and how a message shows a refused value. */
export type Rule = [test: Test, expected: string, show?: (value: unknown) => string];

/** Throws an `invalid-argument` error unless `test` accepts `value`; `show` says what the value is. */
export function checkArgument(value: unknown, name: string, test: Test, expected: string, show = showValue): void {
  if (!test(value))
    throw new PartnerCenterClientError("invalid-argument", `${name} must be ${expected}; got ${show(value)}`);
}

/** Checks every option of `object` that is set against its rule. */
export function checkEach(object: object, rules: Record<string, Rule>, prefix = ""): void {
  for (const name in rules) {
    const value = (object as Record<string, unknown>)[name];
    if (value !== undefined) checkArgument(value, prefix + name, ...rules[name]!);
  }
}

export const isFunction = (value: unknown) => typeof value === "function";

const ms = (least = 1): Rule => [
  (value) => typeof value === "number" && value >= least && value <= MAX_TIMER_MS,
  `a number of milliseconds from ${least} to ${MAX_TIMER_MS}`,
];
export const timerMs = ms();
export const delayMs = ms(10);
export const limitMs = ms(0);
export const flag: Rule = [(value) => typeof value === "boolean", "true or false"];
export const functionRule: Rule = [isFunction, "a function"];
// Read by what it does, not by its class: a signal of another realm (an iframe, a vm context) or of a
// polyfill works as well.
export const signalRule: Rule = [
  (value) =>
    typeof (value as AbortSignal | null)?.aborted === "boolean" &&
    isFunction((value as AbortSignal).addEventListener) &&
    isFunction((value as AbortSignal).removeEventListener),
  "an AbortSignal",
];

// A header's value may be a secret (an API key): a message says what is wrong with it, never what it is.
function unquoted(value: unknown): string {
  if (typeof value !== "string") return typeof value === "object" ? showValue(value) : `a ${typeof value}`;
  const at = value.search(/[^\t\x20-\x7e\xa0-\xff]/);
  if (at !== -1) return `a string with a control character or one beyond Latin-1 at index ${at}`;
  return `a string of ${value.length} character${value.length === 1 ? "" : "s"}`;
}

// A header value that fetch sends and servers read alike: tabs, spaces, visible ASCII and Latin-1 letters.
export const headerValue: Rule = [
  (value) => typeof value === "string" && /^[\t\x20-\x7e\xa0-\xff]*$/.test(value),
  "a string without line breaks or other control characters",
  unquoted,
];
// The spec's two ids are uuids of the same format (test/contract/schema.test.ts holds it to that).
export const uuid: Rule = [(value) => matches(schemas.msCorrelationIdParameter, value), "a uuid", unquoted];
// A Headers or a Map holds its headers where Object.entries does not look: refused rather than sent empty.
export const headersRule: Rule = [
  (value) => isPlainObject(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value)),
  "a plain object of header names and string values (for a Headers or a Map: Object.fromEntries(headers))",
];

// The connection's own headers, which fetch sets itself: undici fails on most of them (a network error
// after the call began), and browsers drop them all.
const CONNECTION_HEADERS = [
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

/** Whether a URL's hostname is this machine's: 127.0.0.1 and the rest of 127/8, localhost, [::1]. */
export const isLocalHost = (hostname: string): boolean => /^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);

/** Whether fetch refuses or drops a request header of this name, in any letter case. */
export function isConnectionHeader(name: string): boolean {
  return CONNECTION_HEADERS.includes(name.toLowerCase());
}

/**
 * Checks headers given by the caller: HTTP token names, values fetch can send, none of `owned` (the
 * headers the client sets itself) in any letter case, and the Partner Center ids as uuids.
 */
export function checkHeaders(headers: object, owned: string[]): void {
  for (const [name, value] of Object.entries(headers)) {
    const isOwned = owned.some((header) => header.toLowerCase() === name.toLowerCase());
    checkArgument(
      name,
      "a header name",
      (name) => /^[\w!#$%&'*+.^`|~-]+$/.test(name as string),
      "a token such as Prefer",
    );
    checkArgument(name, "a header name", () => !isOwned, `one the client does not set itself (${owned.join(", ")})`);
    const connection = `none of the connection's own, which fetch sets itself (${CONNECTION_HEADERS.join(", ")})`;
    checkArgument(name, "a header name", () => !isConnectionHeader(name), connection);
    checkArgument(value, `headers["${name}"]`, ...(/^ms-(request|correlation)id$/i.test(name) ? uuid : headerValue));
  }
}

/** What is wrong with a token, if anything, without quoting it. */
export function tokenProblem(token: unknown): string | undefined {
  // The Bearer token syntax (RFC 6750, b64token), which Entra ID's tokens keep: nothing that a header
  // cannot carry (fetch's own error would echo the token), and nothing JSON or a URL writes otherwise.
  if (typeof token === "string" && /^[\w.~+/-]+=*$/.test(token)) return undefined;
  const got = typeof token !== "string" ? typeof token : token ? "a string with other characters" : "an empty string";
  return `must be a Bearer token (letters, digits and -._~+/, then any =); got ${got}`;
}

export function checkCustomerTenantId(value: unknown): void {
  const test = (value: unknown) => matches(schemas.customerTenantIdParameter, value);
  checkArgument(value, "customerTenantId", test, `a GUID such as ${EXAMPLE_TENANT_ID}`);
}

/**
 * A value as JSON will send it, and its text: own enumerable fields only, after any `toJSON`. Refused if JSON
 * cannot write it (a BigInt, a cycle, a getter that throws).
 */
export function toJsonBody(value: unknown, request: string): { value: unknown; text: string } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const reason = clip(textOf(error), 100);
    throw new PartnerCenterClientError(
      "invalid-argument",
      `${request}: the request cannot be written as JSON: ${reason}`,
    );
  }
  // undefined, a function or a symbol has no JSON text: the check then finds no object, and nothing is sent.
  // Equivalent mutant: that text is never sent.
  // Stryker disable next-line ObjectLiteral,StringLiteral
  return text === undefined ? { value, text: "" } : { value: JSON.parse(text), text };
}

/**
 * Throws unless `body` keeps the contract: `invalid-response` for what Partner Center sent,
 * `invalid-argument` for what the caller asked to send.
 */
export function checkBody(
  check: Schema | Variants,
  body: unknown,
  details: RequestDetails,
  kind: "invalid-response" | "invalid-argument" = "invalid-response",
): void {
  const problem = bodyProblem(check, body);
  if (problem === undefined) return;
  const subject =
    kind === "invalid-response"
      ? `${details.request} answered a body that breaks the contract`
      : `${details.request}: the request breaks the contract`;
  throw new PartnerCenterClientError(kind, `${subject}: ${problem.text}`, details);
}
