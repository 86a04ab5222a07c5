// What every request goes through, high-level and raw alike: it adds Partner Center's headers, holds
// each attempt (token included) to its time limit, retries what is safe to retry, follows no redirect,
// reads the body inside the attempt, up to a size limit, so that a stalled or cut-off body is retried
// too, and tells the hooks about every attempt.
import { clip, isPartnerCenterClientError, PartnerCenterClientError, type RequestDetails } from "./errors.js";
import { printable, redactedError, redactorOf, textOf } from "./redaction.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number | undefined;
  /** The shortest wait before a retry (10 ms at least); the longest doubles per retry, and each wait is drawn at random in between. Default 500 ms. */
  minDelayMs?: number | undefined;
  /** The backoff never exceeds this. `Retry-After` may (up to `maxRetryAfterMs`). Default 30 s. */
  maxDelayMs?: number | undefined;
  /** A `Retry-After` longer than this fails the call at once instead of waiting. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /** No wait starts that would end past this much time since the call began, so a call ends within about this plus `timeoutMs`. Default 120 s. */
  maxElapsedMs?: number | undefined;
}

/** Retry settings with every value in place. */
export type RetrySettings = { [Name in keyof RetryOptions]-?: number };

export const DEFAULT_RETRY: RetrySettings = {
  retries: 3,
  minDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  maxElapsedMs: 120_000,
};

/** The retry settings of a call: each one the call gives, else the client's, else the default; `false` (the call's, or the client's when the call gives none) means one attempt. */
export function retrySettings(
  client: RetryOptions | false | undefined,
  call?: RetryOptions | false,
): RetrySettings | false {
  if (call === false || (call === undefined && client === false)) return false;
  const settings = { ...DEFAULT_RETRY };
  // An option set to undefined keeps the value below it.
  for (const layer of [client, call])
    for (const [name, value] of Object.entries(layer || {}))
      if (value !== undefined) settings[name as keyof RetryOptions] = value;
  return settings;
}

/** What the hooks are told of an attempt. It holds no header, so never the token. */
export interface AttemptEvent {
  method: string;
  /** The whole URL, query included. */
  url: string;
  /** 1 for the first attempt of a call, 2 for the first retry, and so on. */
  attempt: number;
  /** The `MS-RequestId` and `MS-CorrelationId` the request carries, the same on every attempt. */
  requestId: string;
  correlationId: string;
}

export interface ResponseEvent extends AttemptEvent {
  status: number;
  /** From sending the request to the end of the answer's body. */
  durationMs: number;
}

export interface RetryEvent extends AttemptEvent {
  /** Why the attempt failed: `HTTP 429` and the like, or what went wrong on the network or with time. */
  reason: string;
  /** The status retried, when an answer came. */
  status: number | undefined;
  /** The wait before the next attempt. */
  delayMs: number;
  /** What the answer's `Retry-After` asked for, when it had a valid one. */
  retryAfterMs: number | undefined;
}

