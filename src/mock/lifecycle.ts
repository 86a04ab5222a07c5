// The vetting lifecycle as the stateful mocks model it, with no I/O: the customers, their qualifications and
// vettings, and the partner's validation codes. The engine (engine.ts) turns requests into these steps and
// their results into responses.
import type {
  CustomerQualification,
  CustomerQualificationRequest,
  GccValidationRelationship,
  ValidationCode,
} from "../contract/types.js";
import type { ErrorResponse } from "./request-errors.js";

type Outcome = "Approved" | "Denied";

/** How vettings end and when. */
export interface LifecycleSettings {
  vettingPolls: number;
  vettingMs: number | undefined;
  vettingOutcome: Outcome;
  now: () => number;
}

interface Vetting {
  outcome: Outcome;
  startedAt: number;
  polls: number;
}

export interface Customer {
  qualifications: CustomerQualification[];
  /** The vetting of each qualification that is still `InReview`, by qualification name. */
  vettings: Map<string, Vetting>;
  /** How many times Education was requested: Microsoft allows three per customer. */
  educationRequests: number;
  /** The validation code the customer's GCC create used. */
  gccValidation?: ValidationCode;
}

/** The documented reason of a denied Education vetting (the reference document's Denied example). */
export const DENIED_REASON = "Not an Education Customer";
/** "Verification can be requested up to three times per customer" (Microsoft's education page). */
export const EDUCATION_REQUESTS = 3;

export const copy = <T>(value: T): T => structuredClone(value);

/** The customer of a tenant id, in any letter case. */
export function customerOf(customers: Map<string, Customer>, tenantId: string): Customer {
  const key = tenantId.toLowerCase();
  // Assumption (no source says otherwise): every customer exists, with no qualification until one is set.
  if (!customers.has(key)) customers.set(key, { qualifications: [], vettings: new Map(), educationRequests: 0 });
  return customers.get(key)!;
}

/** A customer's qualifications as seeded: each `InReview` one is vetted from now on like a created one. */
export function seedCustomer(target: Customer, qualifications: CustomerQualification[], settings: LifecycleSettings) {
  target.qualifications = copy(qualifications);
  // A seeded Education counts as one request of the three.
  target.educationRequests = qualifications.some((entry) => entry.qualification === "Education") ? 1 : 0;
  const inReview = qualifications.filter((entry) => entry.vettingStatus === "InReview");
  const vetting = () => ({ outcome: settings.vettingOutcome, startedAt: settings.now(), polls: 0 });
  target.vettings = new Map(inReview.map((entry) => [entry.qualification, vetting()]));
}

/**
 * Sets the qualification `asked` for (its body keeps the contract by now), or says why not. Education starts a
 * vetting, which ends `Denied` when `denied` (the create's `Prefer: vetting=denied`), else as the settings say.
 */
export function createQualification(
  target: Customer,
  asked: CustomerQualificationRequest,
  validationCodes: ValidationCode[],
  settings: LifecycleSettings & { denied: boolean },
): CustomerQualification | ErrorResponse {
  const conflict = conflictOf(target, asked.qualification);
  if (conflict) return { status: 409, detail: conflict };
  const created: CustomerQualification = { qualification: asked.qualification };
  // The clock is read only for what is dated: a test's stepping clock moves with the dates it shows.
  const createdAt = () => new Date(settings.now()).toISOString();
  if (asked.qualification === "GovernmentCommunityCloud") {
    const code = validationCodes.find((entry) => String(entry.validationId) === asked.validationCode);
    const unusable = !code
      ? "is not one of the partner's validation codes"
      : code.remainingCreates === 0 && "has no creates left";
    if (unusable) return { status: 400, detail: `validationCode ${asked.validationCode} ${unusable}` };
    if (typeof code!.remainingCreates === "number") code!.remainingCreates -= 1;
    target.gccValidation = code!;
    // As the docs' GCC example shows it: approved, with the date spelled vettingCreateDate.
    Object.assign(created, { vettingStatus: "Approved", vettingCreateDate: createdAt() });
  }
  if (asked.qualification === "Education") {
    Object.assign(created, { vettingStatus: "InReview", vettingCreatedDate: createdAt() });
    const outcome = settings.denied ? "Denied" : settings.vettingOutcome;
    target.vettings.set("Education", { outcome, startedAt: settings.now(), polls: 0 });
    target.educationRequests += 1;
  }
  // A new request after a denial replaces the denied qualification.
  const others = target.qualifications.filter((entry) => entry.qualification !== asked.qualification);
  target.qualifications = [...others, created];
  return copy(created);
}

// Why a create of `qualification` is refused (409), if it is. A qualification is set once; Education may
// be requested again after a denial, up to three requests in all (docs/decisions.md, 9).
function conflictOf(target: Customer, qualification: string): string | undefined {
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

/**
 * One GET: every vetting still in review counts the poll, and is decided once it has been polled `vettingPolls`
 * times (or once `vettingMs` has passed).
 */
export function readQualifications(target: Customer, settings: LifecycleSettings): CustomerQualification[] {
  const { vettingMs, vettingPolls, now } = settings;
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

/** The validation code the customer's GCC create used; a customer without one is not documented: 404. */
export function readValidation(target: Customer, tenantId: string): GccValidationRelationship | ErrorResponse {
  const code = target.gccValidation;
  if (!code) return { status: 404, detail: "the customer has no GCC qualification created with a validation code" };
  const relationship: GccValidationRelationship = { customerId: tenantId };
  for (const name of ["partnerId", "organizationName", "eTag"] as const) {
    if (code[name] !== undefined) relationship[name] = code[name];
  }
  // The code's id may be a number (the resource table's type); the relationship's is a string.
  if (code.validationId !== undefined) relationship.validationId = String(code.validationId);
  return relationship;
}
