/**
 * What went wrong, one value per kind of failure:
 * - `http`: Partner Center answered with a non-2xx status (a {@link PartnerCenterError});
 * - `timeout`: an attempt, or the whole call including retries, ran out of time;
 * - `network`: the connection failed (refused, reset, DNS) and retries did not help;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `invalid-response`: a 2xx answer that is not JSON or breaks the contract;
 * - `invalid-argument`: a bad argument or option, refused before anything was sent;
 * - `token`: the `accessToken` function failed or gave something that is not a token.
 */
export type PartnerCenterErrorKind = "http" | "timeout" | "network" | "aborted" | "invalid-response" | "invalid-argument" | "token";

export interface RequestDetails {
  /** `GET /v1/customers/…/qualifications`: what was being sent. */
  request?: string | undefined;
  /** The `MS-RequestId` and `MS-CorrelationId` the request carried, to quote to Microsoft support. */
  requestId?: string | undefined;
  correlationId?: string | undefined;
  cause?: unknown;
}

/** Every failure of this client is one of these; `kind` says which. */
export class PartnerCenterClientError extends Error {
  override name = "PartnerCenterClientError";
  readonly kind: PartnerCenterErrorKind;
  readonly request: string | undefined;
  readonly requestId: string | undefined;
  readonly correlationId: string | undefined;

  constructor(kind: PartnerCenterErrorKind, message: string, details: RequestDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.request = details.request;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
  }

  toJSON(): Record<string, unknown> {
    const { name, kind, message, request, requestId, correlationId } = this;
    return { name, kind, message, request, requestId, correlationId };
  }
}

export interface PartnerCenterErrorInit extends RequestDetails {
  status: number;
  /** The error body: parsed JSON where it was JSON, else the text ("" when empty). */
  body: unknown;
  /** Whether `body` was parsed from JSON. */
  json: boolean;
  contentType?: string | null | undefined;
  /** Seconds to wait, from `Retry-After`. */
  retryAfter?: number | undefined;
}

/** Partner Center (or the mock) answered with a non-2xx status. */
export class PartnerCenterError extends PartnerCenterClientError {
  override name = "PartnerCenterError";
  declare readonly kind: "http";
  /** The HTTP status. */
  readonly status: number;
  /** Partner Center's error code: `code`, or `statusCode` in a throttling body. */
  readonly code: number | string | undefined;
  /** Partner Center's explanation: `description`, `message`, or a bare JSON string body. */
  readonly description: string | undefined;
  /** A symbolic name such as `AccountStatusNotFound`, when the body has one. */
  readonly errorName: string | undefined;
  /** Whether Partner Center says the same request may succeed later, when the body says. */
  readonly isRetryable: boolean | undefined;
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | undefined;
  /** The body as received: parsed JSON where it was JSON, else the text. */
  readonly body: unknown;

  constructor(init: PartnerCenterErrorInit) {
    const fields = init.json ? readErrorBody(init.body) : readErrorBody(undefined);
    super("http", `${init.request ?? "The request"} failed with HTTP ${init.status}${explain(init, fields)}`, init);
    this.status = init.status;
    this.code = fields.code;
    this.description = fields.description;
    this.errorName = fields.errorName;
    this.isRetryable = fields.isRetryable;
    this.retryAfter = init.retryAfter;
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    const { status, code, description, errorName, isRetryable, retryAfter, body } = this;
    return { ...super.toJSON(), status, code, description, errorName, isRetryable, retryAfter, body };
  }
}

type ErrorFields = Pick<PartnerCenterError, "code" | "description" | "errorName" | "isRetryable">;

// Reads every documented error shape: {code, description, ...}, {code, message, errorName, isRetryable, ...},
// the throttling {statusCode, message}, and a bare JSON string.
function readErrorBody(body: unknown): ErrorFields {
  const fields: ErrorFields = { code: undefined, description: undefined, errorName: undefined, isRetryable: undefined };
  if (typeof body === "string") return { ...fields, description: body.trim() || undefined };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return fields;
  const { code, statusCode, description, message, errorName, isRetryable } = body as Record<string, unknown>;
  return {
    code: [code, statusCode].find((value): value is number | string => typeof value === "number" || typeof value === "string"),
    description: [description, message].find((value): value is string => typeof value === "string"),
    errorName: typeof errorName === "string" ? errorName : undefined,
    isRetryable: typeof isRetryable === "boolean" ? isRetryable : undefined,
  };
}

// "HTTP 404 (code 600074, AccountStatusNotFound): The account status was not found."
function explain(init: PartnerCenterErrorInit, fields: ErrorFields): string {
  const labels = [fields.code === undefined ? undefined : `code ${fields.code}`, fields.errorName].filter(Boolean);
  let text = labels.length ? ` (${labels.join(", ")})` : "";
  if (fields.description) text += `: ${clip(fields.description)}`;
  // A body that is not JSON, such as a proxy's HTML page: say what it was rather than paste it.
  else if (init.body === "") text += ": an empty body";
  else if (!init.json) text += `: a ${init.contentType || "non-JSON"} body of ${String(init.body).length} characters`;
  if (init.retryAfter !== undefined) text += `; retry after ${init.retryAfter} s`;
  return text;
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