/** Functions told about every attempt, raw calls included, each with an event of its own. They only watch: one that throws (or rejects) is reported with console.error, and the call goes on. */
export interface ClientHooks {
  /** An attempt is about to be sent, its token in hand. */
  onRequest?: ((event: AttemptEvent) => void) | undefined;
  /** An attempt got a complete answer, whatever its status. */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** An attempt failed and the call will try again after `delayMs`. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

export interface TransportOptions extends ClientHooks {
  fetch: typeof globalThis.fetch;
  /** Gives the token for an attempt, and may stop when the attempt's signal fires; what it gives is checked. */
  token: (signal: AbortSignal) => unknown;
  retry: RetrySettings | false;
  timeoutMs: number;
  maxResponseBytes: number;
}

// What each status means for a repeat ("Partner Center REST error codes", "REST headers"): 408 says the
// request did not complete, and MS-RequestId is to be reused on a timeout retry; 429 and 503 say "try
// again later". GET is safe to repeat after the other server and gateway failures (500, 502, 504) too;
// a POST is not, as it may have been carried out. 405, 406, 409, 412 and 501 would fail again.
const RETRY_STATUSES = { GET: new Set([408, 429, 500, 502, 503, 504]), POST: new Set([408, 429, 503]) } as Record<
  string,
  Set<number>
>;

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** What the transport knows of an answer it got: the request it answers, its ids, the attempts made, its body text and its Content-Type (redacted, for messages). */
export interface Exchange {
  method: string;
  url: string;
  requestId: string;
  correlationId: string;
  attempts: number;
  text: string;
  contentType?: string;
  /** Where a redirect pointed: the origin of its Location, without path, query or credentials. */
  location?: string;
}

/** "GET /v1/customers/…/qualifications", for messages; built only when one is needed. */
export function requestLine({ method, url }: { method: string; url: string }): string {
  return `${method} ${new URL(url).pathname}`;
}

/** A request as the transport sends it. Its headers are its own, by lower-case name (a null-prototype object, so that any name is a header): the transport adds the ids, Accept and the token. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal | undefined;
}

/** The answer of the last attempt: its status, what the transport knows of the exchange, and the answer as a Response to read, built only when asked for. */
export interface Answer {
  status: number;
  exchange: Exchange;
  /** The request line, ids and attempts, for an error about this answer. */
  details(): RequestDetails;
  /** A fresh Response on each call: the body as text, unread, and the headers with any echo of the token redacted. */
  response(): Response;
}

/** Whether a GET that failed this way may succeed if asked again: no answer, or an answer that says "later". */
export function isRetryable(error: unknown): boolean {
  const { kind, status } = error as PartnerCenterClientError & { status?: number };
  return kind === "network" || kind === "timeout" || RETRY_STATUSES.GET!.has(status!);
}

/** What is wrong with a token, if anything, without quoting it. */
export function tokenProblem(token: unknown): string | undefined {
  // The Bearer token syntax (RFC 6750, b64token), which Entra ID's tokens keep: nothing that a header
  // cannot carry (fetch's own error would echo the token), and nothing JSON or a URL writes otherwise.
  if (typeof token === "string" && /^[\w.~+/-]+=*$/.test(token)) return undefined;
  const got = typeof token !== "string" ? typeof token : token ? "a string with other characters" : "an empty string";
  return `must be a Bearer token (letters, digits and -._~+/, then any =); got ${got}`;
}

/** Tells a watching callback about an event. Whatever it throws, or its promise rejects with, is reported and the caller goes on. */
export function observe<Event>(hook: ((event: Event) => unknown) | undefined, event: Event): void {
  if (!hook) return;
  try {
    const result = hook(event);
    if (typeof (result as Promise<unknown> | undefined)?.then === "function")
      (result as Promise<unknown>).then(undefined, report);
  } catch (error) {
    report(error);
  }
}

function report(error: unknown): void {
  try {
    console.error("partner-center-qualifications: a hook threw:", error);
  } catch {
    // A console that throws (jest's fail-on-console does) must not break the call, nor the process.
  }
}

// The connection's own headers, which fetch sets itself: undici fails on most of them (a network error
// after the call began), and browsers drop them all.
export const CONNECTION_HEADERS = new Set([
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Whether fetch refuses or drops a request header of this name, in any letter case. */
export function isConnectionHeader(name: string): boolean {
  return CONNECTION_HEADERS.has(name.toLowerCase());
}

/** The fetch of the raw client (openapi-fetch): each Request it is handed goes through sendRequest. */
export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  return async (input, init) => {
    // Read from a Request of our own: its headers, not openapi-fetch's, which raw.use() middleware sees,
    // get the token.
    const request = new Request(input, init);
    const { method, url, signal } = request;
    const body = request.body ? await request.text() : null;
    const headers: Record<string, string> = Object.create(null);
    request.headers.forEach((value, name) => (headers[name] = value));
    return (await sendRequest(options, { method, url, signal, headers, body })).response();
  };
}

/** Sends one request: its attempts, their tokens and time limits, the retries and the hooks. */
export async function sendRequest(options: TransportOptions, request: OutgoingRequest): Promise<Answer> {
  const { fetch, token, retry, timeoutMs, maxResponseBytes, onRequest, onResponse, onRetry } = options;
  const { method, url, headers, body, signal } = request;
  const refused = Object.keys(headers).find(isConnectionHeader);
  if (refused)
    throw new PartnerCenterClientError(
      "invalid-argument",
      `${requestLine(request)}: the header ${refused} is the connection's own, which fetch sets itself`,
    );
  headers.accept = "application/json";
  // The ids are fixed once per call, so every retry carries the same MS-RequestId (the idempotency key).
  const ids = {
    method,
    url,
    requestId: (headers["ms-requestid"] ??= crypto.randomUUID()),
    correlationId: (headers["ms-correlationid"] ??= crypto.randomUUID()),
  };
  const exchange: Exchange = { ...ids, attempts: 0, text: "" };
  // What comes back may echo a token of any attempt so far; it must not carry it into errors and logs.
  const tokens: string[] = [];
  const redact = redactorOf(tokens);
  const what = () => requestLine(exchange);
  const details = (cause?: unknown): RequestDetails => ({ ...exchange, request: what(), cause, redact });
  const retryStatuses = RETRY_STATUSES[method];
  // A monotonic clock: a step of the wall clock moves no deadline.
  const startedAt = performance.now();

  for (let attempt = 1; ; attempt++) {
    throwIfAborted(signal, what, exchange);
    exchange.attempts = attempt;
    const event = { ...ids, attempt };
    // One time limit per attempt, token and whole answer included; the caller's signal ends it too.
    const [attemptController, release] = limitedController(signal, timeoutMs);
    const attemptSignal = attemptController.signal;
    let accessToken: string | undefined;
    let response: Response | undefined;
    // Tells onRetry, then waits before the next attempt.
    const wait = (delayMs: number, reason: string, status?: number, retryAfterMs?: number) => {
      observe(onRetry, { ...event, reason, status, delayMs, retryAfterMs });
      return sleep(delayMs, signal, what, exchange);
    };
    try {
      const pending = token(attemptSignal);
      // A token in hand needs no race against the time limit; one to wait for does.
      // Stryker disable ConditionalExpression: equivalent, racing a token in hand gives the same token; only the cost differs
      const given =
        typeof (pending as Promise<unknown> | null)?.then === "function"
          ? await Promise.race([
              pending,
              new Promise<never>((_, reject) => attemptSignal.addEventListener("abort", reject)),
            ])
          : pending;
      // Stryker restore ConditionalExpression
      const problem = tokenProblem(given);
      if (problem)
        throw new PartnerCenterClientError("token", `${what()} got no access token: the token ${problem}`, details());
      accessToken = given as string;
      tokens.push(accessToken);
      headers.authorization = `Bearer ${accessToken}`;
      observe(onRequest, { ...event });
      const sentAt = Date.now();
      // "manual": a redirect comes back as the 3xx it is, so neither the token nor a POST body goes elsewhere.
      response = await fetch(url, { method, headers, body, signal: attemptSignal, redirect: "manual" });
      if (typeof response?.status !== "number" || typeof response.headers?.get !== "function")
        throw new TypeError("fetch gave no Response");
      const { status } = response;
      const received = await readLimited(response, maxResponseBytes);
      observe(onResponse, { ...event, status, durationMs: Date.now() - sentAt });
      if (received === undefined) {
        attemptController.abort();
        throw new PartnerCenterClientError(
          "response-too-large",
          `${what()} answered HTTP ${status} with more than maxResponseBytes (${maxResponseBytes} bytes)`,
          details(),
        );
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"));
      const delay = retryStatuses?.has(status) ? nextDelay(attempt, retryAfterMs) : undefined;
      if (delay !== undefined) {
        await wait(delay, `HTTP ${status}`, status, retryAfterMs);
        continue;
      }
      // Redacted once, for the answer that is kept: a hostile body full of escapes costs its reading once a call.
      const text = redact(received);
      exchange.text = text;
      exchange.contentType = redact(response.headers.get("Content-Type") ?? "");
      const location = response.headers.get("Location");
      // URL writes a host in lower case: the origin is redacted in any letter case.
      if (location !== null)
        exchange.location = redact(
          URL.canParse(location, url) ? new URL(location, url).origin : "an invalid URL",
          true,
        );
      const answered = new Headers();
      // A header whose name echoes a token (fetch writes names in lower case) is left out: no name can say [redacted].
      response.headers.forEach((value, name) => redact(name, true) === name && answered.append(name, redact(value)));
      const init = { status, statusText: redact(response.statusText), headers: answered };
      // Built here, where a fetch that answered with what no Response can be (status 0) fails as the network error it is.
      new Response(null, init);
      return {
        status,
        exchange,
        details,
        response: () => new Response(NULL_BODY_STATUSES.has(status) ? null : text, init),
      };
    } catch (error) {
      throwIfAborted(signal, what, exchange);
      if (isPartnerCenterClientError(error)) throw error;
      if (accessToken === undefined) {
        // The function's error may quote a token of an earlier attempt: redacted before it is cut, and copied.
        throw new PartnerCenterClientError(
          "token",
          `${what()} got no access token${attemptSignal.aborted ? ` within ${timeoutMs} ms` : `: ${clip(redact(describe(error)))}`}`,
          details(redactedError(error, redact)),
        );
      }
      // Without an answer nobody knows whether a POST arrived; the same MS-RequestId makes repeating it safe.
      const mayHaveArrived =
        method === "POST" ? "; it may have reached Partner Center: repeat it with the same requestId" : "";
      const timedOut = attemptSignal.aborted;
      // onRetry's reason goes to logs too: redacted, and on one line.
      const reason = timedOut ? `no complete answer within ${timeoutMs} ms` : redact(printable(describe(error)));
      const failure = new PartnerCenterClientError(
        timedOut ? "timeout" : "network",
        `${what()} ${timedOut ? "got" : "failed on the network:"} ${reason}${mayHaveArrived}`,
        details(timedOut ? undefined : redactedError(error, redact)),
      );
      // A POST may repeat only if nothing came back: then the server cannot have acted on it twice.
      const delay = (method === "GET" || response === undefined) && retryStatuses ? nextDelay(attempt) : undefined;
      if (delay === undefined) throw failure;
      await wait(delay, reason);
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
    // Stryker disable next-line EqualityOperator: equivalent, a random delay in fractions of a millisecond never lands exactly on the limit
    return performance.now() - startedAt + delay > retry.maxElapsedMs ? undefined : delay;
  }
}

/** A controller that aborts when `signal` does (or has) or after `ms`, if given, and the function that lets go of both. */
export function limitedController(signal: AbortSignal | undefined, ms?: number): [AbortController, () => void] {
  const controller = new AbortController();
  const abort = () => controller.abort();
  // A longer timer would fire after 1 ms: 2^31 - 1 ms (24.8 days) is as long as one can run.
  const timer = ms && setTimeout(abort, Math.min(ms, 2 ** 31 - 1));
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

/** `Retry-After` in milliseconds, in the two forms HTTP allows: whole seconds, or an HTTP date (IMF-fixdate). Anything else is undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, null would be read as the text "null", which neither form matches
  if (value === null) return undefined;
  // Delta-seconds past 2^31 count as 2^31, as HTTP caches read them (RFC 9111): 400 digits are no Infinity.
  if (/^\d+$/.test(value)) return Math.min(Number(value), 2 ** 31) * 1000;
  // An IMF-fixdate is exactly what toUTCString writes: that also refuses a wrong weekday and a day the month does not have.
  const date = Date.parse(value);
  return Number.isNaN(date) || new Date(date).toUTCString() !== value ? undefined : Math.max(0, date - Date.now());
}

function abortedError(signal: AbortSignal, what: () => string, details?: RequestDetails): PartnerCenterClientError {
  return new PartnerCenterClientError("aborted", `${what()} was aborted by the caller`, {
    ...details,
    request: what(),
    cause: signal.reason,
  });
}

function throwIfAborted(signal: AbortSignal | undefined, what: () => string, details?: RequestDetails): void {
  if (signal?.aborted) throw abortedError(signal, what, details);
}

/** Waits `ms`, or rejects with an `aborted` error as soon as `signal` fires. */
export function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  what: () => string,
  details?: RequestDetails,
): Promise<void> {
  const [waiting, release] = limitedController(signal, ms);
  return new Promise((resolve, reject) => {
    const done = () => (release(), signal?.aborted ? reject(abortedError(signal, what, details)) : resolve());
    if (waiting.signal.aborted) done();
    else waiting.signal.addEventListener("abort", done);
  });
}

// What went wrong, in a line, whatever was thrown. undici reports "fetch failed" and keeps the useful
// part (ECONNRESET, ECONNREFUSED…) in the cause.
function describe(error: unknown): string {
  let code: unknown;
  try {
    code = (error as { cause: { code?: unknown } }).cause.code;
  } catch {
    // No cause, or a getter that throws: no code to give.
  }
  const message = textOf(error);
  return typeof code === "string" ? `${message} (${code})` : message;
}
