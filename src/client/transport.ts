// What every request goes through, high-level and raw alike: it adds Partner Center's headers, holds each
// attempt (token included) to its time limit, retries what is safe to retry, follows no redirect, reads the
// body inside the attempt, up to a size limit, so that a stalled or cut-off body is retried too, and tells
// the hooks about every attempt.
import { clip } from "../contract/messages.js";
import { isConnectionHeader, tokenProblem } from "./checks.js";
import { isPartnerCenterClientError, PartnerCenterClientError, type RequestDetails } from "./errors.js";
import { type AttemptEvent, type ClientHooks, observe } from "./hooks.js";
import { printable, type Redact, redactedError, redactorOf, textOf } from "./redaction.js";
import { readLimited, keptResponse, type TransportResponse } from "./response.js";
import { nextDelay, parseRetryAfter, RETRY_STATUSES, type RetrySettings } from "./retry.js";
import { linkedController, sleep, throwIfAborted, untilAborted } from "./signals.js";

export interface TransportOptions extends ClientHooks {
  fetch: typeof globalThis.fetch;
  /** Gives the token for an attempt, and may stop when the attempt's signal fires; what it gives is checked. */
  token: (signal: AbortSignal) => unknown;
  retry: RetrySettings | false;
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * A request as the transport sends it. Its headers are by lower-case name, in a null-prototype object so that
 * any name is a header; the transport sends a copy with the ids, Accept and the token added.
 */
interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | undefined;
}

/** A failed attempt that is tried again after `delayMs`. */
interface Retry {
  delayMs: number;
  reason: string;
  status?: number;
  retryAfterMs?: number | undefined;
}

/** What the transport knows of a request while its attempts run. */
interface Call {
  request: TransportRequest;
  headers: Record<string, string>;
  /** "GET /v1/customers/…/qualifications", for messages. */
  line: string;
  requestId: string;
  correlationId: string;
  attempts: number;
  /** Every token the call has used so far, which what comes back must not carry into errors and logs. */
  tokens: string[];
  redact: Redact;
  /** A monotonic clock: a step of the wall clock moves no deadline. */
  startedAt: number;
}

/** The fetch of the raw client (openapi-fetch): each Request it is handed goes through sendRequest. */
export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  return async (input, init) => {
    // Read from a Request of our own: its headers, not openapi-fetch's, which raw.use() middleware sees, get
    // the token.
    const request = new Request(input, init);
    const { method, url, signal } = request;
    const body = request.body ? await request.text() : null;
    const headers: Record<string, string> = Object.create(null);
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return (await sendRequest(options, { method, url, signal, headers, body })).toResponse();
  };
}

/** Sends one request: its attempts, their tokens and time limits, the retries and the hooks. */
export async function sendRequest(options: TransportOptions, request: TransportRequest): Promise<TransportResponse> {
  const call = startCall(request);
  for (;;) {
    throwIfAborted(request.signal, call.line, detailsOf(call));
    call.attempts++;
    const result = await attempt(options, call);
    if (!("delayMs" in result)) return result;
    const { delayMs, reason, status, retryAfterMs } = result;
    observe(options.onRetry, { ...eventOf(call), reason, status, delayMs, retryAfterMs });
    await sleep(delayMs, request.signal, call.line, detailsOf(call));
  }
}

function startCall(request: TransportRequest): Call {
  const { method, url } = request;
  const line = `${method} ${new URL(url).pathname}`;
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
  const tokens: string[] = [];
  const startedAt = performance.now();
  return {
    request,
    headers,
    line,
    requestId,
    correlationId,
    attempts: 0,
    tokens,
    redact: redactorOf(tokens),
    startedAt,
  };
}

function detailsOf(call: Call, cause?: unknown): RequestDetails {
  const { line, requestId, correlationId, attempts, redact } = call;
  return { request: line, requestId, correlationId, attempts, cause, redact };
}

function eventOf({ request, requestId, correlationId, attempts }: Call): AttemptEvent {
  return { method: request.method, url: request.url, requestId, correlationId, attempt: attempts };
}

