// What every mock refuses before a call is carried out, and the error answers it gives: a path or method
// that is no call of the contract (404; 405 with Allow), no bearer token (401), an Accept without JSON (406),
// a body over 1 MiB (413), and a request that breaks the contract (400, naming the rule it breaks: ids, body,
// query, Prefer). The guard answers these in front of Prism (guard.ts); the engine for its HTTP server and
// the MSW handlers. No I/O.
import { examples } from "../../generated/examples.js";
import * as schemas from "../../generated/schemas.js";
import { matches, type Schema, type Variants } from "../contract/schema.js";
import { bodyProblem } from "../contract/messages.js";
import type { Match } from "../contract/routes.js";

/**
 * A request as the engine, and the guard in front of Prism, read it: the call the adapter matched
 * (../contract/routes.ts) with its path parameter, and the request's method, path, query, headers and body as
 * they came.
 */
export interface EngineRequest extends Match {
  /** The method and path as they came: the words of a 404, nothing more. */
  method: string;
  path: string;
  /** The query as it came, without its `?`; none or "" when there is none. */
  query?: string | undefined;
  headers: { get(name: string): string | null };
  /** The body's text; none, or "", when there is no body. */
  body?: string | undefined;
}

export interface ErrorResponse {
  status: 400 | 401 | 404 | 405 | 406 | 409 | 413 | 501;
  /** The rule the request broke, in words: it goes into the error's `description` and `data`. */
  detail?: string;
  headers?: Record<string, string>;
}

/** An HTTP request's headers as the mocks read them: a header sent more than once is one comma-separated list. */
export function headersOf(request: {
  headersDistinct: Record<string, string[] | undefined>;
}): EngineRequest["headers"] {
  return { get: (name) => request.headersDistinct[name.toLowerCase()]?.join(", ") ?? null };
}

/** The ids every answer of the mocks carries: the request's, or a new uuid for one it did not send as a uuid. */
export function idsOf(headers: EngineRequest["headers"]): Record<"MS-RequestId" | "MS-CorrelationId", string> {
  const echoed = (name: string) => {
    const value = headers.get(name);
    return value !== null && matches(schemas.msRequestIdParameter, value) ? value : crypto.randomUUID();
  };
  return { "MS-RequestId": echoed("MS-RequestId"), "MS-CorrelationId": echoed("MS-CorrelationId") };
}

const errors = examples.getCustomerQualifications.responses;

/** The contract's error body for `status` (its first example), with the broken rule in words when there is one. */
export function errorBody(status: keyof typeof errors, detail?: string): object {
  const [example] = Object.values(errors[status]) as { description?: string }[];
  if (detail === undefined) return structuredClone(example!);
  return { ...structuredClone(example!), description: `${example!.description}: ${detail}`, data: [detail] };
}

export const RETIRED_DETAIL =
  "the retired synchronous calls are not modelled by the stateful mock; the static mock serves their examples";
export const BODY_LIMIT_BYTES = 1024 * 1024;
// Far deeper than any body of these calls; Prism fails (a 500) on bodies nested some thousands deep.
const NESTING_LIMIT = 100;

const BEARER = /^Bearer \S+$/;
const CHALLENGE = { "WWW-Authenticate": "OAuth realm=urn:cpsvc:cpid:00000000-0000-0000-0000-000000000000" };
// The bodies the contract takes: JSON, in UTF-8 (JSON's own encoding) when a charset is named at all.
const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

// The requests that carry a body, and the schema it keeps; `required` when the call needs one.
const BODIES: Partial<Record<NonNullable<Match["operationId"]>, { check: Schema | Variants; required: boolean }>> = {
  createCustomerQualification: { check: schemas.createCustomerQualificationRequestVariants, required: true },
  updateCustomerQualificationLegacy: { check: schemas.updateCustomerQualificationLegacyRequest, required: false },
};

/** Why the mocks refuse `request` before carrying it out; undefined when they carry it out. */
export function errorResponseOf(request: EngineRequest): ErrorResponse | undefined {
  if (request.operationId === undefined) {
    if (request.allow !== undefined) return { status: 405, headers: { Allow: request.allow } };
    return { status: 404, detail: `${request.method} ${request.path} is not a call of this contract` };
  }
  if (!BEARER.test(request.headers.get("Authorization") ?? "")) return { status: 401, headers: CHALLENGE };
  if (!acceptsJson(request.headers.get("Accept")))
    return { status: 406, detail: "every answer of this contract is application/json, which Accept does not take" };
  if (new TextEncoder().encode(request.body ?? "").length > BODY_LIMIT_BYTES)
    return { status: 413, detail: `the body is longer than ${BODY_LIMIT_BYTES} bytes` };
  const problem = requestProblem(request);
  return problem === undefined ? undefined : { status: 400, detail: problem };
}

