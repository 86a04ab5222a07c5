import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import * as schemas from "../../generated/schemas.js";
import { ownError, PartnerCenterClientError, PartnerCenterError } from "./errors.js";
import {
  createTransport,
  isRetryable,
  limitedController,
  observe,
  parseRetryAfter,
  retrySettings,
  sendRequest,
  sleep,
  tokenProblem,
  type Answer,
  type ClientHooks,
  type RetryOptions,
  type TransportOptions,
} from "./transport.js";
import type {
  CustomerQualification,
  CustomerQualificationRequest,
  CustomerQualificationsEnvelope,
  CustomerQualificationsResponse,
  GccValidationRelationship,
  Qualification,
  ValidationCode,
} from "./types.js";
import {
  checkArgument,
  checkBody,
  checkCallOptions,
  checkCustomerTenantId,
  checkEach,
  checkOptions,
  functionRule,
  signalRule,
  timerMs,
  toJsonBody,
} from "./validation.js";
import { isPlainObject, type Schema } from "./schema.js";

/**
 * A credential of `@azure/identity` (`ClientSecretCredential`, `DefaultAzureCredential`, ...): the
 * `TokenCredential` interface of `@azure/core-auth`, declared here so that the client needs no Azure package.
 */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null>;
}

export interface QualificationsClientSettings extends ClientHooks {
  /** Default https://api.partnercenter.microsoft.com. For 21Vianet: https://partner.partnercenterapi.microsoftonline.cn. No credentials, query or fragment; plain http only to this machine unless `allowInsecureHttp`. */
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
  /** Headers every request carries, a plain object such as `{ "MS-CV": "..." }`; a call's own `headers` win. Not Authorization, Accept or MS-RequestId, which the client sets, nor the connection's own (Connection, Host, ...), which fetch sets. */
  headers?: Record<string, string> | undefined;
  /** Sent as `X-Locale`, the language of messages (Partner Center's default is en-US). */
  locale?: string | undefined;
  /** Sent as `MS-PartnerCenter-Application`, your application's name. */
  application?: string | undefined;
  /** Sent as `MS-Contract-Version`, for example `v1`. */
  contractVersion?: string | undefined;
  /** Check every 2xx body against the contract before returning it. Default true; turn off only for answers you already trust. */
  validateResponses?: boolean | undefined;
}

