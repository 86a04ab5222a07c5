// The client's options: their types (documented for editors), their defaults (one object), and their checks.
import { PARTNER_CENTER_URL } from "../contract/paths.js";
import { isPlainObject } from "../contract/schema.js";
import {
  checkArgument,
  checkEach,
  checkHeaders,
  delayMs,
  flag,
  functionRule,
  headersRule,
  headerValue,
  isFunction,
  limitMs,
  type Rule,
  signalRule,
  timerMs,
  uuid,
} from "./checks.js";
import type { ClientHooks } from "./hooks.js";
import type { Logger } from "./logging.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
import type { Tracer } from "./tracing.js";
import type { CustomerQualification } from "../contract/types.js";

/**
 * A credential of `@azure/identity` (`ClientSecretCredential`, `DefaultAzureCredential`, ...): the
 * `TokenCredential` interface of `@azure/core-auth`, declared here so that the client needs no Azure package.
 */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null>;
}

export interface QualificationsClientSettings extends ClientHooks {
  /**
   * Default https://api.partnercenter.microsoft.com. For 21Vianet: https://partner.partnercenterapi.microsoftonline.cn.
   * No credentials, query or fragment; plain http only to this machine unless `allowInsecureHttp`.
   */
  baseUrl?: string | undefined;
  /** Allow a plain-http `baseUrl` to another machine, which sends the token unencrypted. Default false. */
  allowInsecureHttp?: boolean | undefined;
  /** The fetch to send requests with (tests, proxies, other runtimes). Default: the global fetch. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Retry settings, or `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  /** Time limit of each attempt: the token, headers and body. Default 30 s. */
  timeoutMs?: number | undefined;
  /** The longest answer read, in bytes; a longer one fails with `response-too-large`. Default 4 MiB. */
  maxResponseBytes?: number | undefined;
  /**
   * Headers every request carries, a plain object such as `{ "MS-CV": "..." }`; a call's own `headers` win. Not
   * Authorization, Accept or MS-RequestId, which the client sets, nor the connection's own (Connection, Host, ...),
   * which fetch sets.
   */
  headers?: Record<string, string> | undefined;
  /** Sent as `X-Locale`, the language of messages (Partner Center's default is en-US). */
  locale?: string | undefined;
  /** Sent as `MS-PartnerCenter-Application`, your application's name. */
  application?: string | undefined;
  /** Sent as `MS-Contract-Version`, for example `v1`. */
  contractVersion?: string | undefined;
  /**
   * Check every 2xx body against the contract before returning it. Default true; turn off only for answers you already
   * trust.
   */
  validateResponses?: boolean | undefined;
  /**
   * An OpenTelemetry `Tracer` (`trace.getTracer("my-app")`): a span for every call, under the active one, and one for
   * each of its attempts, which sends it as `traceparent`. Attributes follow OpenTelemetry's HTTP client conventions.
   */
  tracer?: Tracer | undefined;
  /**
   * Gets a line for every attempt, retry and poll: the request line, the status, the ids and the time, never a token
   * or a body. Without it, the lines go to stderr when the DEBUG environment variable names
   * `partner-center-qualifications`.
   */
  logger?: Logger | undefined;
}

/** The client's options: its settings, and where its tokens come from, `accessToken` or `credential`. */
export type QualificationsClientOptions = QualificationsClientSettings &
  (
    | {
        /**
         * A Microsoft Entra ID access token (a Bearer token: letters, digits and `-._~+/`, then any `=`), or a
         * (possibly async) function that returns one. The function is
         * called for every attempt, so tokens can refresh, and gets the attempt's signal, which fires when the
         * caller cancels or the attempt's `timeoutMs` runs out.
         */
        accessToken: string | ((options: { signal: AbortSignal }) => string | Promise<string>);
        credential?: undefined;
      }
    | {
        /**
         * An Azure credential, asked for every attempt for the Partner Center scope with the attempt's signal; it
         * caches and refreshes
         * its tokens itself. The scope is `https://api.partnercenter.microsoft.com/.default`, or for the 21Vianet
         * `baseUrl`
         * `https://partner.partnercenterapi.microsoftonline.cn/.default` (whose authority is
         * `https://login.chinacloudapi.cn`).
         */
        credential: TokenCredential;
        accessToken?: undefined;
      }
  );

export interface CallOptions {
  /** Cancels the call, waits between retries included. */
  signal?: AbortSignal | undefined;
  /** The `MS-CorrelationId` to send, a uuid; a new uuid v4 by default. */
  correlationId?: string | undefined;
  /**
   * Further request headers, a plain object such as `{ Prefer: "example=inReview" }` for the Prism mock; they win over
   * the client's `headers`. Not Authorization or Accept, which the client sets, nor the connection's own (Connection,
   * Host, ...), which fetch sets.
   */
  headers?: Record<string, string> | undefined;
  /** This call's retry settings: each one given replaces the client's; `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  /** This call's time limit of each attempt, instead of the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

export interface CreateCallOptions extends CallOptions {
  /**
   * The `MS-RequestId` (Partner Center's idempotency key), a uuid; a new uuid v4 by default. Reuse one only to repeat
   * the same create.
   */
  requestId?: string | undefined;
}

