// House conventions that Redocly's configurable rules cannot express (see redocly.yaml for the rest).
import { describe, expect, test } from "vitest";
import { operations, resolve, spec } from "../support/spec.js";

const STANDARD_HEADERS = [
  "MS-RequestId",
  "MS-CorrelationId",
  "MS-CV",
  "MS-Contract-Version",
  "X-Locale",
  "MS-PartnerCenter-Application",
];
// What Partner Center's response examples carry, on success and on error.
const RESPONSE_HEADERS = ["MS-RequestId", "MS-CorrelationId", "MS-CV", "MS-ServerId", "Date"];

describe.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry] as const))(
  "%s",
  (_name, { path, operation, parameters }) => {
    test("takes every standard Partner Center request header, optional", () => {
      const headers = parameters.filter((parameter) => parameter.in === "header");
      expect(headers.map((header) => header.name).sort()).toEqual([...STANDARD_HEADERS].sort());
      expect(headers.every((header) => header.required === false)).toBe(true);
    });

    test("MS-RequestId and MS-CorrelationId are uuids", () => {
      for (const name of ["MS-RequestId", "MS-CorrelationId"]) {
        expect(parameters.find((parameter) => parameter.name === name)?.schema).toMatchObject({
          type: "string",
          format: "uuid",
        });
      }
    });

    test("a customer-tenant-id in the path is a GUID", () => {
      const tenant = parameters.find((parameter) => parameter.name === "customer-tenant-id");
      expect(Boolean(tenant)).toBe(path.includes("{customer-tenant-id}"));
      if (tenant) expect(tenant.schema).toMatchObject({ type: "string", format: "uuid" });
    });

    test("every response echoes MS-RequestId and MS-CorrelationId and declares MS-CV, MS-ServerId and Date", () => {
      for (const response of Object.values(operation.responses as Record<string, object>).map((reference) =>
        resolve(reference),
      )) {
        expect(Object.keys(response.headers ?? {})).toEqual(expect.arrayContaining(RESPONSE_HEADERS));
      }
    });

    test("is secured by Microsoft Entra ID, App+User only where Microsoft says so", () => {
      const security = operation.security ?? spec.security;
      const schemes = security.map((requirement: object) => Object.keys(requirement)[0]).sort();
      const appPlusUserOnly = ["createCustomerQualification", "updateCustomerQualificationLegacy"].includes(
        operation.operationId,
      );
      expect(schemes).toEqual(appPlusUserOnly ? ["appPlusUser"] : ["appOnly", "appPlusUser"]);
    });
  },
);

test("the deprecated operations are exactly the retired singular calls", () => {
  const deprecated = operations
    .filter(({ operation }) => operation.deprecated)
    .map(({ method, path }) => `${method} ${path}`);
  expect(deprecated.sort()).toEqual([
    "get /v1/customers/{customer-tenant-id}/qualification",
    "put /v1/customers/{customer-tenant-id}/qualification",
  ]);
});

test("429 answers carry Retry-After", () => {
  for (const { operation } of operations) {
    expect(Object.keys(resolve(operation.responses["429"]).headers)).toContain("Retry-After");
  }
});

test("the servers are the documented base URLs and the local mock", () => {
  expect(spec.servers.map((server: { url: string }) => server.url)).toEqual([
    "https://api.partnercenter.microsoft.com",
    "https://partner.partnercenterapi.microsoftonline.cn",
    "http://127.0.0.1:4010",
  ]);
});

test("the spec's info.version is the package version (npm run version keeps them together)", async () => {
  const { version } = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync("package.json", "utf8")));
  expect(spec.info.version).toBe(version);
});