/** The client's options: its settings, and where its tokens come from, `accessToken` or `credential`. */
export type QualificationsClientOptions = QualificationsClientSettings &
  (
    | {
        /**
         * A Microsoft Entra ID access token (a Bearer token: letters, digits and `-._~+/`, then any `=`), or a (possibly async) function that returns one. The function is
         * called for every attempt, so tokens can refresh, and gets the attempt's signal, which fires when the
         * caller cancels or the attempt's `timeoutMs` runs out.
         */
        accessToken: string | ((options: { signal: AbortSignal }) => string | Promise<string>);
        credential?: undefined;
      }
    | {
        /**
         * An Azure credential, asked for every attempt for the Partner Center scope with the attempt's signal; it caches and refreshes
         * its tokens itself. The scope is `https://api.partnercenter.microsoft.com/.default`, or for the 21Vianet `baseUrl`
         * `https://partner.partnercenterapi.microsoftonline.cn/.default` (whose authority is `https://login.chinacloudapi.cn`).
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
  /** Further request headers, a plain object such as `{ Prefer: "example=inReview" }` for the Prism mock; they win over the client's `headers`. Not Authorization or Accept, which the client sets, nor the connection's own (Connection, Host, ...), which fetch sets. */
  headers?: Record<string, string> | undefined;
  /** This call's retry settings: each one given replaces the client's; `false` for a single attempt. */
  retry?: RetryOptions | false | undefined;
  /** This call's time limit of each attempt, instead of the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

export interface CreateCallOptions extends CallOptions {
  /** The `MS-RequestId` (Partner Center's idempotency key), a uuid; a new uuid v4 by default. Reuse one only to repeat the same create. */
  requestId?: string | undefined;
}

export interface WaitForVettingOptions {
  /** Time between two polls; default 15 minutes. Microsoft's throttling guidance warns against polling continuously, and does not say how long vetting takes. */
  intervalMs?: number | undefined;
  /** Give up after this long with a `timeout` error; polls are cut off at that time too. Default: no limit; cancel with `signal`. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Called after every poll with the qualification as it stands (undefined while the customer does not have it yet). It only watches, as the hooks do: what it throws or rejects with is reported with console.error, and the wait goes on. */
  onPoll?: ((qualification: CustomerQualification | undefined) => void) | undefined;
}

/** What a call of `client.withResponse` resolves to: the data, and the answer it came in. */
export interface WithResponse<T> {
  data: T;
  /** The answer: status, headers (any that echoed the token redacted) and the body as JSON text, unread. */
  response: Response;
  /** The `MS-RequestId` and `MS-CorrelationId` the request carried, which Partner Center echoes: quote them to Microsoft support. */
  requestId: string;
  correlationId: string;
}

/** The high-level calls; with `Full`, each resolves to {@link WithResponse} rather than the data alone. */
export interface QualificationsCalls<Full extends boolean = false> {
  /** The customer's qualifications, as an array whichever form Partner Center answers with. */
  getCustomerQualifications(
    customerTenantId: string,
    call?: CallOptions,
  ): Promise<Full extends true ? WithResponse<CustomerQualification[]> : CustomerQualification[]>;
  /**
   * Sets a qualification (Education, GovernmentCommunityCloud or StateOwnedEntity); answers the customer's new
   * qualification, whether Partner Center sends it alone (201) or wrapped in `{qualifications: [...]}` (200).
   */
  createCustomerQualification(
    customerTenantId: string,
    request: CustomerQualificationRequest,
    call?: CreateCallOptions,
  ): Promise<Full extends true ? WithResponse<CustomerQualification> : CustomerQualification>;
  /** The partner's Government Community Cloud validation codes. */
  getValidationCodes(
    call?: CallOptions,
  ): Promise<Full extends true ? WithResponse<ValidationCode[]> : ValidationCode[]>;
  /** Which of the partner's validation codes the customer's GCC qualification used, whether Partner Center answers 200 or 201. */
  getCustomerValidation(
    customerTenantId: string,
    call?: CallOptions,
  ): Promise<Full extends true ? WithResponse<GccValidationRelationship> : GccValidationRelationship>;
  /**
   * Polls until the customer's `qualification` is no longer `InReview`, and returns it as it then stands
   * (Approved, Denied, or whatever Partner Center reports); with `Full`, with the answer of that last poll.
   * Microsoft vets asynchronously, and does not say how long it takes.
   */
  waitForVetting(
    customerTenantId: string,
    qualification: Qualification,
    wait?: WaitForVettingOptions,
  ): Promise<Full extends true ? WithResponse<CustomerQualification> : CustomerQualification>;
}

export interface QualificationsClient extends QualificationsCalls {
  /** An openapi-fetch client, typed by the generated paths. It shares headers, timeouts, retries and hooks, but returns `{data, error}` instead of throwing; its `use()` middleware sees raw calls only. */
  raw: Client<paths>;
  /** The same calls, resolving to `{ data, response, requestId, correlationId }`. */
  withResponse: QualificationsCalls<true>;
}

// openapi-fetch's factory is its default export. Our CJS build reaches its CJS build through Node's
// interop, which hands over the whole `exports` object as the default; the factory is then one level down.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

const DEFAULT_POLL_INTERVAL_MS = 15 * 60_000;

/** What a high-level call gets before it is shaped for the caller: the data, and the answer it came in. */
type Result<T> = { data: T; answer: Answer };

export function createQualificationsClient(options: QualificationsClientOptions): QualificationsClient {
  try {
    return createClientOf(options);
  } catch (error) {
    throw ownError(error, "createQualificationsClient");
  }
}

function createClientOf(options: QualificationsClientOptions): QualificationsClient {
  checkOptions(options);
  const {
    accessToken,
    credential,
    baseUrl = "https://api.partnercenter.microsoft.com",
    allowInsecureHttp = false,
    fetch = globalThis.fetch,
    retry,
    timeoutMs = 30_000,
    // Far above any answer of this API (a customer has a few qualifications, a partner some validation
    // codes: kilobytes), yet small enough that no answer can exhaust memory.
    maxResponseBytes = 4 * 1024 * 1024,
    headers = {},
    locale,
    application,
    contractVersion,
    validateResponses = true,
    onRequest,
    onResponse,
    onRetry,
  } = options;
  // Plain http carries the token in clear text: only to this machine (the mock), unless the caller insists.
  const { protocol, hostname, origin } = new URL(baseUrl);
  const insecure = protocol === "http:" && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
  checkArgument(
    baseUrl,
    "baseUrl",
    () => !insecure || allowInsecureHttp,
    "https, or http to this machine (127.0.0.1, localhost, [::1]) unless allowInsecureHttp is true",
  );

  // A token string is checked once, here; what a function or a credential gives, on every attempt.
  const problem = typeof accessToken === "string" && tokenProblem(accessToken);
  if (problem) throw new PartnerCenterClientError("token", `The access token ${problem}`);

  // A token's audience is Partner Center; the one operated by 21Vianet (the .cn base URL) is an audience of its own.
  const scope = `${hostname.endsWith(".microsoftonline.cn") ? origin : "https://api.partnercenter.microsoft.com"}/.default`;
  const settings: TransportOptions = {
    fetch,
    // The token of each attempt, whichever way it is given; a credential caches and refreshes its own.
    token: credential
      ? async (signal) => (await credential.getToken(scope, { abortSignal: signal }))?.token
      : typeof accessToken === "function"
        ? (signal) => accessToken({ signal })
        : () => accessToken,
    retry: retrySettings(retry),
    timeoutMs,
    maxResponseBytes,
    onRequest,
    onResponse,
    onRetry,
  };
  const base = baseUrl.replace(/\/+$/, "");
  // Undefined ones are left out; a call's own headers win.
  const clientHeaders = {
    ...headers,
    "X-Locale": locale,
    "MS-PartnerCenter-Application": application,
    "MS-Contract-Version": contractVersion,
  };
  const raw: Client<paths> = createClient<paths>({
    baseUrl: base,
    fetch: createTransport(settings),
    headers: clientHeaders,
  });

  // The one road of the high-level calls, straight to the transport: check the call options, send, turn
  // a non-2xx answer into a PartnerCenterError, and return the body only once it is JSON that keeps the
  // contract. `pick` takes what the caller wants out of a body, and `missing` says what it is when the body
  // lacks it: the top-level shape is checked even when validateResponses is false.
  async function send<T, Body = T>(
    schemaOf: (status: number) => Schema | undefined,
    call: CreateCallOptions,
    method: "GET" | "POST",
    path: string,
    pick: (body: Body) => T | undefined,
    missing: string,
    body: string | null = null,
  ): Promise<Result<T>> {
    checkCallOptions(call);
    const { signal, correlationId, requestId } = call;
    // Each later header wins over an earlier one of the same name, in any letter case: the body's type,
    // the client's headers, the call's, then the id options; undefined ones are left out.
    const sent: Record<string, string> = Object.create(null);
    const given: [string, string | undefined][] = [
      ["Content-Type", body === null ? undefined : "application/json"],
      ...Object.entries(clientHeaders),
      ...Object.entries(call.headers ?? {}),
      ["MS-CorrelationId", correlationId],
      ["MS-RequestId", requestId],
    ];
    for (const [name, value] of given) if (value !== undefined) sent[name.toLowerCase()] = value;
    // The call's own retry and time settings, each one it gives over the client's.
    const answer = await sendRequest(
      { ...settings, retry: retrySettings(retry, call.retry), timeoutMs: call.timeoutMs ?? timeoutMs },
      { method, url: base + path, headers: sent, body, signal },
    );
    const { status, exchange, details } = answer;
    // Words for messages, built only when one is needed.
    const answered = () => `${details().request} answered HTTP ${status}`;
    const contentType = exchange.contentType;
    let parsed: unknown;
    let json = true;
    try {
      // The text is redacted as JSON reads it, and each string's own JSON or URL once more: so is what this gives.
      parsed = JSON.parse(exchange.text);
    } catch {
      [parsed, json] = [exchange.text, false];
    }
    // fetch gives statuses from 200 up: above 299 is not a success.
    if (status > 299) {
      const retryAfterMs = parseRetryAfter(answer.response().headers.get("Retry-After"));
      throw new PartnerCenterError({
        ...details(),
        status,
        body: parsed as PartnerCenterError["body"],
        json,
        contentType,
        location: exchange.location,
        retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      });
    }
    if (!contentType || !/\bjson\b/i.test(contentType)) {
      throw new PartnerCenterClientError(
        "invalid-response",
        `${answered()} with Content-Type ${contentType || "(none)"}; expected application/json`,
        details(),
      );
    }
    if (!json) {
      throw new PartnerCenterClientError(
        "invalid-response",
        `${answered()} with a body that is not valid JSON (${exchange.text.length} characters; cut off?)`,
        details(),
      );
    }
    if (validateResponses) {
      // An operation with several 2xx answers has a schema per status; another status is not in the contract.
      const schema = schemaOf(status);
      if (!schema)
        throw new PartnerCenterClientError(
          "invalid-response",
          `${answered()}, a status the contract does not declare for this call`,
          details(),
        );
      checkBody(schema, parsed, details);
    }
    const data = pick(parsed as Body);
    if (data === undefined)
      throw new PartnerCenterClientError("invalid-response", `${answered()} without ${missing}`, details());
    return { data, answer };
  }

  // An operation with several 2xx answers has a schema per status.
  const byStatus = (schemas: object) => (status: number) => (schemas as Partial<Record<number, Schema>>)[status];
  // What a body must be at the top, so that even an unvalidated one (validateResponses: false) cannot crash a call.
  const anArray = <T>(body: T) => (Array.isArray(body) ? body : undefined);
  const anObject = <T>(body: T) => (isPlainObject(body) ? body : undefined);
  // The array of an envelope such as { qualifications: [...] }, if the body is one.
  const qualificationsIn = (body: unknown) =>
    anArray((anObject(body) as Partial<CustomerQualificationsEnvelope> | undefined)?.qualifications);
  // The tenant id is a GUID by then (checkCustomerTenantId): nothing in it needs encoding.
  const qualificationsOf = (customerTenantId: string) => `/v1/customers/${customerTenantId}/qualifications`;

  const calls: {
    [Name in keyof QualificationsCalls]: (
      ...args: Parameters<QualificationsCalls[Name]>
    ) => Promise<Result<Awaited<ReturnType<QualificationsCalls[Name]>>>>;
  } = {
    async getCustomerQualifications(customerTenantId, call = {}) {
      checkCustomerTenantId(customerTenantId);
      // A bare array, or one wrapped in { qualifications }.
      const list = (body: CustomerQualificationsResponse) => anArray(body) ?? qualificationsIn(body);
      return send(
        () => schemas.getCustomerQualificationsResponse,
        call,
        "GET",
        qualificationsOf(customerTenantId),
        list,
        "an array of qualifications",
      );
    },

    async createCustomerQualification(customerTenantId, request, call = {}) {
      checkCustomerTenantId(customerTenantId);
      // Checked as it will be sent: the JSON text's own fields, after any toJSON.
      const sent = toJsonBody(request, "createCustomerQualification");
      checkBody(
        schemas.createCustomerQualificationRequestVariants,
        sent.value,
        () => ({ request: "createCustomerQualification" }),
        "invalid-argument",
      );
      const { qualification } = sent.value as CustomerQualificationRequest;
      // The new qualification, alone (201) or among the customer's in { qualifications } (200).
      const created = (body: CustomerQualification | CustomerQualificationsEnvelope) => {
        const list = qualificationsIn(body);
        return list
          ? list.find((entry) => entry?.qualification === qualification)
          : (anObject(body) as CustomerQualification | undefined);
      };
      return send(
        byStatus(schemas.createCustomerQualificationResponseByStatus),
        call,
        "POST",
        qualificationsOf(customerTenantId),
        created,
        "the qualification it was asked to create",
        sent.text,
      );
    },

    getValidationCodes(call = {}) {
      return send(
        () => schemas.getValidationCodesResponse,
        call,
        "GET",
        "/v1/customers/all/validations",
        anArray<ValidationCode[]>,
        "an array of validation codes",
      );
    },

    getCustomerValidation(customerTenantId, call = {}) {
      checkCustomerTenantId(customerTenantId);
      return send(
        byStatus(schemas.getCustomerValidationResponseByStatus),
        call,
        "GET",
        `/v1/customers/${customerTenantId}/validations`,
        anObject<GccValidationRelationship>,
        "a validation object",
      );
    },

    async waitForVetting(customerTenantId, qualification, wait = {}) {
      checkCustomerTenantId(customerTenantId);
      checkArgument(
        qualification,
        "qualification",
        (value) => typeof value === "string" && value !== "",
        "a qualification name such as Education",
      );
      checkArgument(wait, "wait options", isPlainObject, "an object such as { intervalMs, signal }");
      checkEach(wait, { intervalMs: timerMs, timeoutMs: timerMs, onPoll: functionRule, signal: signalRule });
      const { intervalMs = DEFAULT_POLL_INTERVAL_MS, timeoutMs, signal, onPoll } = wait;
      const what = `waitForVetting(${qualification})`;
      const startedAt = performance.now();
      // One signal for the whole wait, fired by the caller or at the deadline: no poll and no sleep runs
      // past the deadline (a sleep lasts min(intervalMs, time left)).
      const [whole, release] = limitedController(signal, timeoutMs);
      let state = "the qualification is not on the customer yet";
      let pause: number;
      try {
        for (;;) {
          try {
            const { data, answer } = await calls.getCustomerQualifications(customerTenantId, { signal: whole.signal });
            const current = data.find((entry) => entry?.qualification === qualification);
            observe(onPoll, current);
            if (current && current.vettingStatus !== "InReview") return { data: current, answer };
            if (current) state = "the qualification is still InReview";
            pause = intervalMs;
          } catch (error) {
            // A poll that may succeed later does not end a long wait; a caller's or a deadline's abort does.
            if (!isRetryable(error)) throw error;
            state = `the last poll failed: ${(error as Error).message}`;
            // A server that asks for a longer pause (Retry-After) gets it.
            pause = Math.max(intervalMs, ((error as PartnerCenterError).retryAfter ?? 0) * 1000);
          }
          await sleep(pause, whole.signal, () => what);
        }
      } catch (error) {
        if (signal?.aborted || !whole.signal.aborted) throw error;
        throw new PartnerCenterClientError(
          "timeout",
          `${what} gave up after ${Math.ceil(performance.now() - startedAt)} ms: ${state}`,
        );
      } finally {
        release();
      }
    },
  };

  // The calls twice over: resolving to the data alone, and to the data with its answer and ids.
  // Whatever a value given to a call throws when read (a getter, a proxy, a signal) fails it as a client error too.
  const shaped = <Shape>(shape: (result: Result<unknown>) => Shape) =>
    Object.fromEntries(
      Object.entries(calls).map(([name, call]) => [
        name,
        async (...args: unknown[]) => {
          try {
            return shape(await (call as (...args: unknown[]) => Promise<Result<unknown>>)(...args));
          } catch (error) {
            throw ownError(error, name);
          }
        },
      ]),
    );
  const withResponse = shaped(({ data, answer }) => ({
    data,
    response: answer.response(),
    requestId: answer.exchange.requestId,
    correlationId: answer.exchange.correlationId,
  }));
  return {
    raw,
    withResponse: withResponse as unknown as QualificationsCalls<true>,
    ...(shaped(({ data }) => data) as unknown as QualificationsCalls),
  };
}
