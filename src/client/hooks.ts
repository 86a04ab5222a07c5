// The events the client tells its hooks about, and how a hook is called so that it only watches.

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

/**
 * Functions told about every attempt, raw calls included, each with an event of its own. They only watch: one
 * that throws (or rejects) is reported with console.error, and the call goes on.
 */
export interface ClientHooks {
  /** An attempt is about to be sent, its token in hand. */
  onRequest?: ((event: AttemptEvent) => void) | undefined;
  /** An attempt got a complete answer, whatever its status. */
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** An attempt failed and the call will try again after `delayMs`. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Tells a watching callback about an event. Whatever it throws, or its promise rejects with, is reported. */
export function observe<Event>(hook: ((event: Event) => unknown) | undefined, event: Event): void {
  if (!hook) return;
  try {
    const result = hook(event);
    if (typeof (result as Promise<unknown> | undefined)?.then === "function") {
      (result as Promise<unknown>).then(undefined, report);
    }
  } catch (error) {
    report(error);
  }
}

/** Runs what only watches, as a tracer does: whatever it throws is reported, and undefined given in its place. */
export function watching<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    report(error, "the tracer");
    return undefined;
  }
}

function report(error: unknown, who = "a hook"): void {
  try {
    console.error(`partner-center-qualifications: ${who} threw:`, error);
  } catch {
    // A console that throws (jest's fail-on-console does) must not break the call, nor the process.
  }
}
