// The lifecycle engine: an in-memory model of what Partner Center does with the qualification calls,
// with no I/O. The HTTP server (server.ts) and the MSW handlers (msw.ts) only translate to and from it.
// Every answer is one the contract declares, built from its examples and schemas; the adapters check
// them against the contract (Prism's proxy, or the spec's schemas).
import { examples } from "../../generated/examples.js";
import type {
  CustomerQualification,
  CustomerQualificationRequest,
  GccValidationRelationship,
  ValidationCode,
} from "../contract/types.js";
import * as schemas from "../../generated/schemas.js";
import { bodyProblem } from "../contract/messages.js";
import { MockOptionsError } from "./options-error.js";
import { errorBody, idsOf, preference, refusalOf, RETIRED_DETAIL, type EngineRequest } from "./refusals.js";
import { isRetired } from "./routes.js";

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

export type { EngineRequest } from "./refusals.js";

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

type Outcome = "Approved" | "Denied";

interface Vetting {
  outcome: Outcome;
  startedAt: number;
  polls: number;
}

interface Customer {
  qualifications: CustomerQualification[];
  /** The vetting of each qualification that is still `InReview`, by qualification name. */
  vettings: Map<string, Vetting>;
  /** How many times Education was requested: Microsoft allows three per customer. */
  educationRequests: number;
  /** The validation code the customer's GCC create used. */
  gccValidation?: ValidationCode;
}

/** What `seed` may set: customers with their qualifications, and the partner's validation codes. */
export interface EngineState {
  customers?: Record<string, CustomerQualification[]>;
  validationCodes?: ValidationCode[];
}

/** The documented reason of a denied Education vetting (the reference document's Denied example). */
export const DENIED_REASON = "Not an Education Customer";
/** "Verification can be requested up to three times per customer" (Microsoft's education page). */
export const EDUCATION_REQUESTS = 3;

const copy = <T>(value: T): T => structuredClone(value);

