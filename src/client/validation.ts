// Checks before any I/O (arguments, options) and after (2xx bodies), all against the spec's schemas,
// with messages that name the field and say what was expected.
import * as schemas from "../../generated/schemas.js";
import { isPlainObject, validate, variantOf, type Schema, type ValidationError, type Variants } from "./schema.js";
import { clip, PartnerCenterClientError, type RequestDetails } from "./errors.js";
import type { CreateCallOptions, QualificationsClientOptions, TokenCredential } from "./client.js";
import { textOf } from "./redaction.js";
import { CONNECTION_HEADERS, isConnectionHeader, type RetryOptions } from "./transport.js";

type Check = (value: unknown) => boolean;
const keeps =
  (schema: Schema): Check =>
  (value) =>
    validate(schema, value).length === 0;

/** Throws an `invalid-argument` error unless `test` accepts `value`; `show` says what the value is. */
export function checkArgument(value: unknown, name: string, test: Check, expected: string, show = describe): void {
  if (!test(value))
    throw new PartnerCenterClientError("invalid-argument", `${name} must be ${expected}; got ${show(value)}`);
}

/** A value as JSON will send it, and its text: own enumerable fields only, after any `toJSON`. Refused if JSON cannot write it (a BigInt, a cycle, a getter that throws). */
export function toJsonBody(value: unknown, request: string): { value: unknown; text: string } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new PartnerCenterClientError(
      "invalid-argument",
      `${request}: the request cannot be written as JSON: ${clip(textOf(error), 100)}`,
    );
  }
  // undefined, a function or a symbol has no JSON text: the check then finds no object, and nothing is sent.
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, that text is never sent
  return text === undefined ? { value, text: "" } : { value: JSON.parse(text), text };
}

export function checkCustomerTenantId(value: unknown): void {
  checkArgument(
    value,
    "customerTenantId",
    keeps(schemas.customerTenantIdParameter),
    "a GUID such as 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
  );
}

/**
 * Throws unless `body` keeps the contract: `invalid-response` for what Partner Center sent,
 * `invalid-argument` for what the caller asked to send.
 */
export function checkBody(
  check: Schema | Variants,
  body: unknown,
  describeRequest: () => RequestDetails,
  kind: "invalid-response" | "invalid-argument" = "invalid-response",
): void {
  const problem = bodyProblem(check, body);
  if (problem === undefined) return;
  const details = describeRequest();
  const subject =
    kind === "invalid-response"
      ? `${details.request} answered a body that breaks the contract`
      : `${details.request}: the request breaks the contract`;
  throw new PartnerCenterClientError(kind, `${subject}: ${problem}`, details);
}

/**
 * The rule `body` breaks, in words (none when it keeps the contract). A discriminated body is checked
 * against the variant its discriminator names, so the words speak of that variant.
 */
export function bodyProblem(check: Schema | Variants, body: unknown): string | undefined {
  let schema: Schema;
  if (!("byValue" in check)) {
    schema = check;
  } else {
    const variant = variantOf(check, body);
    if (!variant) {
      const allowed = Object.keys(check.byValue).join(", ");
      const got =
        typeof body === "object" && body !== null
          ? describe((body as Record<string, unknown>)[check.property])
          : describe(body);
      return `${check.property} must be one of ${allowed}; got ${got}`;
    }
    schema = variant;
  }
  const errors = validate(schema, body);
  return errors.length ? explain(errors) : undefined;
}

// The most specific complaint: the deepest field that failed, without the summaries that oneOf
// and anyOf add, and without the known-values enum of an open value set when the type itself failed.
export function explain(errors: ValidationError[]): string {
  const specific = errors.filter((error) => error.keyword !== "oneOf" && error.keyword !== "anyOf");
  const pathOf = (error: ValidationError) =>
    error.keyword === "required" ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
  const depth = Math.max(...specific.map((error) => pathOf(error).split("/").length));
  const deepest = specific.filter((error) => pathOf(error).split("/").length === depth);
  const first = deepest[0];
  if (!first) return "it does not match the schema";
  const path = pathOf(first);
  const onlyEnums = deepest.every((error) => error.keyword === "enum");
  const messages = [
    ...new Set(deepest.filter((error) => onlyEnums || error.keyword !== "enum").map((error) => messageOf(error))),
  ];
  return `${fieldName(path)} ${messages.join(", or ")}`;
}

