import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import * as validators from "../../generated/validators.js";
import { PartnerCenterClientError, PartnerCenterError } from "./errors.js";
import { BODY_READ_BY_CALLER, createTransport, DEFAULT_RETRY, exchangeOf, isRetryable, limitedController, parseRetryAfter, requestLine, sleep, type RetryOptions } from "./transport.js";
import type { CustomerQualification, CustomerQualificationRequest, CustomerQualificationsEnvelope, CustomerQualificationsResponse, Qualification, ValidationCode } from "./types.js";
import { checkArgument, checkBody, checkCallOptions, checkCustomerTenantId, checkEach, checkOptions, functionRule, isPlainObject, signalRule, timerMs } from "./validation.js";

export interface QualificationsClientOptions {
  /**
   * A Microsoft Entra ID access token, or a (possibly async) function that returns one. The function is
   * called for every attempt, so tokens can refresh, and gets the attempt's signal, which fires when the
   * caller cancels or the attempt's `timeoutMs` runs out.
   */
  accessToken: string | ((options: { signal: AbortSignal }) => string | Promise<string>);
  /** Default https://api.partnercenter.microsoft.com. For 21Vianet: https://partner.partnercenterapi.microsoftonline.cn. No credentials, query or fragment; plain http only to this machine unless `allowInsecureHttp`. */
  baseUrl?: string;
  /** Allow a plain-http `baseUrl` to another machine, which sends the token unencrypted. Default false. */
  allowInsecureHttp?: boolean;
  /** The fetch to send requests with (tests, proxies, other runtimes). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Retry settings, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Time limit of each attempt: the token function, headers and body. Default 30 s. */
  timeoutMs?: number;
  /** The longest answer read, in bytes; a longer one fails with `response-too-large`. Default 4 MiB. */
  maxResponseBytes?: number;
  /** Sent as `X-Locale`, the language of messages (Partner Center's default is en-US). */
  locale?: string;
  /** Sent as `MS-PartnerCenter-Application`, your application's name. */
  application?: string;
  /** Sent as `MS-Contract-Version`, for example `v1`. */
  contractVersion?: string;
  /** Check every 2xx body against the contract before returning it. Default true; turn off only for answers you already trust. */
  validateResponses?: boolean;
}

export interface CallOptions {
  /** Cancels the call, waits between retries included. */
  signal?: AbortSignal;
  /** The `MS-CorrelationId` to send, a uuid; a new uuid v4 by default. */
  correlationId?: string;
  /** Further request headers, for example `{ Prefer: "example=inReview" }` for the Prism mock. */
  headers?: Record<string, string>;
}

export interface CreateCallOptions extends CallOptions {
  /** The `MS-RequestId` (Partner Center's idempotency key), a uuid; a new uuid v4 by default. Reuse one only to repeat the same create. */
  requestId?: string;
}

export interface WaitForVettingOptions {
  /** Time between two polls. Vetting takes hours to days, so the default is 15 minutes. */
  intervalMs?: number;
  /** Give up after this long with a `timeout` error; polls are cut off at that time too. Default: no limit; cancel with `signal`. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called after every poll with the qualification as it stands (undefined while the customer does not have it yet). */
  onPoll?: (qualification: CustomerQualification | undefined) => void;
}

export type QualificationsClient = ReturnType<typeof createQualificationsClient>;

// openapi-fetch's factory is its default export. Our CJS build reaches its CJS build through Node's
// interop, which hands over the whole `exports` object as the default; the factory is then one level down.
const createClient: typeof openapiFetch = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

const CUSTOMER_QUALIFICATIONS = "/v1/customers/{customer-tenant-id}/qualifications";
const DEFAULT_POLL_INTERVAL_MS = 15 * 60_000;

