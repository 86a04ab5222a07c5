import { printable, textOf, type Redact } from "./redaction.js";
import { clip } from "../contract/messages.js";
import type { ErrorBody, ThrottlingErrorBody } from "../contract/types.js";

/**
 * What went wrong, one value per kind of failure:
 * - `http`: Partner Center answered with a non-2xx status (a {@link PartnerCenterError}), redirects included;
 * - `timeout`: an attempt, or the whole call including retries, ran out of time;
 * - `network`: the connection failed (refused, reset, DNS) and retries did not help;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `invalid-response`: a 2xx answer that is not JSON or breaks the contract;
 * - `response-too-large`: an answer longer than `maxResponseBytes`; the rest of it was not read;
 * - `invalid-argument`: a bad argument or option, refused before anything was sent, or a qualification to wait for
 * that the customer does not have;
 * - `token`: the `accessToken` function or the `credential` failed, gave no token within `timeoutMs`, or gave something
 * that is not a token.
 */
export type PartnerCenterErrorKind =
  | "http"
  | "timeout"
  | "network"
  | "aborted"
  | "invalid-response"
  | "response-too-large"
  | "invalid-argument"
  | "token";

/** What an error knows of the request it ended: the fields of the same names on the error. */
export interface RequestDetails {
  /** `GET /v1/customers/…/qualifications`: what was being sent. */
  request?: string | undefined;
  /** The `MS-RequestId` and `MS-CorrelationId` the request carried, to quote to Microsoft support. */
  requestId?: string | undefined;
  correlationId?: string | undefined;
  /** How many attempts the call made: 0 if it ended before sending anything. */
  attempts?: number | undefined;
  cause?: unknown;
  /** The call's redaction: a message is redacted once it is written, for the escapes it writes could spell a token. */
  redact?: Redact | undefined;
}

// A global symbol marks the errors, so that the ESM and CommonJS builds of the package (two copies of
// these classes, which `instanceof` tells apart) recognise each other's.
const BRAND = Symbol.for("partner-center-qualifications.error");

/**
 * Every failure of this client is one of these; `kind` says which (see {@link AnyPartnerCenterClientError} to narrow by
 * it).
 */
export class PartnerCenterClientError<Kind extends PartnerCenterErrorKind = PartnerCenterErrorKind> extends Error {
  override name = "PartnerCenterClientError";
  readonly kind: Kind;
  declare readonly request: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly correlationId: string | undefined;
  /**
   * How many attempts the call made, also at the end of the message: 0 if it ended before sending anything; undefined
   * for a refused argument or another error that is not about one request.
   */
  declare readonly attempts: number | undefined;

  constructor(
    kind: Kind,
    message: string,
    { request, requestId, correlationId, attempts, cause, redact = (text) => text }: RequestDetails = {},
  ) {
    // A message quotes what a server or a callback said: written on one line, without control characters.
    super(
      redact(
        printable(attempts === undefined ? message : `${message} (${attempts} attempt${attempts === 1 ? "" : "s"})`),
      ),
      cause === undefined ? undefined : { cause },
    );
    this.kind = kind;
    Object.assign(this, { request, requestId, correlationId, attempts });
  }

  static {
    Object.defineProperty(PartnerCenterClientError.prototype, BRAND, { value: true });
  }

  /**
   * The fields, and what the cause says of itself, with the body cut to a size that is safe to log: `JSON.stringify`
   * works whatever the cause is.
   */
  toJSON(): Record<string, unknown> {
    return cut({
      ...this,
      message: this.message,
      cause: this.cause === undefined ? undefined : textOf(this.cause),
    }) as Record<string, unknown>;
  }
}

/** Any error of this client, as a union that `kind` narrows: `kind === "http"` gives a {@link PartnerCenterError}. */
export type AnyPartnerCenterClientError =
  | PartnerCenterError
  | PartnerCenterClientError<Exclude<PartnerCenterErrorKind, "http">>;

/**
 * Whether `value` is an error of this client, from either build of the package; false for a proxy whose traps throw.
 */
export function isPartnerCenterClientError(value: unknown): value is AnyPartnerCenterClientError {
  try {
    return (value as { [BRAND]?: unknown } | null | undefined)?.[BRAND] === true;
  } catch {
    // A proxy whose get trap throws is none of ours.
  }
  return false;
}

/**
 * `error` if it is one of this client's; else what a value given to `where` threw when read (a getter, a proxy, a
 * signal), as an `invalid-argument`.
 */
export function ownError(error: unknown, where: string): PartnerCenterClientError {
  return isPartnerCenterClientError(error)
    ? error
    : new PartnerCenterClientError(
        "invalid-argument",
        `${where}: a value it was given failed when read: ${clip(textOf(error))}`,
        { cause: error },
      );
}

