// The generated validators run where code generation from strings is forbidden (as under a strict
// Content-Security-Policy), and import nothing.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

test("generated/validators.js is self-contained", () => {
  const code = readFileSync("generated/validators.js", "utf8");
  expect(code).not.toMatch(/\bimport\b|\brequire\(/);
  expect(code).not.toMatch(/new Function|\beval\(/);
});

test("the validators work in a Node process that forbids eval and new Function", () => {
  const script = `
    const v = await import("./generated/validators.js");
    let evalRefused = false;
    try { new Function("return 1"); } catch { evalRefused = true; }
    const results = [
      evalRefused,
      v.getCustomerQualificationsResponse({ qualifications: [{ qualification: "Education", vettingCreateDate: "2021-05-06T19:59:56.6832021+00:00" }] }),
      v.getCustomerQualificationsResponse([{ qualification: 5 }]),
      v.createCustomerQualificationRequestEducation({ qualification: "Education" }),
      v.customerTenantIdParameter("4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c"),
    ];
    console.log(JSON.stringify(results));
  `;
  const output = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(JSON.parse(output)).toEqual([true, true, false, false, true]);
});

// The client checks X-Locale, MS-PartnerCenter-Application and MS-Contract-Version as header values, and
// both ids with the MS-CorrelationId validator (src/client/validation.ts): right while the spec says so.
test("the spec's X-Locale, MS-PartnerCenter-Application and MS-Contract-Version are plain strings, and its two ids uuids alike", () => {
  const parameters = JSON.parse(readFileSync("generated/openapi.json", "utf8")).components.parameters;
  for (const name of ["XLocale", "MsPartnerCenterApplication", "MsContractVersion"]) expect(parameters[name].schema).toEqual({ type: "string" });
  expect(parameters.MsRequestId.schema).toEqual({ type: "string", format: "uuid" });
  expect(parameters.MsCorrelationId.schema).toEqual(parameters.MsRequestId.schema);
});
