// Cancelling and time limits: the caller's signal, an attempt's timer and the waits between attempts.
import { PartnerCenterClientError, type RequestDetails } from "./errors.js";

// Node runs a longer setTimeout after 1 ms: 2^31 - 1 ms (24.8 days) is as long as a timer can run.
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A controller that aborts when `signal` does (or has) or after `ms`, if given, and the function that lets go of both.
 */
export function linkedController(signal: AbortSignal | undefined, ms?: number): [AbortController, () => void] {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = ms ? setTimeout(abort, Math.min(ms, MAX_TIMER_MS)) : undefined;
  // A listener added to a signal that has fired already would never run.
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort);
  const release = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  };
  return [controller, release];
}

/** The `aborted` error of `request` (a request line, or the name of a wait), when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, request: string, details?: RequestDetails): void {
  if (signal?.aborted) throw abortedError(signal, request, details);
}

function abortedError(signal: AbortSignal, request: string, details?: RequestDetails): PartnerCenterClientError {
  return new PartnerCenterClientError("aborted", `${request} was aborted by the caller`, {
    ...details,
    request,
    cause: signal.reason,
  });
}

/**
 * `promise`, or a rejection as soon as `signal` fires: what a token function, a fetch or a body of the
 * caller's own gives is held to the attempt's time limit even when it does not listen to the signal.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => signal.addEventListener("abort", reject))]);
}

/** Waits `ms`, or rejects with the `aborted` error of `request` as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, request: string, details?: RequestDetails) {
  const [waiting, release] = linkedController(signal, ms);
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      release();
      if (signal?.aborted) reject(abortedError(signal, request, details));
      else resolve();
    };
    if (waiting.signal.aborted) done();
    else waiting.signal.addEventListener("abort", done);
  });
}