// No Accept, or one with a range that takes application/json (its own, application/*, */*) at a quality above 0.
function acceptsJson(accept: string | null): boolean {
  if (accept === null || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const [type = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    return (
      ["application/json", "application/*", "*/*"].includes(type) &&
      (quality === undefined || Number(quality.slice(2)) > 0)
    );
  });
}

// The deepest nesting of arrays and objects in JSON text, strings skipped.
function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "[" || character === "{") deepest = Math.max(deepest, ++depth);
    else if (character === "]" || character === "}") depth--;
  }
  return deepest;
}

function requestProblem({
  operationId,
  customerTenantId,
  query = "",
  headers,
  body = "",
}: EngineRequest): string | undefined {
  // Prism decodes the query and dies on an escape that is no escape (URIError); so would any server's parser.
  if (/%(?![0-9a-f]{2})/i.test(query)) return "the query holds a % that starts no escape";
  if (customerTenantId !== undefined && !matches(schemas.customerTenantIdParameter, customerTenantId))
    return "customer-tenant-id must be a GUID";
  for (const name of ["MS-RequestId", "MS-CorrelationId"]) {
    const value = headers.get(name);
    if (value && !matches(schemas.msRequestIdParameter, value)) return `${name} must be a uuid`;
  }
  const prefer = preferenceSyntaxProblem(headers);
  if (prefer) return prefer;
  const expected = BODIES[operationId!];
  if (!expected) return body === "" ? undefined : "this call takes no body";
  if (body === "") return expected.required ? "the body is required" : undefined;
  if (!JSON_MEDIA_TYPE.test(headers.get("Content-Type") ?? ""))
    return "the body must be JSON: Content-Type application/json, in UTF-8";
  if (nestingOf(body) > NESTING_LIMIT) return `the body nests deeper than ${NESTING_LIMIT} levels`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "the body is not valid JSON";
  }
  const problem = bodyProblem(expected.check, parsed);
  return problem === undefined ? undefined : `the body breaks the contract: ${problem.text}`;
}

// The `Prefer` header's preferences as [name in lower case, value]: `Prefer: code=200, example=inReview`
// (Prism's convention); a preference without `=` has the value "".
function preferencesOf(headers: EngineRequest["headers"]): [string, string][] {
  return (headers.get("Prefer") ?? "").split(",").map((part) => {
    const equals = part.includes("=") ? part.indexOf("=") : part.length;
    return [part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim()];
  });
}

/** The value of a preference of the `Prefer` header, by name in any letter case; none when it is absent or empty. */
export function preference(headers: EngineRequest["headers"], name: string): string | undefined {
  return preferencesOf(headers).find(([key, value]) => key === name && value !== "")?.[1];
}

// Prism reads these preferences (the stateful mock's proxy too) and answers its own 422 when it cannot
// decode one; the engine reads code and vetting. Their values must be what Prism can read.
function preferenceSyntaxProblem(headers: EngineRequest["headers"]): string | undefined {
  for (const [name, value] of preferencesOf(headers)) {
    if (!["code", "example", "dynamic"].includes(name)) continue;
    if (value === "") return `Prefer: ${name}= needs a value`;
    if (name === "code" && !/^[1-5]\d\d$/.test(value))
      return `Prefer: code=${value} must be an HTTP status such as 200`;
    if (name === "dynamic" && value !== "true" && value !== "false")
      return `Prefer: dynamic=${value} must be true or false`;
  }
  return undefined;
}

const answers = examples as Record<string, { responses: Record<string, Record<string, unknown>> }>;

/**
 * Why Prism could not follow the request's `Prefer` header (it would answer its own 404, 422 or 500): a
 * `code` the call does not declare, or an `example` its answer does not have. Undefined when it can.
 */
export function preferenceProblem(
  operationId: NonNullable<Match["operationId"]>,
  headers: EngineRequest["headers"],
): string | undefined {
  const { responses } = answers[operationId]!;
  const code = preference(headers, "code");
  const example = preference(headers, "example");
  if (code !== undefined && !Object.hasOwn(responses, code))
    return `Prefer: code=${code} is no status of this call; it declares ${Object.keys(responses).join(", ")}`;
  // Without a code, Prism answers the lowest 2xx the call declares.
  const status = code ?? Object.keys(responses).find((key) => key.startsWith("2"))!;
  const names = Object.keys(responses[status]!);
  if (example !== undefined && !Object.hasOwn(responses[status]!, example)) {
    const known = names.join(", ") || "none";
    return `Prefer: example=${example} is no example of the ${status} answer of this call; it has ${known}`;
  }
  return undefined;
}
