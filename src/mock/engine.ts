// The lifecycle engine: an in-memory model of what Partner Center does with the qualification calls,
// with no I/O. The HTTP server (server.ts) and the MSW handlers (msw.ts) only translate to and from it.
// Every answer is one the contract declares, built from its examples and schemas; the adapters check
// them against the contract (Prism's proxy, or the spec's schemas).
import { examples } from "../../generated/examples.js";
import * as schemas from "../../generated/schemas.js";
import { bodyProblem } from "../contract/messages.js";
import { isPlainObject, matches } from "../contract/schema.js";
import type { CustomerQualification, CustomerQualificationRequest, ValidationCode } from "../contract/types.js";
import {
  type Customer,
  copy,
  createQualification,
  customerOf,
  type LifecycleSettings,
  readQualifications,
  readValidation,
  seedCustomer,
} from "./lifecycle.js";
import { MockOptionsError } from "./options-error.js";
import {
  type EngineRequest,
  type ErrorResponse,
  errorBody,
  errorResponseOf,
  idsOf,
  preference,
  RETIRED_DETAIL,
} from "./request-errors.js";
import { isRetired } from "../contract/routes.js";

export { DENIED_REASON, EDUCATION_REQUESTS } from "./lifecycle.js";
export type { EngineRequest } from "./request-errors.js";

export interface EngineOptions {
  /** The first N GETs after an Education create show `InReview`; the next shows the decision. Default 2. */
  vettingPolls?: number;
  /** Decide after this much time instead of after a number of GETs. */
  vettingMs?: number;
  /** How a vetting ends when its create did not send `Prefer: vetting=denied`. Default `Approved`. */
  vettingOutcome?: "Approved" | "Denied";
  /** Answer every k-th request with 429 and `Retry-After` (for clients' retry tests). Default: never. */
  throttleEvery?: number;
  /** The `Retry-After` of those 429 answers, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** The partner's validation codes. Default: the spec's `twoCodes` example. */
  validationCodes?: ValidationCode[];
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What `seed` may set: customers with their qualifications, and the partner's validation codes. */
export interface EngineState {
  customers?: Record<string, CustomerQualification[]>;
  validationCodes?: ValidationCode[];
}

/** What the engine holds: the customers, the partner's validation codes, the creates by request id. */
interface Model {
  settings: LifecycleSettings & { throttleEvery: number | undefined; retryAfterSeconds: number };
  defaultCodes: ValidationCode[];
  customers: Map<string, Customer>;
  validationCodes: ValidationCode[];
  /** Partner Center's idempotency key: the same MS-RequestId gets the same answer, and acts once. */
  byRequestId: Map<string, EngineResponse>;
  requests: number;
}

/** The lifecycle engine: it answers the contract's requests from its state, which a test may reset or seed. */
export interface Engine {
  /** Answers one request of the contract. */
  handle(request: EngineRequest): EngineResponse;
  /** Forgets every customer, create and request id, and restores the validation codes. */
  reset(): void;
  /**
   * Sets customers and the partner's validation codes. A seeded qualification that is `InReview` is vetted
   * from now on like a created one, ending as `vettingOutcome` says.
   */
  seed(state: EngineState): void;
}

export function createEngine(options: EngineOptions = {}): Engine {
  checkOptions(options);
  const { vettingPolls = 2, vettingMs, vettingOutcome = "Approved", throttleEvery, retryAfterSeconds = 1 } = options;
  // Date.now looked up at each call, so that fake timers installed after the engine was made move its clock too.
  const { now = () => Date.now() } = options;
  const settings = { vettingPolls, vettingMs, vettingOutcome, now, throttleEvery, retryAfterSeconds };
  const defaultCodes = options.validationCodes ?? examples.getValidationCodes.responses[200].twoCodes;
  const model: Model = {
    settings,
    defaultCodes,
    customers: new Map(),
    validationCodes: [],
    byRequestId: new Map(),
    requests: 0,
  };
  reset(model);
  return {
    handle: (request) => handle(model, request),
    reset(): void {
      reset(model);
    },
    seed(state): void {
      checkState(state, "seed");
      for (const [tenantId, qualifications] of Object.entries(state.customers ?? {})) {
        seedCustomer(customerOf(model.customers, tenantId), qualifications, settings);
      }
      if (state.validationCodes) model.validationCodes = copy(state.validationCodes);
    },
  };
}

function reset(model: Model): void {
  model.customers = new Map();
  model.validationCodes = copy(model.defaultCodes);
  model.byRequestId = new Map();
  model.requests = 0;
}

function handle(model: Model, request: EngineRequest): EngineResponse {
  const { throttleEvery, retryAfterSeconds } = model.settings;
  const respond = responder(idsOf(request.headers));
  // Equivalent mutant: counting down meets the multiples of throttleEvery too (-0 === 0)
  // Stryker disable next-line AssignmentOperator
  model.requests += 1;
  if (throttleEvery && model.requests % throttleEvery === 0) {
    const message = `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`;
    return respond(429, { statusCode: 429, message }, { "Retry-After": String(retryAfterSeconds) });
  }
  const refused = errorResponseOf(request);
  if (refused) return respond.error(refused);
  const { operationId, customerTenantId: tenantId = "" } = request as Required<EngineRequest>;
  if (operationId === "getValidationCodes") return respond(200, copy(model.validationCodes));
  if (isRetired(operationId)) return respond.error({ status: 501, detail: RETIRED_DETAIL });
  const target = customerOf(model.customers, tenantId);
  if (operationId === "getCustomerValidation") return respond.result(200, readValidation(target, tenantId));
  if (operationId === "getCustomerQualifications") return respond(200, readQualifications(target, model.settings));
  return create(model, request, target, respond);
}

function create(model: Model, request: EngineRequest, target: Customer, respond: Responder): EngineResponse {
  const { headers } = request;
  // Partner Center's idempotency key; an empty one counts as none.
  const requestId = headers.get("MS-RequestId") || undefined;
  const repeated = requestId === undefined ? undefined : model.byRequestId.get(requestId);
  if (repeated) return { ...repeated, headers: { ...repeated.headers, ...respond.ids } };
  const asked = JSON.parse(request.body!) as CustomerQualificationRequest;
  const denied = preference(headers, "vetting")?.toLowerCase() === "denied";
  const created = createQualification(target, asked, model.validationCodes, { ...model.settings, denied });
  // 201 with the qualification, as the conceptual docs show it; `Prefer: code=200` gives the REST API
  // reference's form.
  const asEnvelope = preference(headers, "code") === "200" && !isErrorResponse(created);
  const result = asEnvelope ? respond(200, { qualifications: [created] }) : respond.result(201, created);
  if (requestId !== undefined && result.status < 300) model.byRequestId.set(requestId, result);
  return result;
}

type Responder = ReturnType<typeof responder>;

// A lifecycle step gives its value, or the error it was refused with; no value of the contract has both fields.
const isErrorResponse = (value: object): value is ErrorResponse => "detail" in value && "status" in value;

// The responses to one request, each carrying its ids: a body, an error of the contract, or a lifecycle step's
// result (its value, or the error it was refused with).
function responder(ids: Record<string, string>) {
  const respond = (status: number, body: unknown, headers: Record<string, string> = {}): EngineResponse => ({
    status,
    headers: { ...ids, "Content-Type": "application/json", ...headers },
    body,
  });
  const error = ({ status, detail, headers }: ErrorResponse) => respond(status, errorBody(status, detail), headers);
  const result = (status: number, value: object) => (isErrorResponse(value) ? error(value) : respond(status, value));
  return Object.assign(respond, { ids, error, result });
}

function checkOptions(options: EngineOptions): void {
  const { vettingPolls, vettingMs, throttleEvery, retryAfterSeconds, vettingOutcome } = options;
  const wholeNumbers = { vettingPolls: 0, vettingMs: 0, throttleEvery: 1, retryAfterSeconds: 0 };
  const values = { vettingPolls, vettingMs, throttleEvery, retryAfterSeconds };
  for (const [name, min] of Object.entries(wholeNumbers)) {
    const value = values[name as keyof typeof values];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= min))
      throw new MockOptionsError(`${name} must be a whole number, ${min} or more; got ${value}`);
  }
  if (vettingOutcome !== undefined && vettingOutcome !== "Approved" && vettingOutcome !== "Denied")
    throw new MockOptionsError(`vettingOutcome must be "Approved" or "Denied"; got ${String(vettingOutcome)}`);
  if (options.validationCodes !== undefined)
    checkState({ validationCodes: options.validationCodes }, "validationCodes");
}

