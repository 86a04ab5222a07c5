// The factory: options checked and settled, one transport for every call, the calls shaped for the caller.
import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { PARTNER_CENTER_URL } from "../contract/paths.js";
import { type CallContext, type CallResult, createCalls, type QualificationsCalls } from "./calls.js";
import { checkArgument, isLocalHost, tokenProblem } from "./checks.js";
import { ownError, PartnerCenterClientError } from "./errors.js";
import { logOf } from "./logging.js";
import { checkOptions, DEFAULTS, type QualificationsClientOptions } from "./options.js";
import { retrySettings } from "./retry.js";
import { createTransport, type TransportOptions } from "./transport.js";
import { waitForVetting } from "./wait-for-vetting.js";

export interface QualificationsClient extends QualificationsCalls {
  /**
   * An openapi-fetch client, typed by the generated paths. It shares headers, timeouts, retries and hooks, but
   * returns `{data, error}` instead of throwing; its `use()` middleware sees raw calls only.
   */
  raw: Client<paths>;
  /** The same calls, resolving to `{ data, response, requestId, correlationId }`. */
  withResponse: QualificationsCalls<true>;
}

// openapi-fetch's factory is its default export. Our CJS build reaches its CJS build through Node's
// interop, which hands over the whole `exports` object as the default; the factory is then one level down.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

type WaitArguments = Parameters<QualificationsCalls["waitForVetting"]>;

export function createQualificationsClient(options: QualificationsClientOptions): QualificationsClient {
  try {
    return createClientOf(options);
  } catch (error) {
    throw ownError(error, "createQualificationsClient");
  }
}

function createClientOf(options: QualificationsClientOptions): QualificationsClient {
  checkOptions(options);
  const context = contextOf(options);
  const { baseUrl, headers, transport } = context;
  const raw = createClient<paths>({ baseUrl, fetch: createTransport(transport), headers });
  const calls = createCalls(context);
  const wait = { calls, log: transport.log };
  const all = { ...calls, waitForVetting: (...args: WaitArguments) => waitForVetting(wait, ...args) };
  const withResponse = shaped(all, ({ data, response }) => {
    const { requestId, correlationId } = response.details;
    return { data, response: response.toResponse(), requestId, correlationId };
  });
  const dataOnly = shaped(all, ({ data }) => data) as QualificationsCalls;
  return { raw, withResponse: withResponse as QualificationsCalls<true>, ...dataOnly };
}

// The options settled, defaults in place, into what every call shares.
function contextOf(options: QualificationsClientOptions): CallContext {
  const {
    accessToken,
    baseUrl = DEFAULTS.baseUrl,
    allowInsecureHttp = DEFAULTS.allowInsecureHttp,
    fetch = globalThis.fetch,
    retry,
    timeoutMs = DEFAULTS.timeoutMs,
    maxResponseBytes = DEFAULTS.maxResponseBytes,
    headers = {},
    locale,
    application,
    contractVersion,
    validateResponses = DEFAULTS.validateResponses,
    onRequest,
    onResponse,
    onRetry,
    tracer,
    logger,
  } = options;
  const { protocol, hostname, origin } = new URL(baseUrl);
  // Plain http carries the token in clear text: only to this machine (the mock), unless the caller insists.
  const secure = protocol !== "http:" || isLocalHost(hostname) || allowInsecureHttp;
  const expected = "https, or http to this machine (127.0.0.1, localhost, [::1]) unless allowInsecureHttp is true";
  checkArgument(baseUrl, "baseUrl", () => secure, expected);
  // A token string is checked once, here; what a function or a credential gives, on every attempt.
  const problem = typeof accessToken === "string" && tokenProblem(accessToken);
  if (problem) throw new PartnerCenterClientError("token", `The access token ${problem}`);
  // A token's audience is Partner Center; the one operated by 21Vianet (the .cn base URL) is an audience of its own.
  const scope = `${hostname.endsWith(".microsoftonline.cn") ? origin : PARTNER_CENTER_URL}/.default`;
  return {
    transport: {
      fetch,
      token: tokenOf(options, scope),
      retry: retrySettings(retry),
      timeoutMs,
      maxResponseBytes,
      onRequest,
      onResponse,
      onRetry,
      tracer,
      log: logOf(logger),
      recentTokens: [],
    },
    retry,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    // Undefined ones are left out; a call's own headers win.
    headers: {
      ...headers,
      "X-Locale": locale,
      "MS-PartnerCenter-Application": application,
      "MS-Contract-Version": contractVersion,
    },
    validateResponses,
  };
}

// The token of each attempt, whichever way it is given; a credential caches and refreshes its own.
function tokenOf({ accessToken, credential }: QualificationsClientOptions, scope: string): TransportOptions["token"] {
  if (credential) return async (signal) => (await credential.getToken(scope, { abortSignal: signal }))?.token;
  return typeof accessToken === "function" ? (signal) => accessToken({ signal }) : () => accessToken;
}

// The calls with their results shaped for the caller. Whatever a value given to a call throws when read (a
// getter, a proxy, a signal) fails it as a client error too.
function shaped(calls: object, shape: (result: CallResult<unknown>) => unknown): unknown {
  const entries = Object.entries(calls).map(([name, call]) => {
    const shapedCall = async (...args: unknown[]) => {
      try {
        return shape(await (call as (...args: unknown[]) => Promise<CallResult<unknown>>)(...args));
      } catch (error) {
        throw ownError(error, name);
      }
    };
    return [name, shapedCall];
  });
  return Object.fromEntries(entries);
}
