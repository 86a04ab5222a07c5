// What every request goes through, high-level and raw alike: it adds Partner Center's headers, holds each
// attempt (token included) to its time limit, retries what is safe to retry, follows no redirect, reads the
// body inside the attempt, up to a size limit, so that a stalled or cut-off body is retried too, and tells
// the hooks, the log and the tracer about every attempt.
import { clip } from "../contract/messages.js";
import { type Call, detailsOf, eventOf, idsOf, startCall, type TransportRequest } from "./call.js";
import { tokenProblem } from "./checks.js";
import { isPartnerCenterClientError, PartnerCenterClientError } from "./errors.js";
import { type ClientHooks, observe, watching } from "./hooks.js";
import type { Logger } from "./logging.js";
import { printable, type Redact, redactedError, textOf } from "./redaction.js";
import { readLimited, keptResponse, type TransportResponse } from "./response.js";
import { nextDelay, parseRetryAfter, RETRY_STATUSES, type RetrySettings } from "./retry.js";
import { linkedController, sleep, throwIfAborted, untilAborted } from "./signals.js";
import { type AttemptTrace, type SpanEnd, spanEndOf, type Tracer } from "./tracing.js";

export interface TransportOptions extends ClientHooks {
  fetch: typeof globalThis.fetch;
  /** Gives the token for an attempt, and may stop when the attempt's signal fires; what it gives is checked. */
  token: (signal: AbortSignal) => unknown;
  retry: RetrySettings | false;
  timeoutMs: number;
  maxResponseBytes: number;
  tracer?: Tracer | undefined;
  log?: Logger | undefined;
  /** The client's last few tokens, shared by its calls (see startCall). */
  recentTokens: string[];
}

// A few: a token refreshes about hourly, and every token kept is one more to look for in each answer.
const RECENT_TOKENS = 4;

function remember(recent: string[], token: string): void {
  if (recent.includes(token)) return;
  recent.push(token);
  if (recent.length > RECENT_TOKENS) recent.shift();
}

/** A failed attempt that is tried again after `delayMs`. */
interface Retry {
  delayMs: number;
  reason: string;
  status?: number;
  retryAfterMs?: number | undefined;
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
    return sendRequest(options, { method, url, signal, headers, body }, (response) => response.toResponse());
  };
}

/**
 * Sends one request (its attempts, their tokens and time limits, the retries, the hooks, the log) and gives its
 * response to `finish`, whose result or error ends the call's span.
 */
export async function sendRequest<T>(
  options: TransportOptions,
  request: TransportRequest,
  finish: (response: TransportResponse) => T,
): Promise<T> {
  const call = startCall(options.tracer, options.recentTokens, request);
  let status: number | undefined;
  try {
    const response = await attempts(options, call);
    status = response.status;
    const result = finish(response);
    watching(() => call.trace?.end({ status }));
    return result;
  } catch (error) {
    watching(() => call.trace?.end({ status, ...spanEndOf(error) }));
    throw error;
  }
}

async function attempts(options: TransportOptions, call: Call): Promise<TransportResponse> {
  for (;;) {
    throwIfAborted(call.request.signal, call.line, detailsOf(call));
    call.attempts++;
    const result = await attempt(options, call);
    if (!("delayMs" in result)) return result;
    const { delayMs, reason, status, retryAfterMs } = result;
    observe(options.log, `${call.line} retries in ${Math.round(delayMs)} ms: ${reason} (${idsOf(call)})`);
    observe(options.onRetry, { ...eventOf(call), reason, status, delayMs, retryAfterMs });
    await sleep(delayMs, call.request.signal, call.line, detailsOf(call));
  }
}

