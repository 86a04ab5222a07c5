// The fetch that every request goes through, high-level and raw alike: it adds Partner Center's
// headers, enforces the per-attempt timeout, retries what is safe to retry, and reads the body
// inside the attempt so that a stalled or cut-off body is retried too.
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Backoff before the first retry; it doubles per retry, with full jitter. Default 500 ms. */
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
  /** The token, or a function that gives one for each attempt. */
  token: string | (() => Promise<string>);
  /** Headers every request carries (X-Locale and friends). */
  headers: Record<string, string>;
  retry: Required<RetryOptions> | false;
  timeoutMs: number;
}

// What each status means for a repeat ("Partner Center REST error codes", "REST headers"): 408 says the
// request did not complete, and MS-RequestId is to be reused on a timeout retry; 429 and 503 say "try
// again later". GET is safe to repeat after the other server and gateway failures (500, 502, 504) too;
// a POST is not, as it may have been carried out. 405, 406, 409, 412 and 501 would fail again.
const RETRY_STATUSES = { GET: new Set([408, 429, 500, 502, 503, 504]), POST: new Set([408, 429, 503]) } as Record<string, Set<number>>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** What the transport knows of a response it returned: the request it answers, its ids, and its body text. */
export interface Exchange {
  method: string;
  url: string;
  requestId: string;
  correlationId: string;
  text: string;
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
  const exchange = exchanges.get(response);
  if (!exchange) throw new Error("response not from the transport");
  return exchange;
}

export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  const { fetch, token, headers: fixedHeaders, retry, timeoutMs } = options;

  return async function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    // openapi-fetch hands over a Request of its own: use it rather than copy it.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const { signal, headers, method, url } = request;
    for (const name in fixedHeaders) if (!headers.has(name)) headers.set(name, fixedHeaders[name]!);
    headers.set("Accept", "application/json");
    // The ids are fixed once per call, so every retry carries the same MS-RequestId (the idempotency key).
    if (!headers.has("MS-RequestId")) headers.set("MS-RequestId", crypto.randomUUID());
    if (!headers.has("MS-CorrelationId")) headers.set("MS-CorrelationId", crypto.randomUUID());
    const exchange = { method, url, requestId: headers.get("MS-RequestId")!, correlationId: headers.get("MS-CorrelationId")!, text: "" };
    const what = () => requestLine(exchange);
    const body = request.body ? await request.text() : null;
    const retryStatuses = RETRY_STATUSES[method];
    const startedAt = Date.now();

    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal, what, exchange);
      const accessToken = typeof token === "string" ? token : await token();
      headers.set("Authorization", `Bearer ${accessToken}`);
      // One timer per attempt, and the caller's signal forwarded to it.
      const attemptController = new AbortController();
      const timer = setTimeout(() => attemptController.abort(), timeoutMs);
      const forwardAbort = () => attemptController.abort(signal.reason);
      signal.addEventListener("abort", forwardAbort);
      let response: Response | undefined;
      try {
        response = await fetch(url, { method, headers, body, signal: attemptController.signal, redirect: "follow" });
        // An error body that echoes the token must not carry it into errors and logs.
        const text = response.ok ? await response.text() : redact(await response.text(), accessToken);
        const delay = retryStatuses?.has(response.status) ? nextDelay(attempt, parseRetryAfter(response.headers.get("Retry-After"))) : undefined;
        if (delay !== undefined) {
          await sleep(delay, signal, what);
          continue;
        }
        // The high-level calls read the text from the exchange and only need a fresh Response for
        // errors (openapi-fetch reads error bodies itself); raw calls get one they can read.
        const reusable = response.ok && (request as { [BODY_READ_BY_CALLER]?: boolean })[BODY_READ_BY_CALLER] === true;
        const received = reusable ? response : new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, response);
        exchange.text = text;
        exchanges.set(received, exchange);
        return received;
      } catch (error) {
        if (error instanceof PartnerCenterClientError) throw error;
        throwIfAborted(signal, what, exchange);
        const timedOut = attemptController.signal.aborted;
        const failure = timedOut
          ? new PartnerCenterClientError("timeout", `${what()} got no complete answer within ${timeoutMs} ms (attempt ${attempt + 1})`, { ...exchange, request: what() })
          : new PartnerCenterClientError("network", `${what()} failed on the network (attempt ${attempt + 1}): ${redact(describeNetworkError(error), accessToken)}`, { ...exchange, request: what(), cause: error });
        // A POST may repeat only if nothing came back: then the server cannot have acted on it twice.
        const safe = method === "GET" || response === undefined;
        const delay = safe && retryStatuses ? nextDelay(attempt, undefined) : undefined;
        if (delay === undefined) throw failure;
        await sleep(delay, signal, what);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", forwardAbort);
      }
    }

    // When to try again, or undefined to stop: out of retries, a Retry-After past the limit, or out of time.
    function nextDelay(attempt: number, retryAfterMs: number | undefined): number | undefined {
      if (retry === false || attempt >= retry.retries) return undefined;
      if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) return undefined;
      const backoff = Math.random() * Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** attempt);
      const delay = retryAfterMs ?? backoff;
      return Date.now() - startedAt + delay > retry.maxElapsedMs ? undefined : delay;
    }
  };
}

// Real tokens are long; a short placeholder (such as "x" for the mock) would match ordinary text.
function redact(text: string, token: string): string {
  return token.length >= 16 ? text.replaceAll(token, "[redacted]") : text;
}

/** `Retry-After` in milliseconds, from either form: seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
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
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal, what));
    const abort = () => {
      clearTimeout(timer);
      reject(abortedError(signal, what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });
}

// undici reports "fetch failed" and keeps the useful part (ECONNRESET, ECONNREFUSED…) in the cause.
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