export function createQualificationsClient(options: QualificationsClientOptions) {
  checkOptions(options);
  const {
    accessToken,
    baseUrl = "https://api.partnercenter.microsoft.com",
    allowInsecureHttp = false,
    fetch = globalThis.fetch,
    retry = DEFAULT_RETRY,
    timeoutMs = 30_000,
    // Far above any answer of this API (a customer has a few qualifications, a partner some validation
    // codes: kilobytes), yet small enough that no answer can exhaust memory.
    maxResponseBytes = 4 * 1024 * 1024,
    locale,
    application,
    contractVersion,
    validateResponses = true,
  } = options;
  // Plain http carries the token in clear text: only to this machine (the mock), unless the caller insists.
  const { protocol, hostname } = new URL(baseUrl);
  const insecure = protocol === "http:" && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
  checkArgument(baseUrl, "baseUrl", () => !insecure || allowInsecureHttp, "https, or http to this machine (127.0.0.1, localhost, [::1]) unless allowInsecureHttp is true");

  const headers: Record<string, string> = {};
  if (locale !== undefined) headers["X-Locale"] = locale;
  if (application !== undefined) headers["MS-PartnerCenter-Application"] = application;
  if (contractVersion !== undefined) headers["MS-Contract-Version"] = contractVersion;

  const transport = createTransport({
    fetch,
    // A string token is checked once, here; a function's answer on every attempt.
    token: typeof accessToken === "string" ? checkedToken(accessToken) : async (signal) => checkedToken(await callTokenFunction(accessToken, signal)),
    headers,
    retry: retry === false ? false : { ...DEFAULT_RETRY, ...retry },
    timeoutMs,
    maxResponseBytes,
  });
  const raw: Client<paths> = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ""), fetch: transport });

  // The one road of the high-level calls: check the call options, send, turn a non-2xx answer into a
  // PartnerCenterError, and return the body only once it is JSON that keeps the contract.
  // `pick` takes what the caller wants out of a valid body; undefined means the body lacks it.
  async function send<T, Body = T>(
    validate: validators.Validator | Partial<Record<number, validators.Validator>>,
    call: CreateCallOptions,
    request: (init: { signal?: AbortSignal; headers?: Record<string, string>; parseAs: "stream" }) => Promise<{ response: Response }>,
    pick: (body: Body) => T | undefined = (body) => body as unknown as T,
  ): Promise<T> {
    checkCallOptions(call);
    const { signal, correlationId, requestId } = call;
    const headers = { ...call.headers, ...(correlationId && { "MS-CorrelationId": correlationId }), ...(requestId && { "MS-RequestId": requestId }) };
    // "stream": openapi-fetch leaves a 2xx body alone; the transport has read it already.
    const init = { parseAs: "stream" as const, [BODY_READ_BY_CALLER]: true, headers, ...(signal && { signal }) };
    const { response } = await request(init);
    const { ok, status, headers: answer } = response;
    const exchange = exchangeOf(response);
    const what = requestLine(exchange);
    const details = () => ({ request: what, requestId: exchange.requestId, correlationId: exchange.correlationId });
    const contentType = exchange.contentType;
    let body: unknown;
    let json = true;
    try {
      body = JSON.parse(exchange.text);
    } catch {
      [body, json] = [exchange.text, false];
    }
    if (!ok) {
      const retryAfterMs = parseRetryAfter(answer.get("Retry-After"));
      const location = answer.get("Location");
      throw new PartnerCenterError({
        ...details(),
        status,
        body,
        json,
        contentType,
        // Where a redirect pointed: its origin names it, without path, query or credentials.
        location: location === null ? undefined : URL.canParse(location, exchange.url) ? new URL(location, exchange.url).origin : "an invalid URL",
        retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      });
    }
    if (!contentType || !/\bjson\b/i.test(contentType)) {
      throw new PartnerCenterClientError("invalid-response", `${what} answered HTTP ${status} with Content-Type ${contentType || "(none)"}; expected application/json`, details());
    }
    if (!json) {
      throw new PartnerCenterClientError("invalid-response", `${what} answered HTTP ${status} with a body that is not valid JSON (${exchange.text.length} characters; cut off?)`, details());
    }
    if (validateResponses) {
      // An operation with several 2xx answers has a validator per status; another status is not in the contract.
      const check = typeof validate === "function" ? validate : validate[status];
      if (!check) throw new PartnerCenterClientError("invalid-response", `${what} answered HTTP ${status}, a status the contract does not declare for this call`, details());
      checkBody(check, body, details);
    }
    const picked = pick(body as Body);
    if (picked === undefined) throw new PartnerCenterClientError("invalid-response", `${what} answered HTTP ${status} without the qualification it was asked to create`, details());
    return picked;
  }

  async function getCustomerQualifications(customerTenantId: string, call: CallOptions = {}): Promise<CustomerQualification[]> {
    checkCustomerTenantId(customerTenantId);
    const body = await send<CustomerQualificationsResponse>(validators.getCustomerQualificationsResponse, call, (init) =>
      raw.GET(CUSTOMER_QUALIFICATIONS, { params: { path: { "customer-tenant-id": customerTenantId } }, ...init }),
    );
    return Array.isArray(body) ? body : body.qualifications;
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated paths. It shares headers, timeouts and retries, but returns `{data, error}` instead of throwing. */
    raw,

    /** The customer's qualifications, as an array whichever form Partner Center answers with. */
    getCustomerQualifications,

    /**
     * Sets a qualification (Education, GovernmentCommunityCloud or StateOwnedEntity); answers the customer's new
     * qualification, whether Partner Center sends it alone (201) or wrapped in `{qualifications: [...]}` (200).
     */
    async createCustomerQualification(customerTenantId: string, request: CustomerQualificationRequest, call: CreateCallOptions = {}): Promise<CustomerQualification> {
      checkCustomerTenantId(customerTenantId);
      checkBody(validators.createCustomerQualificationRequestVariants, request, () => ({ request: "createCustomerQualification" }), "invalid-argument");
      return send(
        validators.createCustomerQualificationResponseByStatus,
        call,
        (init) => raw.POST(CUSTOMER_QUALIFICATIONS, { params: { path: { "customer-tenant-id": customerTenantId } }, body: request, ...init }),
        // Checked with Array.isArray, so that an unvalidated body (validateResponses: false) cannot crash it.
        (body: CustomerQualification | CustomerQualificationsEnvelope) =>
          Array.isArray((body as Partial<CustomerQualificationsEnvelope> | null)?.qualifications)
            ? (body as CustomerQualificationsEnvelope).qualifications.find((entry) => entry?.qualification === request.qualification)
            : (body as CustomerQualification),
      );
    },

    /** The partner's Government Community Cloud validation codes. */
    getValidationCodes(call: CallOptions = {}): Promise<ValidationCode[]> {
      return send(validators.getValidationCodesResponse, call, (init) => raw.GET("/v1/customers/all/validations", init));
    },

    /**
     * Polls until the customer's `qualification` is no longer `InReview`, and returns it as it then stands
     * (Approved, Denied, or whatever Partner Center reports). Microsoft vets asynchronously; it can take days.
     */
    async waitForVetting(customerTenantId: string, qualification: Qualification, wait: WaitForVettingOptions = {}): Promise<CustomerQualification> {
      checkCustomerTenantId(customerTenantId);
      checkArgument(qualification, "qualification", (value) => typeof value === "string" && value !== "", "a qualification name such as Education");
      checkArgument(wait, "wait options", isPlainObject, "an object such as { intervalMs, signal }");
      checkEach(wait, { intervalMs: timerMs, timeoutMs: timerMs, onPoll: functionRule, signal: signalRule });
      const { intervalMs = DEFAULT_POLL_INTERVAL_MS, timeoutMs, signal, onPoll } = wait;
      const what = `waitForVetting(${qualification})`;
      const startedAt = performance.now();
      // One signal for the whole wait, fired by the caller or at the deadline: no poll and no sleep runs
      // past the deadline (a sleep lasts min(intervalMs, time left)).
      const [whole, release] = limitedController(signal, timeoutMs);
      let state = "the qualification is not on the customer yet";
      try {
        for (;;) {
          try {
            const current = (await getCustomerQualifications(customerTenantId, { signal: whole.signal })).find((entry) => entry.qualification === qualification);
            onPoll?.(current);
            if (current && current.vettingStatus !== "InReview") return current;
            if (current) state = "the qualification is still InReview";
          } catch (error) {
            // A poll that may succeed later does not end a wait of days; a caller's or a deadline's abort does.
            if (!isRetryable(error)) throw error;
            state = `the last poll failed: ${(error as Error).message}`;
          }
          await sleep(intervalMs, whole.signal, () => what);
        }
      } catch (error) {
        if (signal?.aborted || !whole.signal.aborted) throw error;
        throw new PartnerCenterClientError("timeout", `${what} gave up after ${Math.ceil(performance.now() - startedAt)} ms: ${state}`);
      } finally {
        release();
      }
    },
  };
}

async function callTokenFunction(accessToken: (options: { signal: AbortSignal }) => string | Promise<string>, signal: AbortSignal): Promise<unknown> {
  try {
    return await accessToken({ signal });
  } catch (error) {
    throw new PartnerCenterClientError("token", "The accessToken function threw; see `cause`", { cause: error });
  }
}

// Visible ASCII only: anything else cannot go in an HTTP header, and fetch's own error would echo the token.
function checkedToken(token: unknown): string {
  if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token)) {
    const got = typeof token === "string" ? (token === "" ? "an empty string" : "a string with spaces or characters not allowed in a header") : typeof token;
    throw new PartnerCenterClientError("token", `The access token must be a non-empty string of visible ASCII characters; got ${got}`);
  }
  return token;
}
