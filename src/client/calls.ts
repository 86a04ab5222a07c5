// The high-level calls: each checks its arguments, sends through the transport, turns a non-2xx response into
// a PartnerCenterError, and returns the data only once the body is JSON that keeps the contract.
import * as schemas from "../../generated/schemas.js";
import { CUSTOMER_VALIDATION_PATH, pathOf, QUALIFICATIONS_PATH, VALIDATION_CODES_PATH } from "../contract/paths.js";
import { isPlainObject, type Schema } from "../contract/schema.js";
import type {
  CreatableQualification,
  CustomerQualification,
  CustomerQualificationRequest,
  CustomerQualificationsEnvelope,
  GccValidationRelationship,
  ValidationCode,
} from "../contract/types.js";
import { checkBody, checkCustomerTenantId, toJsonBody } from "./checks.js";
import { PartnerCenterClientError, PartnerCenterError } from "./errors.js";
import { type CallOptions, type CreateCallOptions, checkCallOptions, type WaitForVettingOptions } from "./options.js";
import { type RetryOptions, retrySettings } from "./retry.js";
import type { TransportResponse } from "./response.js";
import { sendRequest, type TransportOptions } from "./transport.js";

/** What a call of `client.withResponse` resolves to: the data, and the answer it came in. */
export interface WithResponse<T> {
  data: T;
  /** The answer: status, headers (any that echoed the token redacted) and the body as JSON text, unread. */
  response: Response;
  /**
   * The `MS-RequestId` and `MS-CorrelationId` the request carried, which Partner Center echoes: quote them to Microsoft
   * support.
   */
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
  /**
   * Which of the partner's validation codes the customer's GCC qualification used, whether Partner Center answers 200
   * or 201.
   */
  getCustomerValidation(
    customerTenantId: string,
    call?: CallOptions,
  ): Promise<Full extends true ? WithResponse<GccValidationRelationship> : GccValidationRelationship>;
  /**
   * Polls until the customer's `qualification` is no longer `InReview`, and returns it as it then stands
   * (Approved, Denied, or whatever Partner Center reports); with `Full`, with the answer of that last poll.
   * Microsoft vets asynchronously, and does not say how long it takes. A qualification the customer does not have
   * fails at the first poll, unless `timeoutMs` gives it time to appear. Another string than those the client can
   * create is taken too, given `as CreatableQualification`.
   */
  waitForVetting(
    customerTenantId: string,
    qualification: CreatableQualification,
    wait?: WaitForVettingOptions,
  ): Promise<Full extends true ? WithResponse<CustomerQualification> : CustomerQualification>;
}

/** What the client's calls share: the transport's settings, and what each request starts from. */
export interface CallContext {
  transport: TransportOptions;
  /** The client's retry option, which a call's own retry option refines. */
  retry: RetryOptions | false | undefined;
  /** The base URL without a trailing slash. */
  baseUrl: string;
  /** The client's headers; undefined ones are left out. */
  headers: Record<string, string | undefined>;
  validateResponses: boolean;
}

/** What a high-level call resolves to before it is shaped for the caller: the data, and the response it came in. */
export interface CallResult<T> {
  data: T;
  response: TransportResponse;
}

/** The calls that send one request each, resolving to a {@link CallResult}. */
export type Calls = {
  [Name in Exclude<keyof QualificationsCalls, "waitForVetting">]: (
    ...args: Parameters<QualificationsCalls[Name]>
  ) => Promise<CallResult<Awaited<ReturnType<QualificationsCalls[Name]>>>>;
};

/** The calls of a client. */
export function createCalls(client: CallContext): Calls {
  return {
    async getCustomerQualifications(customerTenantId, call = {}) {
      checkCustomerTenantId(customerTenantId);
      return send(client, call, "GET", pathOf(QUALIFICATIONS_PATH, customerTenantId), null, (response) => {
        const body = readBody(client, response, () => schemas.getCustomerQualificationsResponse);
        // A bare array, or one wrapped in { qualifications }.
        return resultOf(response, anArray(body) ?? qualificationsIn(body), "an array of qualifications");
      });
    },

    async createCustomerQualification(customerTenantId, request, call = {}) {
      checkCustomerTenantId(customerTenantId);
      // Checked as it will be sent: the JSON text's own fields, after any toJSON.
      const json = toJsonBody(request, "createCustomerQualification");
      const details = { request: "createCustomerQualification" };
      checkBody(schemas.createCustomerQualificationRequestVariants, json.value, details, "invalid-argument");
      const { qualification } = json.value as CustomerQualificationRequest;
      return send(client, call, "POST", pathOf(QUALIFICATIONS_PATH, customerTenantId), json.text, (response) => {
        const body = readBody(client, response, byStatus(schemas.createCustomerQualificationResponseByStatus));
        // The new qualification, alone (201) or among the customer's in { qualifications } (200).
        const list = qualificationsIn(body);
        const created = list ? list.find((entry) => entry?.qualification === qualification) : anObject(body);
        return resultOf(response, created as CustomerQualification, "the qualification it was asked to create");
      });
    },

    async getValidationCodes(call = {}) {
      return send(client, call, "GET", VALIDATION_CODES_PATH, null, (response) => {
        const body = readBody(client, response, () => schemas.getValidationCodesResponse);
        return resultOf(response, anArray(body) as ValidationCode[] | undefined, "an array of validation codes");
      });
    },

    async getCustomerValidation(customerTenantId, call = {}) {
      checkCustomerTenantId(customerTenantId);
      return send(client, call, "GET", pathOf(CUSTOMER_VALIDATION_PATH, customerTenantId), null, (response) => {
        const body = readBody(client, response, byStatus(schemas.getCustomerValidationResponseByStatus));
        return resultOf(response, anObject(body) as GccValidationRelationship | undefined, "a validation object");
      });
    },
  };
}

