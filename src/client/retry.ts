// When a failed attempt is tried again, and after how long.

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  retries?: number | undefined;
  /**
   * The shortest wait before a retry (10 ms at least); the longest doubles per retry, and each wait is drawn at
   * random in between. Default 500 ms.
   */
  minDelayMs?: number | undefined;
  /** The backoff never exceeds this. `Retry-After` may (up to `maxRetryAfterMs`). Default 30 s. */
  maxDelayMs?: number | undefined;
  /** A `Retry-After` longer than this fails the call at once instead of waiting. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /**
   * No wait starts that would end past this much time since the call began, so a call ends within about this
   * plus `timeoutMs`. Default 120 s.
   */
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

/**
 * The retry settings of a call: each one the call gives, else the client's, else the default; `false` (the
 * call's, or the client's when the call gives none) means one attempt.
 */
export function retrySettings(
  client: RetryOptions | false | undefined,
  call?: RetryOptions | false,
): RetrySettings | false {
  if (call === false || (call === undefined && client === false)) return false;
  const settings = { ...DEFAULT_RETRY };
  // An option set to undefined keeps the value below it.
  for (const layer of [client, call]) {
    for (const [name, value] of Object.entries(layer || {})) {
      if (value !== undefined) settings[name as keyof RetryOptions] = value;
    }
  }
  return settings;
}

// What each status means for a repeat ("Partner Center REST error codes", "REST headers"): 408 says the
// request did not complete, and MS-RequestId is to be reused on a timeout retry; 429 and 503 say "try
// again later". GET is safe to repeat after the other server and gateway failures (500, 502, 504) too;
// a POST is not, as it may have been carried out. 405, 406, 409, 412 and 501 would fail again.
const GET_RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
export const RETRY_STATUSES: Record<string, Set<number>> = { GET: GET_RETRY_STATUSES, POST: new Set([408, 429, 503]) };

/** Whether a GET that failed this way may succeed if asked again: no answer, or an answer that says "later". */
export function isTransient(error: unknown): boolean {
  const { kind, status } = error as { kind?: string; status?: number };
  return kind === "network" || kind === "timeout" || GET_RETRY_STATUSES.has(status!);
}

/**
 * The wait before the next attempt, or undefined to stop: out of retries, a Retry-After past the limit, or
 * out of time (`elapsedMs` since the call began).
 */
export function nextDelay(
  retry: RetrySettings | false,
  attempt: number,
  elapsedMs: number,
  retryAfterMs = 0,
): number | undefined {
  if (retry === false || attempt > retry.retries || retryAfterMs > retry.maxRetryAfterMs) return undefined;
  const { minDelayMs, maxDelayMs } = retry;
  // Jitter, so that callers who failed together do not come back together: a wait is drawn between the
  // shortest and a ceiling that doubles per retry, and never under a Retry-After.
  const shortest = Math.min(minDelayMs, maxDelayMs);
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
  const delay = Math.max(retryAfterMs, shortest) + Math.random() * (retryAfterMs ? shortest : ceiling - shortest);
  // Equivalent mutant: a random delay in fractions of a millisecond never lands exactly on the limit.
  // Stryker disable next-line EqualityOperator
  return elapsedMs + delay > retry.maxElapsedMs ? undefined : delay;
}

/**
 * `Retry-After` in milliseconds, in the two forms HTTP allows: whole seconds, or an HTTP date (IMF-fixdate).
 * Anything else is undefined.
 */
export function parseRetryAfter(header: string | null): number | undefined {
  // No header reads as "null", which neither form matches.
  const value = String(header);
  // Delta-seconds past 2^31 count as 2^31, as HTTP caches read them (RFC 9111): 400 digits are no Infinity.
  if (/^\d+$/.test(value)) return Math.min(Number(value), 2 ** 31) * 1000;
  // An IMF-fixdate is exactly what toUTCString writes: that also refuses a wrong weekday and a day the month
  // does not have.
  const date = Date.parse(value);
  return Number.isNaN(date) || new Date(date).toUTCString() !== value ? undefined : Math.max(0, date - Date.now());
}