export interface WaitForVettingOptions {
  /**
   * Time between two polls; default 15 minutes. Microsoft's throttling guidance warns against polling continuously, and
   * does not say how long vetting takes.
   */
  intervalMs?: number | undefined;
  /**
   * Give up after this long with a `timeout` error; polls are cut off at that time too. Default: no limit; cancel with
   * `signal`.
   */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Called after every poll with the qualification as it stands (undefined while the customer does not have it yet). It
   * only watches, as the hooks do: what it throws or rejects with is reported with console.error, and the wait goes on.
   */
  onPoll?: ((qualification: CustomerQualification | undefined) => void) | undefined;
}

/** The default of each client option that has one; a test holds the README's and the guide's options tables to it. */
export const DEFAULTS = {
  baseUrl: PARTNER_CENTER_URL,
  allowInsecureHttp: false,
  retry: DEFAULT_RETRY,
  timeoutMs: 30_000,
  // Far above any answer of this API (a customer has a few qualifications, a partner some validation
  // codes: kilobytes), yet small enough that no answer can exhaust memory.
  maxResponseBytes: 4 * 1024 * 1024,
  validateResponses: true,
  // Microsoft's throttling guidance warns against polling continuously, and does not say how long vetting takes.
  intervalMs: 15 * 60_000,
} as const;

const retryRule: Rule = [
  (value) => value === false || isPlainObject(value),
  "false or an object such as { retries: 3, minDelayMs: 500 }",
];

function checkRetry(retry: RetryOptions | false | undefined): void {
  if (!retry) return;
  // Waits have a floor: sooner retries only hammer a server that is already struggling.
  const retries: Rule = [(value) => Number.isInteger(value) && (value as number) >= 0, "a whole number, 0 or more"];
  const rules = { retries, minDelayMs: delayMs, maxDelayMs: delayMs, maxRetryAfterMs: limitMs, maxElapsedMs: limitMs };
  checkEach(retry, rules, "retry.");
  const { minDelayMs = 0, maxDelayMs = Infinity } = retry;
  checkArgument(
    minDelayMs,
    "retry.minDelayMs",
    () => minDelayMs <= maxDelayMs,
    `at most retry.maxDelayMs (${maxDelayMs})`,
  );
}

const CLIENT_RULES: Record<string, Rule> = {
  fetch: [isFunction, "a fetch function"],
  timeoutMs: timerMs,
  maxResponseBytes: [
    (value) => Number.isSafeInteger(value) && (value as number) > 0,
    "a whole number of bytes, 1 or more",
  ],
  validateResponses: flag,
  allowInsecureHttp: flag,
  locale: headerValue,
  application: headerValue,
  contractVersion: headerValue,
  retry: retryRule,
  headers: headersRule,
  onRequest: functionRule,
  onResponse: functionRule,
  onRetry: functionRule,
  tracer: [(value) => isFunction((value as Tracer | null)?.startSpan), "an OpenTelemetry Tracer (with startSpan)"],
  logger: functionRule,
};

/** Checks the options of createQualificationsClient before anything else happens. */
export function checkOptions(options: QualificationsClientOptions): void {
  checkArgument(options, "options", isPlainObject, "an object such as { accessToken }");
  const { accessToken, credential, baseUrl, retry, headers } = options;
  if (credential === undefined) {
    const test = (value: unknown) => (typeof value === "string" && value !== "") || isFunction(value);
    checkArgument(accessToken, "accessToken", test, "a non-empty string or a function that returns one");
  } else {
    const test = (value: unknown) =>
      isFunction((value as TokenCredential | null)?.getToken) && accessToken === undefined;
    checkArgument(
      credential,
      "credential",
      test,
      "a TokenCredential (an object with getToken), given without accessToken",
    );
  }
  // The token goes where baseUrl says, so it may hold no credentials (never echoed), query or fragment.
  if (baseUrl !== undefined) {
    const shown = /@/.test(baseUrl) ? "(not shown: it has an @)" : baseUrl;
    const test = () => /^https?:\/\/[^@?#]+$/i.test(baseUrl) && URL.canParse(baseUrl);
    const expected = `an http or https URL such as ${PARTNER_CENTER_URL}, without user:password@, query or fragment`;
    checkArgument(shown, "baseUrl", test, expected);
  }
  checkEach(options, CLIENT_RULES);
  checkRetry(retry);
  // MS-RequestId is the idempotency key of one call: the same one on every call would make them one.
  checkHeaders(headers ?? {}, ["Authorization", "Accept", "MS-RequestId"]);
}

const CALL_RULES: Record<string, Rule> = {
  signal: signalRule,
  correlationId: uuid,
  requestId: uuid,
  headers: headersRule,
  retry: retryRule,
  timeoutMs: timerMs,
};

/** Checks the per-call options of the high-level methods. */
export function checkCallOptions(call: CreateCallOptions): void {
  checkArgument(call, "call options", isPlainObject, "an object such as { signal, correlationId }");
  checkEach(call, CALL_RULES);
  checkRetry(call.retry);
  checkHeaders(call.headers ?? {}, ["Authorization", "Accept"]);
}

/** Checks the options of waitForVetting. */
export function checkWaitOptions(wait: WaitForVettingOptions): void {
  checkArgument(wait, "wait options", isPlainObject, "an object such as { intervalMs, signal }");
  checkEach(wait, { intervalMs: timerMs, timeoutMs: timerMs, onPoll: functionRule, signal: signalRule });
}