/** Whether `value` is a non-2xx answer of Partner Center, from either build of the package. */
export function isPartnerCenterError(value: unknown): value is PartnerCenterError {
  return isPartnerCenterClientError(value) && value.kind === "http";
}

/** The fields of a {@link PartnerCenterError}: the HTTP status, Partner Center's error body, the request's details. */
export interface PartnerCenterErrorInit extends RequestDetails {
  status: number;
  /** The error body: parsed JSON where it was JSON, else the text ("" when empty). */
  body: PartnerCenterErrorBody;
  /** Whether `body` was parsed from JSON. */
  json: boolean;
  contentType?: string | null | undefined;
  /** Where a redirect pointed (its origin). */
  location?: string | undefined;
  /** Seconds to wait, from `Retry-After`. */
  retryAfter?: number | undefined;
}

/**
 * The body of a non-2xx answer: one of the contract's error bodies where it was a JSON object, the text
 * where it was not JSON ("" when empty), or the other JSON value Partner Center sent. Not checked
 * against the contract: Partner Center's errors come in more shapes than it documents.
 */
export type PartnerCenterErrorBody = ErrorBody | ThrottlingErrorBody | string | number | boolean | null | unknown[];

/** Partner Center (or the mock) answered with a non-2xx status. */
export class PartnerCenterError extends PartnerCenterClientError<"http"> {
  override name = "PartnerCenterError";
  /** The HTTP status. */
  readonly status: number;
  /** Partner Center's error code: `code`, or `statusCode` in a throttling body. */
  declare readonly code: number | string | undefined;
  /** Partner Center's explanation: `description`, `message`, or a bare JSON string body. */
  declare readonly description: string | undefined;
  /** A symbolic name such as `AccountStatusNotFound`, when the body has one. */
  declare readonly errorName: string | undefined;
  /** Whether Partner Center says the same request may succeed later, when the body says. */
  declare readonly isRetryable: boolean | undefined;
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | undefined;
  /** The body as received: parsed JSON where it was JSON, else the text. */
  readonly body: PartnerCenterErrorBody;

  constructor(init: PartnerCenterErrorInit) {
    const fields = readErrorBody(init.json ? init.body : undefined);
    super("http", `${init.request ?? "The request"} failed with HTTP ${init.status}${summaryOf(init, fields)}`, init);
    this.status = init.status;
    // code, description, errorName, isRetryable
    Object.assign(this, fields);
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }
}

type ErrorFields = Pick<PartnerCenterError, "code" | "description" | "errorName" | "isRetryable">;

// Reads every documented error shape: {code, description, ...}, {code, message, errorName, isRetryable, ...},
// the throttling {statusCode, message}, and a bare JSON string.
function readErrorBody(body: unknown): ErrorFields {
  if (typeof body === "string") body = { description: body.trim() || undefined };
  const { code, statusCode, description, message, errorName, isRetryable } = (body ?? {}) as Record<string, unknown>;
  return {
    code: [code, statusCode].find(
      (value): value is number | string => typeof value === "number" || typeof value === "string",
    ),
    description: [description, message].find((value): value is string => typeof value === "string"),
    errorName: typeof errorName === "string" ? errorName : undefined,
    isRetryable: typeof isRetryable === "boolean" ? isRetryable : undefined,
  };
}

// "HTTP 404 (code 600074, AccountStatusNotFound): The account status was not found."
function summaryOf(init: PartnerCenterErrorInit, fields: ErrorFields): string {
  const labels = [fields.code === undefined ? undefined : `code ${fields.code}`, fields.errorName].filter(Boolean);
  let text = labels.length ? ` (${clip(labels.join(", "))})` : "";
  if (fields.description) text += `: ${clip(fields.description)}`;
  // A body that is not JSON, such as a proxy's HTML page: say what it was rather than paste it.
  else if (init.body === "") text += ": an empty body";
  else if (!init.json)
    text += `: a ${clip(init.contentType || "non-JSON")} body of ${String(init.body).length} characters`;
  if (init.location) text += `; it redirects to ${clip(init.location)}, which is not followed`;
  if (init.retryAfter !== undefined) text += `; retry after ${init.retryAfter} s`;
  return text;
}

// Any body can arrive (ten million levels deep, megabytes long): keep what is serialised small and finite.
function cut(value: unknown, depth = 6): unknown {
  if (typeof value === "string") return clip(value, 1000);
  if (typeof value !== "object" || value === null) return value;
  if (!depth) return "…";
  const entries = Object.entries(value)
    .slice(0, 50)
    .map(([key, item]) => [key, cut(item, depth - 1)]);
  return Array.isArray(value) ? entries.map((entry) => entry[1]) : Object.fromEntries(entries);
}
