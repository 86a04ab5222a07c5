// The contract's table of calls (src/contract/routes.ts), which the mock's adapters and the client's spans
// match requests with: it holds the spec's operations, and matching a method and path finds the call, the allowed methods, or nothing.
import { describe, expect, test } from "vitest";
import { isRetired, matchRoute, ROUTES } from "../../src/contract/routes.js";
import { operations, spec } from "../support/spec.js";
import { TENANT } from "../support/harness.js";

test("the table marks the spec's deprecated calls as retired, and only those", () => {
  const deprecated = operations
    .filter(({ operation }) => operation.deprecated)
    .map(({ operation }) => operation.operationId);
  expect(ROUTES.filter((route) => route.retired).map((route) => route.operationId)).toEqual(deprecated);
  expect(deprecated.every((operationId) => isRetired(operationId))).toBe(true);
  expect(isRetired("getCustomerQualifications")).toBe(false);
  expect(isRetired(undefined)).toBe(false);
});

test("the table holds every operation of the spec, and no other", () => {
  const inSpec = operations
    .map(({ method, path, operation }) => `${method.toUpperCase()} ${path} ${operation.operationId}`)
    .sort();
  expect(ROUTES.map(({ method, path, operationId }) => `${method} ${path} ${operationId}`).sort()).toEqual(inSpec);
  // The spec has no method the table's type leaves out.
  for (const item of Object.values(spec.paths as Record<string, object>))
    expect(Object.keys(item).filter((key) => ["delete", "patch", "head", "options", "trace"].includes(key))).toEqual(
      [],
    );
});

describe("matchRoute", () => {
  test("finds each call with its path parameter, whatever the method's letter case", () => {
    expect(matchRoute("GET", `/v1/customers/${TENANT}/qualifications`)).toEqual({
      operationId: "getCustomerQualifications",
      customerTenantId: TENANT,
    });
    expect(matchRoute("post", `/v1/customers/${TENANT}/qualifications`)).toEqual({
      operationId: "createCustomerQualification",
      customerTenantId: TENANT,
    });
    expect(matchRoute("GET", `/v1/customers/${TENANT}/validations`)).toEqual({
      operationId: "getCustomerValidation",
      customerTenantId: TENANT,
    });
    expect(matchRoute("PUT", `/v1/customers/${TENANT}/qualification`)).toEqual({
      operationId: "updateCustomerQualificationLegacy",
      customerTenantId: TENANT,
    });
  });

  test("a literal segment wins over a parameter: all/validations is the partner's codes, for every method", () => {
    expect(matchRoute("GET", "/v1/customers/all/validations")).toStrictEqual({ operationId: "getValidationCodes" });
    expect(matchRoute("POST", "/v1/customers/all/validations")).toEqual({ allow: "GET" });
  });

  test("a path of the contract with another method names the methods it has", () => {
    expect(matchRoute("DELETE", `/v1/customers/${TENANT}/qualifications`)).toEqual({ allow: "GET, POST" });
    expect(matchRoute("POST", `/v1/customers/${TENANT}/qualification`)).toEqual({ allow: "GET, PUT" });
  });

  test("the parameter is one whole segment, kept as it came (not decoded), and never empty", () => {
    expect(matchRoute("GET", "/v1/customers/%/qualifications")).toEqual({
      operationId: "getCustomerQualifications",
      customerTenantId: "%",
    });
    expect(matchRoute("GET", "/v1/customers/a%2Fb/qualifications")).toEqual({
      operationId: "getCustomerQualifications",
      customerTenantId: "a%2Fb",
    });
    for (const path of [
      "/v1/customers//qualifications",
      `/v1/customers/${TENANT}/x/qualifications`,
      `/v1/customers/${TENANT}/qualifications/`,
      `/x/v1/customers/${TENANT}/qualifications`,
      "",
      "/",
      "*",
    ]) {
      expect(matchRoute("GET", path), path).toEqual({});
    }
  });
});
