import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { PartnerCenterError } from "./errors.js";
import type { CustomerQualification, CustomerQualificationRequest, CustomerQualificationsResponse, ValidationCode } from "./types.js";

export interface QualificationsClientOptions {
  /** Partner Center's base URL. For 21Vianet use https://partner.partnercenterapi.microsoftonline.cn. */
  baseUrl?: string;
  /** A Microsoft Entra ID access token, or a function that returns one; it is called for every request so tokens can refresh. */
  accessToken: string | (() => string | Promise<string>);
  /** The fetch to send requests with (tests, proxies, other runtimes). */
  fetch?: typeof globalThis.fetch;
}

export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** The `MS-CorrelationId` to send; a new uuid by default. */
  correlationId?: string;
  /** Further request headers, for example `Prefer: example=inReview` for the Prism mock. */
  headers?: Record<string, string>;
}

export interface CreateCallOptions extends CallOptions {
  /** The `MS-RequestId` (idempotency key) to send; a new uuid by default. Reuse it only to retry the same call. */
  requestId?: string;
}

export type QualificationsClient = ReturnType<typeof createQualificationsClient>;

// openapi-fetch's data types pass through its `Readable` mapping, which mangles the open value
// types (`"Approved" | (string & {})`); the high-level methods therefore state their own result types.
type Sent = Promise<{ data?: unknown; error?: unknown; response: Response }>;

const CUSTOMER_QUALIFICATIONS = "/v1/customers/{customer-tenant-id}/qualifications";

export function createQualificationsClient(options: QualificationsClientOptions) {
  const { baseUrl = "https://api.partnercenter.microsoft.com", accessToken, fetch = globalThis.fetch } = options;

  const raw: Client<paths> = createClient<paths>({ baseUrl, fetch });
  raw.use(partnerCenterHeaders(accessToken));

  // The one road every call takes: set the ids, send, and turn a non-2xx answer into a PartnerCenterError.
  async function send<T>(operation: string, call: CreateCallOptions, request: (init: RequestInit) => Sent): Promise<T> {
    const headers = new Headers(call.headers);
    if (call.requestId !== undefined) headers.set("MS-RequestId", call.requestId);
    if (call.correlationId !== undefined) headers.set("MS-CorrelationId", call.correlationId);
    const ids = ensureIds(headers);
    const { data, error, response } = await request(call.signal ? { signal: call.signal, headers } : { headers });
    if (!response.ok) throw new PartnerCenterError({ operation, status: response.status, body: error, ...ids });
    return data as T;
  }

  return {
    /** The underlying openapi-fetch client, typed by the generated paths; it sends the same headers. */
    raw,

    /** The customer's qualifications, as an array whichever form the service answers with. */
    async getCustomerQualifications(customerTenantId: string, call: CallOptions = {}): Promise<CustomerQualification[]> {
      const body = await send<CustomerQualificationsResponse>("getCustomerQualifications", call, (init) =>
        raw.GET(CUSTOMER_QUALIFICATIONS, { params: { path: { "customer-tenant-id": customerTenantId } }, ...init }),
      );
      return Array.isArray(body) ? body : body.qualifications;
    },

    /** Sets a qualification; answers with the customer's new qualification. */
    createCustomerQualification(customerTenantId: string, request: CustomerQualificationRequest, call: CreateCallOptions = {}): Promise<CustomerQualification> {
      return send<CustomerQualification>("createCustomerQualification", call, (init) =>
        raw.POST(CUSTOMER_QUALIFICATIONS, { params: { path: { "customer-tenant-id": customerTenantId } }, body: request, ...init }),
      );
    },

    /** The partner's Government Community Cloud validation codes. */
    getValidationCodes(call: CallOptions = {}): Promise<ValidationCode[]> {
      return send<ValidationCode[]>("getValidationCodes", call, (init) => raw.GET("/v1/customers/all/validations", init));
    },
  };
}

type RequestInit = { signal?: AbortSignal; headers: Headers };

// Gives a request its MS-RequestId and MS-CorrelationId, new uuids unless already set.
function ensureIds(headers: Headers): { requestId: string; correlationId: string } {
  if (!headers.has("MS-RequestId")) headers.set("MS-RequestId", crypto.randomUUID());
  if (!headers.has("MS-CorrelationId")) headers.set("MS-CorrelationId", crypto.randomUUID());
  return { requestId: headers.get("MS-RequestId")!, correlationId: headers.get("MS-CorrelationId")! };
}

// Adds what every Partner Center request carries, on high-level and raw calls alike.
function partnerCenterHeaders(accessToken: QualificationsClientOptions["accessToken"]): Middleware {
  return {
    async onRequest({ request }) {
      const token = typeof accessToken === "function" ? await accessToken() : accessToken;
      request.headers.set("Authorization", `Bearer ${token}`);
      request.headers.set("Accept", "application/json");
      ensureIds(request.headers);
      return request;
    },
  };
}