export function createEngine(options: EngineOptions = {}) {
  // Date.now looked up at each call, so that fake timers installed after the engine was made move its clock too.
  const {
    vettingPolls = 2,
    vettingMs,
    vettingOutcome = "Approved",
    throttleEvery,
    retryAfterSeconds = 1,
    now = () => Date.now(),
  } = options;
  for (const [name, value, min] of [
    ["vettingPolls", vettingPolls, 0],
    ["vettingMs", vettingMs, 0],
    ["throttleEvery", throttleEvery, 1],
    ["retryAfterSeconds", retryAfterSeconds, 0],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= min))
      throw new MockOptionsError(`${name} must be a whole number, ${min} or more; got ${value}`);
  }
  if (vettingOutcome !== "Approved" && vettingOutcome !== "Denied")
    throw new MockOptionsError(`vettingOutcome must be "Approved" or "Denied"; got ${String(vettingOutcome)}`);
  if (options.validationCodes !== undefined)
    checkState({ validationCodes: options.validationCodes }, "validationCodes");
  const defaultCodes = options.validationCodes ?? examples.getValidationCodes.responses[200].twoCodes;
  let customers = new Map<string, Customer>();
  let validationCodes: ValidationCode[] = copy(defaultCodes);
  // Partner Center's idempotency key: the same MS-RequestId gets the same answer, and acts once.
  let byRequestId = new Map<string, EngineResponse>();
  let requests = 0;

  function customer(tenantId: string): Customer {
    const key = tenantId.toLowerCase();
    // Assumption (no source says otherwise): every customer exists, with no qualification until one is set.
    if (!customers.has(key)) customers.set(key, { qualifications: [], vettings: new Map(), educationRequests: 0 });
    return customers.get(key)!;
  }

  function handle(request: EngineRequest): EngineResponse {
    const ids = idsOf(request.headers);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): EngineResponse => ({
      status,
      headers: { ...ids, "Content-Type": "application/json", ...headers },
      body,
    });
    const error = (status: Parameters<typeof errorBody>[0], detail?: string, headers: Record<string, string> = {}) =>
      answer(status, errorBody(status, detail), headers);

    // Equivalent mutant: counting down meets the multiples of throttleEvery too (-0 === 0)
    // Stryker disable next-line AssignmentOperator
    requests += 1;
    if (throttleEvery && requests % throttleEvery === 0) {
      return answer(
        429,
        { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
        { "Retry-After": String(retryAfterSeconds) },
      );
    }
    const refusal = refusalOf(request);
    if (refusal) return error(refusal.status, refusal.detail, refusal.headers);

    const { operationId, customerTenantId: tenantId = "" } = request as Required<EngineRequest>;
    if (operationId === "getValidationCodes") return answer(200, copy(validationCodes));
    if (isRetired(operationId)) return error(501, RETIRED_DETAIL);
    if (operationId === "getCustomerValidation") return readValidation(tenantId);
    if (operationId === "getCustomerQualifications") return answer(200, readQualifications(customer(tenantId)));

    // Partner Center's idempotency key; an empty one counts as none.
    const requestId = request.headers.get("MS-RequestId") || undefined;
    const repeated = requestId === undefined ? undefined : byRequestId.get(requestId);
    if (repeated) return { ...repeated, headers: { ...repeated.headers, ...ids } };
    const result = create(
      customer(tenantId),
      JSON.parse(request.body!) as CustomerQualificationRequest,
      request.headers,
    );
    if (requestId !== undefined && result.status < 300) byRequestId.set(requestId, result);
    return result;

    // The validation code the customer's GCC create used; a customer without one is not documented: 404.
    function readValidation(tenantId: string): EngineResponse {
      const code = customer(tenantId).gccValidation;
      if (!code) return error(404, "the customer has no GCC qualification created with a validation code");
      const relationship: GccValidationRelationship = { customerId: tenantId };
      for (const name of ["partnerId", "organizationName", "eTag"] as const)
        if (code[name] !== undefined) relationship[name] = code[name];
      // The code's id may be a number (the resource table's type); the relationship's is a string.
      if (code.validationId !== undefined) relationship.validationId = String(code.validationId);
      return answer(200, relationship);
    }

    // The body keeps the contract by now (refusalOf checked it).
    function create(
      target: Customer,
      asked: CustomerQualificationRequest,
      headers: EngineRequest["headers"],
    ): EngineResponse {
      const refusal = conflict(target, asked.qualification);
      if (refusal) return error(409, refusal);
      const created: CustomerQualification = { qualification: asked.qualification };
      if (asked.qualification === "GovernmentCommunityCloud") {
        const code = validationCodes.find((entry) => String(entry.validationId) === asked.validationCode);
        if (!code)
          return error(400, `validationCode ${asked.validationCode} is not one of the partner's validation codes`);
        if (code.remainingCreates === 0)
          return error(400, `validationCode ${asked.validationCode} has no creates left`);
        if (typeof code.remainingCreates === "number") code.remainingCreates -= 1;
        target.gccValidation = code;
        // As the docs' GCC example shows it: approved, with the date spelled vettingCreateDate.
        Object.assign(created, { vettingStatus: "Approved", vettingCreateDate: new Date(now()).toISOString() });
      }
      if (asked.qualification === "Education") {
        Object.assign(created, { vettingStatus: "InReview", vettingCreatedDate: new Date(now()).toISOString() });
        target.vettings.set("Education", {
          outcome: preference(headers, "vetting")?.toLowerCase() === "denied" ? "Denied" : vettingOutcome,
          startedAt: now(),
          polls: 0,
        });
        target.educationRequests += 1;
      }
      // A new request after a denial replaces the denied qualification.
      target.qualifications = [
        ...target.qualifications.filter((entry) => entry.qualification !== asked.qualification),
        created,
      ];
      // 201 with the qualification, as the conceptual docs show it; `Prefer: code=200` gives the REST API reference's
      // form.
      return preference(headers, "code") === "200"
        ? answer(200, { qualifications: [copy(created)] })
        : answer(201, copy(created));
    }
  }

  // Why a create of `qualification` is refused (409), if it is. A qualification is set once; Education may
  // be requested again after a denial, up to three requests in all (decision 9; the status is an assumption).
  function conflict(target: Customer, qualification: string): string | undefined {
    const current = target.qualifications.find((entry) => entry.qualification === qualification);
    if (qualification !== "Education") return current && `the customer already has the ${qualification} qualification`;
    if (current && current.vettingStatus !== "Denied") {
      const state = current.vettingStatus ? ` (${current.vettingStatus})` : "";
      const again = "it can be requested again only after a denial";
      return `the customer already has the Education qualification${state}; ${again}`;
    }
    if (target.educationRequests >= EDUCATION_REQUESTS) {
      const limit = `Education verification can be requested up to ${EDUCATION_REQUESTS} times per customer`;
      return `${limit}, and was requested ${target.educationRequests} times`;
    }
    return undefined;
  }

  // One GET: every vetting still in review counts the poll, and is decided once it has been polled
  // `vettingPolls` times (or once `vettingMs` has passed).
  function readQualifications(target: Customer): CustomerQualification[] {
    for (const [name, vetting] of target.vettings) {
      const decided = vettingMs === undefined ? vetting.polls >= vettingPolls : now() - vetting.startedAt >= vettingMs;
      vetting.polls += 1;
      if (!decided) continue;
      const entry = target.qualifications.find((qualification) => qualification.qualification === name)!;
      entry.vettingStatus = vetting.outcome;
      if (vetting.outcome === "Denied") entry.vettingReason = DENIED_REASON;
      // Equivalent mutant: a decided vetting decided again ends the same; forgetting it only saves the work
      // Stryker disable next-line all
      target.vettings.delete(name);
    }
    return copy(target.qualifications);
  }

  return {
    handle,
    /** Forgets every customer, create and request id, and restores the validation codes. */
    reset(): void {
      customers = new Map();
      validationCodes = copy(defaultCodes);
      byRequestId = new Map();
      requests = 0;
    },
    /**
     * Sets customers and the partner's validation codes. A seeded qualification that is `InReview` is vetted
     * from now on like a created one, ending as `vettingOutcome` says.
     */
    seed(state: EngineState): void {
      checkState(state, "seed");
      for (const [tenantId, qualifications] of Object.entries(state.customers ?? {})) {
        const target = customer(tenantId);
        target.qualifications = copy(qualifications);
        // A seeded Education counts as one request of the three.
        target.educationRequests = qualifications.some((entry) => entry.qualification === "Education") ? 1 : 0;
        target.vettings = new Map(
          qualifications
            .filter((entry) => entry.vettingStatus === "InReview")
            .map((entry) => [entry.qualification, { outcome: vettingOutcome, startedAt: now(), polls: 0 }]),
        );
      }
      if (state.validationCodes) validationCodes = copy(state.validationCodes);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;

// What seed() and the validationCodes option take must be what the contract answers: refused when given,
// rather than at the next call, whose answer would break the contract.
function checkState(state: EngineState, what: string): void {
  const refuse = (problem: string): never => {
    throw new MockOptionsError(`${what}: ${problem}`);
  };
  if (typeof state !== "object" || state === null || Array.isArray(state))
    refuse("must be an object such as { customers, validationCodes }");
  const { customers, validationCodes } = state;
  if (validationCodes !== undefined) {
    const problem = bodyProblem(schemas.getValidationCodesResponse, validationCodes);
    if (problem) refuse(`validationCodes must be validation codes as the contract answers them: ${problem}`);
  }
  if (customers === undefined) return;
  if (typeof customers !== "object" || customers === null || Array.isArray(customers))
    refuse("customers must be an object of tenant ids and their qualifications");
  for (const [tenantId, qualifications] of Object.entries(customers)) {
    if (bodyProblem(schemas.customerTenantIdParameter, tenantId))
      refuse(`customers: ${JSON.stringify(tenantId)} is not a GUID`);
    const problem = bodyProblem(schemas.getCustomerQualificationsResponse, qualifications);
    if (problem || !Array.isArray(qualifications)) {
      const rule = `customers["${tenantId}"] must be an array of qualifications as the contract answers them`;
      refuse(problem ? `${rule}: ${problem}` : rule);
    }
  }
}
