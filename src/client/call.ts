// What the transport knows of a request while its attempts run: made once per request, it fixes the ids and
// the headers, and gives messages, hooks, the log and spans what they report.
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";
import { isConnectionHeader, isLocalHost } from "./checks.js";
import { type AttemptEvent, watching } from "./hooks.js";
import { type Redact, redactorOf } from "./redaction.js";
import { type CallTrace, portOf, startCallTrace, type Tracer } from "./tracing.js";

/**
 * A request as the transport sends it. Its headers are by lower-case name, in a null-prototype object so that
 * any name is a header; the transport sends a copy with the ids, Accept and the token added.
 */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | undefined;
}

/** What the transport knows of a request while its attempts run. */
export interface Call {
  request: TransportRequest;
  headers: Record<string, string>;
  /** "GET /v1/customers/…/qualifications", for messages. */
  line: string;
  /** Where the request goes: "127.0.0.1:4010". */
  target: string;
  /** Whether it goes over plain http to this machine (the mock), where a refused connection means nothing listens. */
  toLocalMock: boolean;
  requestId: string;
  correlationId: string;
  attempts: number;
  /** The client's recent tokens and every token the call has used, which errors and logs must not carry. */
  tokens: string[];
  redact: Redact;
  /** A monotonic clock: a step of the wall clock moves no deadline. */
  startedAt: number;
  trace: CallTrace | undefined;
}

/**
 * Starts a request's record. `recentTokens` are the client's last tokens: a token function's error may quote one of
 * an earlier call, so what comes back is redacted of them too.
 */
export function startCall(tracer: Tracer | undefined, recentTokens: string[], request: TransportRequest): Call {
  const { method } = request;
  const url = new URL(request.url);
  const line = `${method} ${url.pathname}`;
  const refused = Object.keys(request.headers).find(isConnectionHeader);
  if (refused) {
    const message = `${line}: the header ${refused} is the connection's own, which fetch sets itself`;
    throw new PartnerCenterClientError("invalid-argument", message);
  }
  const headers: Record<string, string> = Object.assign(Object.create(null), request.headers);
  headers.accept = "application/json";
  // The ids are fixed once per call, so every retry carries the same MS-RequestId (the idempotency key).
  headers["ms-requestid"] ??= crypto.randomUUID();
  headers["ms-correlationid"] ??= crypto.randomUUID();
  const { "ms-requestid": requestId, "ms-correlationid": correlationId } = headers;
  const tokens = [...recentTokens];
  const startedAt = performance.now();
  const ids = {
    "http.request.header.ms-requestid": [requestId],
    "http.request.header.ms-correlationid": [correlationId],
  };
  return {
    request,
    headers,
    line,
    target: `${url.hostname}:${portOf(url)}`,
    toLocalMock: url.protocol === "http:" && isLocalHost(url.hostname),
    requestId,
    correlationId,
    attempts: 0,
    tokens,
    redact: redactorOf(tokens),
    startedAt,
    trace: tracer && watching(() => startCallTrace(tracer, method, url, ids)),
  };
}

export function idsOf({ attempts, requestId, correlationId }: Call): string {
  return `attempt ${attempts}, MS-RequestId ${requestId}, MS-CorrelationId ${correlationId}`;
}

export function detailsOf(call: Call, cause?: unknown): RequestDetails {
  const { line, requestId, correlationId, attempts, redact } = call;
  return { request: line, requestId, correlationId, attempts, cause, redact };
}

export function eventOf({ request, requestId, correlationId, attempts }: Call): AttemptEvent {
  return { method: request.method, url: request.url, requestId, correlationId, attempt: attempts };
}