function messageOf({ keyword, params }: ValidationError): string {
  switch (keyword) {
    case "required":
      return "is required";
    case "type":
      return `must be ${String(params.type).replace(",", " or ")}`;
    case "format":
      return `must match format "${String(params.format)}"`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
    default:
      return `fails the schema's "${keyword}" rule`;
  }
}

// "/0/qualification" → "[0].qualification"; "" → "the body".
function fieldName(pointer: string): string {
  if (pointer === "") return "the body";
  return pointer
    .slice(1)
    .split("/")
    .map((part, index) =>
      /^\d+$/.test(part) ? `[${part}]` : `${index === 0 ? "" : "."}${part.replaceAll("~1", "/").replaceAll("~0", "~")}`,
    )
    .join("");
}

// A header's value may be a secret (an API key): a message says what is wrong with it, never what it is.
function unquoted(value: unknown): string {
  if (typeof value !== "string") return typeof value === "object" ? describe(value) : `a ${typeof value}`;
  const at = value.search(/[^\t\x20-\x7e\xa0-\xff]/);
  return at === -1
    ? `a string of ${value.length} character${value.length === 1 ? "" : "s"}`
    : `a string with a control character or one beyond Latin-1 at index ${at}`;
}

/** A short, safe picture of a value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(clip(value, 60));
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" && value ? "an object" : typeof value === "function" ? "a function" : String(value);
}

const isFunction = (value: unknown) => typeof value === "function";

/** A test and what it expects, for an option that may be left out, and how a message shows a refused value. */
export type Rule = [test: Check, expected: string, show?: (value: unknown) => string];

// What a timer holds: Node runs a longer setTimeout after 1 ms instead.
const MAX_TIMER_MS = 2 ** 31 - 1;
const ms = (least = 1): Rule => [
  (value) => typeof value === "number" && value >= least && value <= MAX_TIMER_MS,
  `a number of milliseconds from ${least} to ${MAX_TIMER_MS}`,
];
const flag: Rule = [(value) => typeof value === "boolean", "true or false"];
// A header value that fetch sends and servers read alike: tabs, spaces, visible ASCII and Latin-1 letters.
const headerValue: Rule = [
  (value) => typeof value === "string" && /^[\t\x20-\x7e\xa0-\xff]*$/.test(value),
  "a string without line breaks or other control characters",
  unquoted,
];
// The spec's X-Locale, MS-PartnerCenter-Application and MS-Contract-Version are plain strings, and its
// two ids uuids of the same format (test/schema.test.ts holds it to that).
const uuid: Rule = [keeps(schemas.msCorrelationIdParameter), "a uuid", unquoted];
export const timerMs = ms();
// Read by what it does, not by its class: a signal of another realm (an iframe, a vm context) or of a polyfill works as well.
export const signalRule: Rule = [
  (value) =>
    typeof (value as AbortSignal | null)?.aborted === "boolean" &&
    isFunction((value as AbortSignal).addEventListener) &&
    isFunction((value as AbortSignal).removeEventListener),
  "an AbortSignal",
];
export const functionRule: Rule = [isFunction, "a function"];

/** Checks every option of `object` that is set against its rule. */
export function checkEach(object: object, rules: Record<string, Rule>, prefix = ""): void {
  for (const name in rules) {
    const value = (object as Record<string, unknown>)[name];
    if (value !== undefined) checkArgument(value, prefix + name, ...rules[name]!);
  }
}

const retryRule: Rule = [
  (value) => value === false || isPlainObject(value),
  "false or an object such as { retries: 3, minDelayMs: 500 }",
];
// A Headers or a Map holds its headers where Object.entries does not look: refused rather than sent empty.
const headersRule: Rule = [
  (value) => isPlainObject(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value)),
  "a plain object of header names and string values (for a Headers or a Map: Object.fromEntries(headers))",
];

