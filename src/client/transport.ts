// The fetch that every request goes through, high-level and raw alike: it adds Partner Center's
// headers, holds each attempt (token included) to its time limit, retries what is safe to retry,
// follows no redirect, and reads the body inside the attempt, up to a size limit, so that a stalled
// or cut-off body is retried too.
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** The shortest wait before a retry (10 ms at least); the longest doubles per retry, and each wait is drawn at random in between. Default 500 ms. */
  minDelayMs?: number;
  /** The backoff never exceeds this. `Retry-After` may (up to `maxRetryAfterMs`). Default 30 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this fails the call at once instead of waiting. Default 60 s. */
  maxRetryAfterMs?: number;
  /** No wait starts that would end past this much time since the call began, so a call ends within about this plus `timeoutMs`. Default 120 s. */
  maxElapsedMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, minDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000, maxElapsedMs: 120_000 };

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  /** The token, or a function that gives one for each attempt and may stop when the signal fires. */
  token: string | ((signal: AbortSignal) => Promise<string>);
  /** Headers every request carries (X-Locale and friends). */
  headers: Record<string, string>;
  retry: Required<RetryOptions> | false;
  timeoutMs: number;
  maxResponseBytes: number;
}

// What each status means for a repeat ("Partner Center REST error codes", "REST headers"): 408 says the
// request did not complete, and MS-RequestId is to be reused on a timeout retry; 429 and 503 say "try
// again later". GET is safe to repeat after the other server and gateway failures (500, 502, 504) too;
// a POST is not, as it may have been carried out. 405, 406, 409, 412 and 501 would fail again.
const RETRY_STATUSES = { GET: new Set([408, 429, 500, 502, 503, 504]), POST: new Set([408, 429, 503]) } as Record<string, Set<number>>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** What the transport knows of a response it returned: the request it answers, its ids, its body text and its Content-Type (redacted, for messages). */
export interface Exchange {
  method: string;
  url: string;
  requestId: string;
  correlationId: string;
  text: string;
  contentType?: string;
}

/** "GET /v1/customers/…/qualifications", for messages; built only when one is needed. */
export function requestLine({ method, url }: { method: string; url: string }): string {
  return `${method} ${new URL(url).pathname}`;
}

const exchanges = new WeakMap<Response, Exchange>();

/**
 * A request option (openapi-fetch copies unknown options onto the Request it hands to fetch) by which
 * a caller says it will read a 2xx body through `exchangeOf` and not from the Response.
 */
export const BODY_READ_BY_CALLER = "partnerCenterBodyReadByCaller";

export function exchangeOf(response: Response): Exchange {
  return exchanges.get(response)!;
}

/** Whether a GET that failed this way may succeed if asked again: no answer, or an answer that says "later". */
export function isRetryable(error: unknown): boolean {
  const { kind, status } = error as PartnerCenterClientError & { status?: number };
  return kind === "network" || kind === "timeout" || RETRY_STATUSES.GET!.has(status!);
}