// What a body must be at the top, so that even an unvalidated one (validateResponses: false) cannot crash a call.
const anArray = (body: unknown) => (Array.isArray(body) ? body : undefined);
const anObject = (body: unknown) => (isPlainObject(body) ? body : undefined);
// The array of an envelope such as { qualifications: [...] }, if the body is one.
const qualificationsIn = (body: unknown) =>
  anArray((anObject(body) as Partial<CustomerQualificationsEnvelope> | undefined)?.qualifications) as
    | CustomerQualification[]
    | undefined;
// An operation with several 2xx responses has a schema per status.
const byStatus = (schemas: object) => (status: number) => (schemas as Partial<Record<number, Schema>>)[status];

// Sends a call's request: the body's type, the client's headers, the call's, then the id options, each
// later one winning over an earlier one of the same name in any letter case; the call's own retry and time
// settings over the client's. `finish` reads the response, inside the call's span.
function send<T>(
  client: CallContext,
  call: CreateCallOptions,
  method: string,
  path: string,
  body: string | null,
  finish: (response: TransportResponse) => CallResult<T>,
): Promise<CallResult<T>> {
  checkCallOptions(call);
  const { signal, correlationId, requestId } = call;
  const headers: Record<string, string> = Object.create(null);
  const layers: [string, string | undefined][] = [
    ["Content-Type", body === null ? undefined : "application/json"],
    ...Object.entries(client.headers),
    ...Object.entries(call.headers ?? {}),
    ["MS-CorrelationId", correlationId],
    ["MS-RequestId", requestId],
  ];
  for (const [name, value] of layers) if (value !== undefined) headers[name.toLowerCase()] = value;
  const retry = retrySettings(client.retry, call.retry);
  const settings = { ...client.transport, retry, timeoutMs: call.timeoutMs ?? client.transport.timeoutMs };
  return sendRequest(settings, { method, url: client.baseUrl + path, headers, body, signal }, finish);
}

// The body of a 2xx response, parsed and, unless validateResponses is false, checked against the schema of its
// status; any other status is the PartnerCenterError it says.
function readBody(client: CallContext, response: TransportResponse, schemaOf: (status: number) => Schema | undefined) {
  const { status, text, contentType, details } = response;
  let body: unknown;
  let json = true;
  try {
    // The text is redacted as JSON reads it, and each string's own JSON or URL once more: so is what this gives.
    body = JSON.parse(text);
  } catch {
    [body, json] = [text, false];
  }
  // fetch gives statuses from 200 up: above 299 is not a success.
  if (status > 299) throw httpError(response, body, json);
  const answered = `${details.request} answered HTTP ${status}`;
  const invalid = (message: string) => new PartnerCenterClientError("invalid-response", message, details);
  if (!/\bjson\b/i.test(contentType)) {
    throw invalid(`${answered} with Content-Type ${contentType || "(none)"}; expected application/json`);
  }
  if (!json) throw invalid(`${answered} with a body that is not valid JSON (${text.length} characters; cut off?)`);
  if (client.validateResponses) {
    // An operation with several 2xx responses has a schema per status; another status is not in the contract.
    const schema = schemaOf(status);
    if (!schema) throw invalid(`${answered}, a status the contract does not declare for this call`);
    checkBody(schema, body, details);
  }
  return body;
}

function httpError(response: TransportResponse, body: unknown, json: boolean): PartnerCenterError {
  const { status, contentType, location, retryAfterMs, details } = response;
  const retryAfter = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  return new PartnerCenterError({
    ...details,
    status,
    body: body as PartnerCenterError["body"],
    json,
    contentType,
    location,
    retryAfter,
  });
}

function resultOf<T>(response: TransportResponse, data: T | undefined, expected: string): CallResult<T> {
  if (data !== undefined) return { data, response };
  const { status, details } = response;
  throw new PartnerCenterClientError(
    "invalid-response",
    `${details.request} answered HTTP ${status} without ${expected}`,
    details,
  );
}
