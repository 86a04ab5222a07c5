// Checks before any I/O (arguments, options) and after (2xx bodies), all against the validators
// generated from the spec, with messages that name the field and say what was expected.
import * as validators from "../generated/validators.js";
import type { ValidationError, Validator } from "../generated/validators.js";
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";
import type { QualificationsClientOptions } from "./client.js";

type Check = Validator | ((value: unknown) => boolean);

/** Throws an `invalid-argument` error unless `test` accepts `value`. */
export function checkArgument(value: unknown, name: string, test: Check, expected: string): void {
  if (!test(value)) throw new PartnerCenterClientError("invalid-argument", `${name} must be ${expected}; got ${describe(value)}`);
}

export function checkCustomerTenantId(value: unknown): void {
  checkArgument(value, "customerTenantId", validators.customerTenantIdParameter, "a GUID such as 4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c");
}

interface Variants {
  property: string;
  byValue: Record<string, Validator>;
}

/**
 * Throws unless `body` keeps the contract: `invalid-response` for what Partner Center sent,
 * `invalid-argument` for what the caller asked to send. A discriminated body is checked against
 * the variant its discriminator names, so the message speaks of that variant.
 */
export function checkBody(check: Validator | Variants, body: unknown, describeRequest: () => RequestDetails, kind: "invalid-response" | "invalid-argument" = "invalid-response"): void {
  const fail = (problem: string): never => {
    const details = describeRequest();
    const subject = kind === "invalid-response" ? `${details.request} answered a body that breaks the contract` : `${details.request}: the request breaks the contract`;
    throw new PartnerCenterClientError(kind, `${subject}: ${problem}`, details);
  };
  let validate: Validator;
  if (typeof check === "function") {
    validate = check;
  } else {
    const value = (body as Record<string, unknown> | null)?.[check.property];
    const variant = typeof body === "object" && body !== null && typeof value === "string" ? check.byValue[value] : undefined;
    if (!variant) {
      const allowed = Object.keys(check.byValue).join(", ");
      const got = typeof body === "object" && body !== null ? describe(value) : describe(body);
      return fail(`${check.property} must be one of ${allowed}; got ${got}`);
    }
    validate = variant;
  }
  if (!validate(body)) fail(explain(validate.errors ?? []));
}

// The most specific complaint: the deepest field that failed, without the summaries that oneOf
// and anyOf add, and without the known-values enum of an open value set when the type itself failed.
function explain(errors: ValidationError[]): string {
  const specific = errors.filter((error) => error.keyword !== "oneOf" && error.keyword !== "anyOf");
  const pathOf = (error: ValidationError) =>
    error.keyword === "required" ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
  const depth = Math.max(...specific.map((error) => pathOf(error).split("/").length));
  const deepest = specific.filter((error) => pathOf(error).split("/").length === depth);
  const first = deepest[0];
  if (!first) return "it does not match the schema";
  const path = pathOf(first);
  const onlyEnums = deepest.every((error) => error.keyword === "enum");
  const messages = [...new Set(deepest.filter((error) => onlyEnums || error.keyword !== "enum").map((error) => messageOf(error)))];
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
    case "pattern":
      return `must match the pattern ${String(params.pattern)}`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}`;
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
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : `${index === 0 ? "" : "."}${part.replaceAll("~1", "/").replaceAll("~0", "~")}`))
    .join("");
}

/** A short, safe picture of a value for an error message. */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "function" ? "a function" : `an ${typeof value}`;
}

const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
const isNonNegativeInteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isNonNegativeNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value) && value >= 0;
const isPositiveNumber = (value: unknown) => typeof value === "number" && Number.isFinite(value) && value > 0;
const isHeaderValue = (value: unknown) => typeof value === "string" && !/[\r\n\0]/.test(value);

export { isPlainObject, isPositiveNumber };

/** Checks the options of createQualificationsClient before anything else happens. */
export function checkOptions(options: QualificationsClientOptions): void {
  checkArgument(options, "options", isPlainObject, "an object such as { accessToken }");
  const { accessToken, baseUrl, fetch, retry, timeoutMs, locale, application, contractVersion, validateResponses } = options;
  checkArgument(accessToken, "accessToken", (value) => (typeof value === "string" && value !== "") || typeof value === "function", "a non-empty string or a function that returns one");
  if (baseUrl !== undefined) checkArgument(baseUrl, "baseUrl", isHttpUrl, "an http or https URL such as https://api.partnercenter.microsoft.com");
  if (fetch !== undefined) checkArgument(fetch, "fetch", (value) => typeof value === "function", "a fetch function");
  if (timeoutMs !== undefined) checkArgument(timeoutMs, "timeoutMs", isPositiveNumber, "a positive number of milliseconds");
  if (validateResponses !== undefined) checkArgument(validateResponses, "validateResponses", (value) => typeof value === "boolean", "true or false");
  if (retry !== undefined && retry !== false) {
    checkArgument(retry, "retry", isPlainObject, "false or an object such as { retries: 3, minDelayMs: 500, maxDelayMs: 30000 }");
    const { retries, ...delays } = retry;
    if (retries !== undefined) checkArgument(retries, "retry.retries", isNonNegativeInteger, "a whole number, 0 or more");
    for (const [name, value] of Object.entries(delays)) {
      if (value !== undefined) checkArgument(value, `retry.${name}`, isNonNegativeNumber, "a number of milliseconds, 0 or more");
    }
    if (delays.minDelayMs !== undefined && delays.maxDelayMs !== undefined) {
      checkArgument(delays.minDelayMs, "retry.minDelayMs", (value) => (value as number) <= delays.maxDelayMs!, `at most retry.maxDelayMs (${delays.maxDelayMs})`);
    }
  }
  const headerOptions = [
    ["locale", locale, validators.xLocaleParameter],
    ["application", application, validators.msPartnerCenterApplicationParameter],
    ["contractVersion", contractVersion, validators.msContractVersionParameter],
  ] as const;
  for (const [name, value, validate] of headerOptions) {
    if (value !== undefined) checkArgument(value, name, (v) => validate(v) && isHeaderValue(v), "a string without line breaks");
  }
}

/** Checks the per-call options of the high-level methods. */
export function checkCallOptions(call: { signal?: unknown; correlationId?: unknown; requestId?: unknown; headers?: unknown }): void {
  checkArgument(call, "call options", isPlainObject, "an object such as { signal, correlationId }");
  const { signal, correlationId, requestId, headers } = call;
  if (signal !== undefined) checkArgument(signal, "signal", (value) => value instanceof AbortSignal, "an AbortSignal");
  if (correlationId !== undefined) checkArgument(correlationId, "correlationId", validators.msCorrelationIdParameter, "a uuid");
  if (requestId !== undefined) checkArgument(requestId, "requestId", validators.msRequestIdParameter, "a uuid");
  if (headers !== undefined) {
    checkArgument(headers, "headers", isPlainObject, "an object of header names and string values");
    for (const [name, value] of Object.entries(headers as object)) checkArgument(value, `headers["${name}"]`, isHeaderValue, "a string without line breaks");
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