export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  const { fetch, token, headers: fixedHeaders, retry, timeoutMs, maxResponseBytes } = options;

  return async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // openapi-fetch hands over a Request of its own: use it rather than copy it.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const { signal, headers, method, url } = request;
    for (const name in fixedHeaders) if (!headers.has(name)) headers.set(name, fixedHeaders[name]!);
    headers.set("Accept", "application/json");
    // The ids are fixed once per call, so every retry carries the same MS-RequestId (the idempotency key).
    if (!headers.has("MS-RequestId")) headers.set("MS-RequestId", crypto.randomUUID());
    if (!headers.has("MS-CorrelationId")) headers.set("MS-CorrelationId", crypto.randomUUID());
    const exchange: Exchange = { method, url, requestId: headers.get("MS-RequestId")!, correlationId: headers.get("MS-CorrelationId")!, text: "" };
    const what = () => requestLine(exchange);
    const details = (cause?: unknown): RequestDetails => ({ ...exchange, request: what(), cause });
    const body = request.body ? await request.text() : null;
    const retryStatuses = RETRY_STATUSES[method];
    const startedAt = Date.now();

    for (let attempt = 1; ; attempt++) {
      throwIfAborted(signal, what, exchange);
      // One time limit per attempt, token and whole answer included; the caller's signal ends it too.
      const [attemptController, release] = limitedController(signal, timeoutMs);
      const attemptSignal = attemptController.signal;
      let accessToken: string | undefined;
      let response: Response | undefined;
      // What comes back may echo the token; it must not carry it into errors and logs.
      const redact = (text: string) => (accessToken!.length < 16 ? text : text.replaceAll(accessToken!, "[redacted]"));
      try {
        accessToken = typeof token === "string" ? token : await Promise.race([token(attemptSignal), new Promise<never>((_, reject) => attemptSignal.addEventListener("abort", reject))]);
        headers.set("Authorization", `Bearer ${accessToken}`);
        // "manual": a redirect comes back as the 3xx it is, so neither the token nor a POST body goes elsewhere.
        response = await fetch(url, { method, headers, body, signal: attemptSignal, redirect: "manual" });
        const { ok, status, statusText } = response;
        let text = await readLimited(response, maxResponseBytes);
        if (text === undefined) {
          attemptController.abort();
          throw new PartnerCenterClientError("response-too-large", `${what()} answered HTTP ${status} with more than maxResponseBytes (${maxResponseBytes} bytes)`, details());
        }
        // JSON may escape any character (\/, \u002B): an error body is rewritten without escapes, then redacted.
        if (!ok) text = redact(canonicalJson(text));
        const delay = retryStatuses?.has(status) ? nextDelay(attempt, parseRetryAfter(response.headers.get("Retry-After"))) : undefined;
        if (delay !== undefined) {
          await sleep(delay, signal, what);
          continue;
        }
        exchange.text = text;
        exchange.contentType = redact(response.headers.get("Content-Type") ?? "");
        // The high-level calls read a 2xx body from the exchange and need nothing more. Raw calls, and
        // openapi-fetch's handling of errors, get a fresh Response to read, its headers redacted too.
        let received = response;
        if (!ok || (request as { [BODY_READ_BY_CALLER]?: boolean })[BODY_READ_BY_CALLER] !== true) {
          const headers = new Headers();
          response.headers.forEach((value, name) => headers.append(name, redact(value)));
          received = new Response(NULL_BODY_STATUSES.has(status) ? null : text, { status, statusText, headers });
        }
        exchanges.set(received, exchange);
        return received;
      } catch (error) {
        throwIfAborted(signal, what, exchange);
        if (error instanceof PartnerCenterClientError) throw error;
        if (accessToken === undefined) throw new PartnerCenterClientError("token", `The accessToken function gave no token within ${timeoutMs} ms`, details());
        // Without an answer nobody knows whether a POST arrived; the same MS-RequestId makes repeating it safe.
        const mayHaveArrived = method === "POST" ? "; it may have reached Partner Center: repeat it with the same requestId" : "";
        const failure = attemptSignal.aborted
          ? new PartnerCenterClientError("timeout", `${what()} got no complete answer within ${timeoutMs} ms (attempt ${attempt})${mayHaveArrived}`, details())
          : new PartnerCenterClientError("network", `${what()} failed on the network (attempt ${attempt}): ${redact(describeNetworkError(error))}${mayHaveArrived}`, details(error));
        // A POST may repeat only if nothing came back: then the server cannot have acted on it twice.
        const safe = method === "GET" || response === undefined;
        const delay = safe && retryStatuses ? nextDelay(attempt, undefined) : undefined;
        if (delay === undefined) throw failure;
        await sleep(delay, signal, what);
      } finally {
        release();
      }
    }

    // When to try again, or undefined to stop: out of retries, a Retry-After past the limit, or out of time.
    function nextDelay(attempt: number, retryAfterMs = 0): number | undefined {
      if (retry === false || attempt > retry.retries || retryAfterMs > retry.maxRetryAfterMs) return undefined;
      const { minDelayMs, maxDelayMs } = retry;
      // Jitter, so that callers who failed together do not come back together: a wait is drawn between the
      // shortest and a ceiling that doubles per retry, and never under a Retry-After.
      const shortest = Math.min(minDelayMs, maxDelayMs);
      const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
      const delay = Math.max(retryAfterMs, shortest) + Math.random() * (retryAfterMs ? shortest : ceiling - shortest);
      return Date.now() - startedAt + delay > retry.maxElapsedMs ? undefined : delay;
    }
  };
}

/** A controller that aborts when `signal` does (or has) or after `ms`, if given, and the function that lets go of both. */
export function limitedController(signal: AbortSignal | undefined, ms?: number): [AbortController, () => void] {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = ms && setTimeout(abort, ms);
  // A listener added to a signal that has fired already would never run.
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort);
  return [controller, () => (clearTimeout(timer), signal?.removeEventListener("abort", abort))];
}

// Counts bytes while the body streams and stops at the limit: Content-Length (the size on the wire,
// compressed or not) up front, then the bytes as they arrive, decompressed. Undefined: over the limit.
async function readLimited(response: Response, limit: number): Promise<string | undefined> {
  if (Number(response.headers.get("Content-Length")) > limit) return undefined;
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done; ) {
    if ((size += chunk.value.byteLength) > limit) return undefined;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

// Written again without escapes where it is JSON (that a deep one cannot be written again is harmless).
function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** `Retry-After` in milliseconds, in the two forms HTTP allows: whole seconds, or an HTTP date (IMF-fixdate). Anything else is undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function abortedError(signal: AbortSignal | undefined, what: () => string, details?: RequestDetails): PartnerCenterClientError {
  return new PartnerCenterClientError("aborted", `${what()} was aborted by the caller`, { ...details, request: what(), cause: signal?.reason });
}

function throwIfAborted(signal: AbortSignal | undefined, what: () => string, details?: RequestDetails): void {
  if (signal?.aborted) throw abortedError(signal, what, details);
}

/** Waits `ms`, or rejects with an `aborted` error as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, what: () => string): Promise<void> {
  const [waiting, release] = limitedController(signal, ms);
  return new Promise((resolve, reject) => {
    const done = () => (release(), signal?.aborted ? reject(abortedError(signal, what)) : resolve());
    if (waiting.signal.aborted) done();
    else waiting.signal.addEventListener("abort", done);
  });
}

// undici reports "fetch failed" and keeps the useful part (ECONNRESET, ECONNREFUSED…) in the cause.
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