// One attempt, under one time limit that covers the token and the whole response; the caller's signal ends it too.
async function attempt(options: TransportOptions, call: Call): Promise<TransportResponse | Retry> {
  const { fetch, retry, timeoutMs, maxResponseBytes, onRequest, onResponse } = options;
  const { method, url, body, signal } = call.request;
  const [controller, release] = linkedController(signal, timeoutMs);
  let token: string | undefined;
  let response: Response | undefined;
  try {
    token = await tokenFor(options, call, controller.signal);
    const headers = { ...call.headers, authorization: `Bearer ${token}` };
    observe(onRequest, eventOf(call));
    const sentAt = Date.now();
    // "manual": a redirect comes back as the 3xx it is, so neither the token nor a POST body goes elsewhere.
    const init: RequestInit = { method, headers, body, signal: controller.signal, redirect: "manual" };
    response = await untilAborted(fetch(url, init), controller.signal);
    if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
      throw new TypeError("fetch gave no Response");
    }
    const { status } = response;
    const text = await untilAborted(readLimited(response, maxResponseBytes), controller.signal);
    observe(onResponse, { ...eventOf(call), status, durationMs: Date.now() - sentAt });
    if (text === undefined) {
      controller.abort();
      const limit = `maxResponseBytes (${maxResponseBytes} bytes)`;
      const message = `${call.line} answered HTTP ${status} with more than ${limit}`;
      throw new PartnerCenterClientError("response-too-large", message, detailsOf(call));
    }
    const retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"));
    const elapsedMs = performance.now() - call.startedAt;
    const delayMs = RETRY_STATUSES[method]?.has(status)
      ? nextDelay(retry, call.attempts, elapsedMs, retryAfterMs)
      : undefined;
    if (delayMs !== undefined) return { delayMs, reason: `HTTP ${status}`, status, retryAfterMs };
    return keptResponse(response, text, call.request.url, detailsOf(call));
  } catch (error) {
    throwIfAborted(signal, call.line, detailsOf(call));
    if (isPartnerCenterClientError(error)) throw error;
    if (token === undefined) throw tokenFailure(call, error, controller.signal.aborted, timeoutMs);
    return retryOrThrow(options, call, error, controller.signal.aborted, response !== undefined);
  } finally {
    release();
  }
}

async function tokenFor(options: TransportOptions, call: Call, signal: AbortSignal): Promise<string> {
  // A token function or a credential may not listen to the signal: the time limit holds it all the same.
  const token = await untilAborted(Promise.resolve(options.token(signal)), signal);
  const problem = tokenProblem(token);
  if (problem) {
    throw new PartnerCenterClientError(
      "token",
      `${call.line} got no access token: the token ${problem}`,
      detailsOf(call),
    );
  }
  call.tokens.push(token as string);
  return token as string;
}

// The token function's error may quote a token of an earlier attempt: redacted before it is cut, and copied.
function tokenFailure(call: Call, error: unknown, timedOut: boolean, timeoutMs: number): PartnerCenterClientError {
  const why = timedOut ? ` within ${timeoutMs} ms` : `: ${clip(call.redact(errorText(error)))}`;
  const details = detailsOf(call, redactedError(error, call.redact));
  return new PartnerCenterClientError("token", `${call.line} got no access token${why}`, details);
}

// An attempt that got no complete response: retried when that is safe, else the call's error.
function retryOrThrow(
  options: TransportOptions,
  call: Call,
  error: unknown,
  timedOut: boolean,
  answered: boolean,
): Retry {
  const { method } = call.request;
  // onRetry's reason goes to logs too: redacted, and on one line.
  const reason = timedOut
    ? `no complete answer within ${options.timeoutMs} ms`
    : call.redact(printable(errorText(error)));
  // A POST may repeat only if nothing came back: then the server cannot have acted on it twice.
  const elapsedMs = performance.now() - call.startedAt;
  const mayRepeat = (method === "GET" || !answered) && RETRY_STATUSES[method];
  const delayMs = mayRepeat ? nextDelay(options.retry, call.attempts, elapsedMs) : undefined;
  if (delayMs !== undefined) return { delayMs, reason };
  // Without an answer nobody knows whether a POST arrived; the same MS-RequestId makes repeating it safe.
  const mayHaveArrived =
    method === "POST" ? "; it may have reached Partner Center: repeat it with the same requestId" : "";
  const message = `${call.line} ${timedOut ? "got" : "failed on the network:"} ${reason}${mayHaveArrived}`;
  const cause = timedOut ? undefined : redactedError(error, call.redact);
  throw new PartnerCenterClientError(timedOut ? "timeout" : "network", message, detailsOf(call, cause));
}

// What went wrong, in a line, whatever was thrown. undici reports "fetch failed" and keeps the useful
// part (ECONNRESET, ECONNREFUSED…) in the cause.
function errorText(error: unknown): string {
  let code: unknown;
  try {
    code = (error as { cause: { code?: unknown } }).cause.code;
  } catch {
    // No cause, or a getter that throws: no code to give.
  }
  const message = textOf(error);
  return typeof code === "string" ? `${message} (${code})` : message;
}