function checkRetry(retry: RetryOptions | false | undefined): void {
  if (!retry) return;
  // Waits have a floor: sooner retries only hammer a server that is already struggling.
  checkEach(
    retry,
    {
      retries: [(value) => Number.isInteger(value) && (value as number) >= 0, "a whole number, 0 or more"],
      minDelayMs: ms(10),
      maxDelayMs: ms(10),
      maxRetryAfterMs: ms(0),
      maxElapsedMs: ms(0),
    },
    "retry.",
  );
  const { minDelayMs = 0, maxDelayMs = Infinity } = retry;
  checkArgument(
    minDelayMs,
    "retry.minDelayMs",
    () => minDelayMs <= maxDelayMs,
    `at most retry.maxDelayMs (${maxDelayMs})`,
  );
}

/**
 * Checks headers given by the caller: HTTP token names, values fetch can send, none of `owned` (the
 * headers the client sets itself) in any letter case, and the Partner Center ids as uuids.
 */
function checkHeaders(headers: object, owned: string[]): void {
  for (const [name, value] of Object.entries(headers)) {
    checkArgument(
      name,
      "a header name",
      (value) => /^[\w!#$%&'*+.^`|~-]+$/.test(value as string),
      "a token such as Prefer",
    );
    checkArgument(
      name,
      "a header name",
      () => !owned.some((header) => header.toLowerCase() === name.toLowerCase()),
      `one the client does not set itself (${owned.join(", ")})`,
    );
    checkArgument(
      name,
      "a header name",
      () => !isConnectionHeader(name),
      `none of the connection's own, which fetch sets itself (${[...CONNECTION_HEADERS].join(", ")})`,
    );
    checkArgument(value, `headers["${name}"]`, ...(/^ms-(request|correlation)id$/i.test(name) ? uuid : headerValue));
  }
}

/** Checks the options of createQualificationsClient before anything else happens. */
export function checkOptions(options: QualificationsClientOptions): void {
  checkArgument(options, "options", isPlainObject, "an object such as { accessToken }");
  const { accessToken, credential, baseUrl, retry, headers } = options;
  if (credential === undefined) {
    checkArgument(
      accessToken,
      "accessToken",
      (value) => (typeof value === "string" && value !== "") || isFunction(value),
      "a non-empty string or a function that returns one",
    );
  } else {
    checkArgument(
      credential,
      "credential",
      (value) => isFunction((value as TokenCredential | null)?.getToken) && accessToken === undefined,
      "a TokenCredential (an object with getToken), given without accessToken",
    );
  }
  // The token goes where baseUrl says, so it may hold no credentials (never echoed), query or fragment.
  if (baseUrl !== undefined) {
    const shown = /@/.test(baseUrl) ? "(not shown: it has an @)" : baseUrl;
    checkArgument(
      shown,
      "baseUrl",
      () => /^https?:\/\/[^@?#]+$/i.test(baseUrl) && URL.canParse(baseUrl),
      "an http or https URL such as https://api.partnercenter.microsoft.com, without user:password@, query or fragment",
    );
  }
  checkEach(options, {
    fetch: [isFunction, "a fetch function"],
    timeoutMs: timerMs,
    maxResponseBytes: [
      (value) => Number.isSafeInteger(value) && (value as number) > 0,
      "a whole number of bytes, 1 or more",
    ],
    validateResponses: flag,
    allowInsecureHttp: flag,
    locale: headerValue,
    application: headerValue,
    contractVersion: headerValue,
    retry: retryRule,
    headers: headersRule,
    onRequest: functionRule,
    onResponse: functionRule,
    onRetry: functionRule,
  });
  checkRetry(retry);
  // MS-RequestId is the idempotency key of one call: the same one on every call would make them one.
  checkHeaders(headers ?? {}, ["Authorization", "Accept", "MS-RequestId"]);
}

/** Checks the per-call options of the high-level methods. */
export function checkCallOptions(call: CreateCallOptions): void {
  checkArgument(call, "call options", isPlainObject, "an object such as { signal, correlationId }");
  checkEach(call, {
    signal: signalRule,
    correlationId: uuid,
    requestId: uuid,
    headers: headersRule,
    retry: retryRule,
    timeoutMs: timerMs,
  });
  checkRetry(call.retry);
  checkHeaders(call.headers ?? {}, ["Authorization", "Accept"]);
}
