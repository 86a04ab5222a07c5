// The schema checker (src/client/schema.ts) held to Ajv, a full JSON Schema 2020-12 validator: the same
// verdict and the same message for every schema the client and the mock check against, over the spec's
// examples and over values fast-check builds from the spec's own names and values. And the checker runs
// where code generation from strings is forbidden, as under a strict Content-Security-Policy.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as schemas from "../generated/schemas.js";
import { formats, validate, type Schema } from "../src/client/schema.js";
import { explain } from "../src/client/validation.js";
import { absoluteRefs, spec, specAjv } from "./support/spec.js";

const named = Object.entries(schemas).filter((entry): entry is [string, Schema] => !/Variants$|ByStatus$/.test(entry[0]));

// Ajv as the client used it before this checker: first error only, the same formats.
// The spec's own schemas (annotations and all), so that Ajv is not fed what generation made of them.
const ajv = specAjv({ messages: false });
for (const [name, pattern] of Object.entries(formats)) ajv.addFormat(name, pattern);
const specWithIds = absoluteRefs(spec);

/** What the spec says for each generated schema, found where generation took it from. */
function specSchemaOf(name: string): object {
  const parameter = Object.values(specWithIds.components.parameters as Record<string, { name: string; schema: object }>).find(
    (entry) => `${entry.name.split("-").map((part, index) => (index === 0 ? part.toLowerCase() : part[0]!.toUpperCase() + part.slice(1))).join("")}Parameter` === name,
  );
  if (parameter) return parameter.schema;
  const component = { errorBody: "Error", throttlingErrorBody: "ThrottlingError" }[name];
  if (component) return absoluteRefs({ $ref: `#/components/schemas/${component}` });
  const variant = /^createCustomerQualificationRequest(\w+)$/.exec(name)?.[1];
  if (variant) return absoluteRefs({ $ref: `#/components/schemas/${variant}QualificationRequest` });
  const [, operationId, status] = /^(\w+?)Response(\d*)$/.exec(name)!;
  const operation = Object.values(specWithIds.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>)
    .flatMap((item) => Object.values(item))
    .find((entry) => entry.operationId === operationId)!;
  return operation.responses[status || "200"]!.content!["application/json"]!.schema;
}

function verdicts(schema: Schema, ajvCheck: ReturnType<typeof ajv.compile>, value: unknown) {
  const errors = validate(schema, value);
  const ajvValid = ajvCheck(value);
  return {
    ours: { valid: errors.length === 0, message: errors.length ? explain(errors) : undefined },
    ajv: { valid: ajvValid, message: ajvValid ? undefined : explain(ajvCheck.errors!) },
  };
}

// Values of the spec's own vocabulary: its property names, enum and const values, GUIDs and dates, with
// near misses, nested up to a few levels, so that most values are close to valid and break one rule.
const words = [...new Set([...JSON.stringify(spec.components.schemas).matchAll(/"([A-Za-z][A-Za-z0-9]*)"/g)].map((match) => match[1]!))];
const leaf = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom("4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c", "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5", "2021-05-06T19:59:56.6832021+00:00", "2021-13-06T19:59:56Z", "", "Ed"),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(1.5, true, false, null),
);
const { value: valueArbitrary } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...words), tie("value"), { maxKeys: 4 })),
}));

describe("the checker agrees with Ajv", () => {
  test.each(named)("%s: on every example of the spec, valid or not", (name, schema) => {
    const ajvCheck = ajv.compile(specSchemaOf(name));
    const examples = [...JSON.stringify(spec).matchAll(/"value":/g)].length;
    expect(examples).toBeGreaterThan(10);
    const values: unknown[] = [];
    JSON.parse(JSON.stringify(spec), (key, value) => (key === "value" && values.push(value), value));
    for (const value of values) {
      const { ours, ajv } = verdicts(schema, ajvCheck, value);
      expect(ours, JSON.stringify(value)).toEqual(ajv);
    }
  });

  test.each(named)("%s: on values built from the spec's names and values", (name, schema) => {
    const ajvCheck = ajv.compile(specSchemaOf(name));
    let valid = 0;
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        const { ours, ajv } = verdicts(schema, ajvCheck, value);
        if (ajv.valid) valid++;
        expect(ours).toEqual(ajv);
      }),
      { numRuns: 300, seed: 20261203 },
    );
    // The values reach both sides of the verdict for the schemas that accept some of them.
    expect(valid).toBeLessThan(300);
  });
});

test("a variant, a parameter and a shared component each check the rule the spec gives them", () => {
  expect(validate(schemas.customerTenantIdParameter, "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c")).toEqual([]);
  expect(validate(schemas.customerTenantIdParameter, "4a1f2b6c9d3e4f5a8b7c0d1e2f3a4b5c")).toEqual([
    // The pattern comes before the format, in Ajv's order.
    { instancePath: "", keyword: "pattern", params: { pattern: schemas.customerTenantIdParameter.pattern } },
  ]);
  expect(validate(schemas.createCustomerQualificationRequestEducation, { qualification: "Education", educationSegment: "K12" })).toEqual([]);
  expect(validate(schemas.createCustomerQualificationResponse200, { qualifications: [{ qualification: 5 }] })).toEqual([
    { instancePath: "/qualifications/0/qualification", keyword: "type", params: { type: "string" } },
    { instancePath: "/qualifications/0/qualification", keyword: "type", params: { type: "string" } },
    { instancePath: "/qualifications/0/qualification", keyword: "anyOf", params: {} },
  ]);
  expect(validate(schemas.createCustomerQualificationResponse200, { qualifications: [] })).toEqual([]);
});

test("generated/schemas.js is data: it imports nothing and holds no functions", () => {
  const code = readFileSync("generated/schemas.js", "utf8");
  expect(code).not.toMatch(/\bimport\b|\brequire\(|=>|\bfunction\b/);
});

test("the checker works in a Node process that forbids eval and new Function", async () => {
  const entry = `
    import { validate } from "./src/client/schema.ts";
    import * as schemas from "./generated/schemas.js";
    let evalRefused = false;
    try { new Function("return 1"); } catch { evalRefused = true; }
    console.log(JSON.stringify([
      evalRefused,
      validate(schemas.getCustomerQualificationsResponse, { qualifications: [{ qualification: "Education", vettingCreateDate: "2021-05-06T19:59:56.6832021+00:00" }] }).length,
      validate(schemas.getCustomerQualificationsResponse, [{ qualification: 5 }]).length > 0,
      validate(schemas.createCustomerQualificationRequestEducation, { qualification: "Education" }).length,
      validate(schemas.customerTenantIdParameter, "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c").length,
    ]));
  `;
  const bundled = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" }, bundle: true, format: "esm", write: false, logLevel: "silent" });
  const output = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", bundled.outputFiles[0]!.text], { encoding: "utf8" });
  expect(JSON.parse(output)).toEqual([true, 0, true, 1, 0]);
});

// The client checks X-Locale, MS-PartnerCenter-Application and MS-Contract-Version as header values, and
// both ids with the MS-CorrelationId schema (src/client/validation.ts): right while the spec says so.
test("the spec's X-Locale, MS-PartnerCenter-Application and MS-Contract-Version are plain strings, and its two ids uuids alike", () => {
  const parameters = spec.components.parameters;
  for (const name of ["XLocale", "MsPartnerCenterApplication", "MsContractVersion"]) expect(parameters[name].schema).toEqual({ type: "string" });
  expect(parameters.MsRequestId.schema).toEqual({ type: "string", format: "uuid" });
  expect(parameters.MsCorrelationId.schema).toEqual(parameters.MsRequestId.schema);
});