// What seed() and the validationCodes option take must be what the contract answers: refused when given,
// rather than at the next call, whose answer would break the contract.
function checkState(state: EngineState, caller: string): void {
  const refuse = (problem: string): never => {
    throw new MockOptionsError(`${caller}: ${problem}`);
  };
  if (!isPlainObject(state)) refuse("must be an object such as { customers, validationCodes }");
  const { customers, validationCodes } = state;
  if (validationCodes !== undefined) {
    const problem = bodyProblem(schemas.getValidationCodesResponse, validationCodes);
    if (problem) refuse(`validationCodes must be validation codes as the contract answers them: ${problem.text}`);
  }
  if (customers === undefined) return;
  if (!isPlainObject(customers)) refuse("customers must be an object of tenant ids and their qualifications");
  for (const [tenantId, qualifications] of Object.entries(customers)) {
    if (!matches(schemas.customerTenantIdParameter, tenantId))
      refuse(`customers: ${JSON.stringify(tenantId)} is not a GUID`);
    const problem = bodyProblem(schemas.getCustomerQualificationsResponse, qualifications);
    if (problem || !Array.isArray(qualifications)) {
      const rule = `customers["${tenantId}"] must be an array of qualifications as the contract answers them`;
      refuse(problem ? `${rule}: ${problem.text}` : rule);
    }
  }
}