// One attempt, under one time limit that covers the token and the whole response; the caller's signal ends it too.
async function attempt(options: TransportOptions, call: Call): Promise<TransportResponse | Retry> {
  const { fetch, retry, timeoutMs, maxResponseBytes, onRequest, onResponse } = options;
  const { method, url, body, signal } = call.request;
  const [controller, release] = linkedController(signal, timeoutMs);
  let token: string | undefined;
  let response: Response | undefined;
  let trace: AttemptTrace | undefined;
  const outcome: SpanEnd = {};
  try {
    token = await tokenFor(options, call, controller.signal);
    trace = watching(() => call.trace?.startAttempt(call.attempts));
    const headers: Record<string, string> = { ...call.headers, authorization: `Bearer ${token}` };
    // The attempt's span is the request's parent: a traceparent and tracestate of the caller's go.
    if (trace?.headers.traceparent) {
      delete headers.tracestate;
      Object.assign(headers, trace.headers);
    }
    observe(onRequest, eventOf(call));
    const sentAt = Date.now();
    // "manual": a redirect comes back as the 3xx it is, so neither the token nor a POST body goes elsewhere.
    const init: RequestInit = { method, headers, body, signal: controller.signal, redirect: "manual" };
    const sent = trace ? trace.run(() => fetch(url, init)) : fetch(url, init);
    response = await untilAborted(sent, controller.signal);
    if (typeof response?.status !== "number" || typeof response.headers?.get !== "function") {
      throw new TypeError("fetch gave no Response");
    }
    const { status } = response;
    outcome.status = status;
    const text = await untilAborted(readLimited(response, maxResponseBytes), controller.signal);
    const durationMs = Date.now() - sentAt;
    const tooLarge = text === undefined ? " with more than maxResponseBytes" : "";
    const answered = `${call.line} answered HTTP ${status}${tooLarge}`;
    observe(options.log, `${answered} in ${durationMs} ms (${idsOf(call)})`);
    observe(onResponse, { ...eventOf(call), status, durationMs });
    if (text === undefined) {
      outcome.errorType = "response-too-large";
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
    outcome.errorType ??= signal?.aborted ? "aborted" : controller.signal.aborted ? "timeout" : "network";
    throwIfAborted(signal, call.line, detailsOf(call));
    if (isPartnerCenterClientError(error)) throw error;
    if (token === undefined) throw tokenFailure(options, call, error, controller.signal.aborted);
    return retryOrThrow(options, call, error, controller.signal.aborted, response !== undefined);
  } finally {
    watching(() => trace?.end(outcome));
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
  remember(options.recentTokens, token as string);
  return token as string;
}

// The token function's error may quote a token of an earlier attempt: redacted before it is cut, and copied.
function tokenFailure(options: TransportOptions, call: Call, error: unknown, timedOut: boolean) {
  const why = timedOut ? ` within ${options.timeoutMs} ms` : `: ${clip(errorText(error, call.redact))}`;
  const message = `${call.line} got no access token${why}`;
  observe(options.log, `${message} (${idsOf(call)})`);
  return new PartnerCenterClientError("token", message, detailsOf(call, redactedError(error, call.redact)));
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
  const reason = timedOut ? `no complete answer within ${options.timeoutMs} ms` : errorText(error, call.redact);
  observe(options.log, `${call.line} to ${call.target} failed: ${reason} (${idsOf(call)})`);
  // Refused over plain http on this machine: the mock is not running, and a retry would only make a test wait
  // for the same answer. (Node's code, Bun's, Deno's words on Linux and on Windows.)
  const refused = /ECONNREFUSED|ConnectionRefused|connection refused|actively refused|os error 10061/i;
  const nothingListens = call.toLocalMock && refused.test(reason);
  // A POST may repeat only if nothing came back: then the server cannot have acted on it twice.
  const elapsedMs = performance.now() - call.startedAt;
  const mayRepeat = (method === "GET" || !answered) && !nothingListens && RETRY_STATUSES[method];
  const delayMs = mayRepeat ? nextDelay(options.retry, call.attempts, elapsedMs) : undefined;
  if (delayMs !== undefined) return { delayMs, reason };
  // Without an answer nobody knows whether a POST arrived; the same MS-RequestId makes repeating it safe.
  const advice = nothingListens
    ? "; nothing listens there: if it is the mock, start it (npx partner-center-qualifications-mock), or " +
      "correct baseUrl"
    : method === "POST"
      ? "; it may have reached Partner Center: repeat it with the same requestId"
      : "";
  const failed = timedOut ? "got" : "failed on the network:";
  const message = `${call.line} to ${call.target} ${failed} ${reason}${advice}`;
  const cause = timedOut ? undefined : redactedError(error, call.redact);
  throw new PartnerCenterClientError(timedOut ? "timeout" : "network", message, detailsOf(call, cause));
}

// What went wrong, in a line, redacted before it is cut, whatever was thrown. undici reports "fetch failed" and
// keeps the useful part in the cause: a code (ECONNRESET, ECONNREFUSED…), else a message ("bad port"); Bun
// puts the code on the error itself.
function errorText(error: unknown, redact: Redact): string {
  let detail: unknown;
  try {
    const { cause, code } = error as { cause?: { code?: unknown; message?: unknown }; code?: unknown };
    detail = [cause?.code, code, cause?.message].find((value) => typeof value === "string" && value !== "");
  } catch {
    // A getter that throws: nothing to add.
  }
  const message = redact(printable(textOf(error)));
  return typeof detail === "string" ? `${message} (${clip(redact(printable(detail)), 100)})` : message;
}
