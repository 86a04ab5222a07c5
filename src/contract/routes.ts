// The calls of the contract: method, path and operation. The mock's HTTP server and MSW handlers match each
// request here, and its engine gets the matched operation, never the path to parse again; the client's spans
// are named after the operation a request matches.
import type { operations, paths } from "../../generated/schema.js";
import {
  CUSTOMER_VALIDATION_PATH,
  LEGACY_QUALIFICATION_PATH,
  QUALIFICATIONS_PATH,
  VALIDATION_CODES_PATH,
} from "./paths.js";

export type OperationId = keyof operations;

export interface Route {
  operationId: OperationId;
  method: "GET" | "POST" | "PUT";
  path: keyof paths;
  /** A retired call (`deprecated` in the spec), which the stateful mock does not model. */
  retired?: true;
}

// test/mock/routes.test.ts holds this table to the spec: every operation, no other.
export const ROUTES: readonly Route[] = [
  {
    operationId: "getCustomerQualifications",
    method: "GET",
    path: QUALIFICATIONS_PATH,
  },
  {
    operationId: "createCustomerQualification",
    method: "POST",
    path: QUALIFICATIONS_PATH,
  },
  { operationId: "getValidationCodes", method: "GET", path: VALIDATION_CODES_PATH },
  { operationId: "getCustomerValidation", method: "GET", path: CUSTOMER_VALIDATION_PATH },
  {
    operationId: "getCustomerQualificationLegacy",
    method: "GET",
    path: LEGACY_QUALIFICATION_PATH,
    retired: true,
  },
  {
    operationId: "updateCustomerQualificationLegacy",
    method: "PUT",
    path: LEGACY_QUALIFICATION_PATH,
    retired: true,
  },
];

/** Whether the call is a retired one. */
export const isRetired = (operationId: OperationId | undefined): boolean =>
  ROUTES.some((route) => route.operationId === operationId && route.retired);

/**
 * What a request's method and path match: a call of the contract (`operationId`, with `customerTenantId`
 * when its path has it); a path of the contract that has no call with this method (`allow` lists the
 * methods it has); or nothing (no field).
 */
export interface Match {
  operationId?: OperationId;
  customerTenantId?: string;
  allow?: string;
}

export function matchRoute(method: string, path: string): Match {
  const segments = path.split("/");
  const routes = ROUTES.filter((route) => parameterOf(route.path, segments) !== null);
  // A literal segment wins over a parameter: /v1/customers/all/validations is no customer's validations.
  const literal = routes.filter((route) => !route.path.includes("{"));
  const candidates = literal.length > 0 ? literal : routes;
  const route = candidates.find((candidate) => candidate.method === method.toUpperCase());
  if (route) {
    const customerTenantId = parameterOf(route.path, segments);
    return typeof customerTenantId === "string"
      ? { operationId: route.operationId, customerTenantId }
      : { operationId: route.operationId };
  }
  return candidates.length > 0 ? { allow: candidates.map((candidate) => candidate.method).join(", ") } : {};
}

// The path parameter's value when `segments` fit the route's path (undefined for a path without one),
// null when they do not fit. A parameter takes one whole segment, which may not be empty.
function parameterOf(template: string, segments: string[]): string | undefined | null {
  const parts = template.split("/");
  if (parts.length !== segments.length) return null;
  let value: string | undefined;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index]!;
    if (part.startsWith("{")) {
      if (segment === "") return null;
      value = segment;
    } else if (part !== segment) return null;
  }
  return value;
}
