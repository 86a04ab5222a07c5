// The schema checker (src/contract/schema.ts) held to Ajv, a full JSON Schema 2020-12 validator: the same
// verdict and the same message for every schema the client and the mock check against, over the spec's
// examples and over values fast-check builds from the spec's own names and values. And the checker runs
// where code generation from strings is forbidden, as under a strict Content-Security-Policy.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as schemas from "../../generated/schemas.js";
import { formats, KEYWORDS, type Schema, TYPES, validate } from "../../src/contract/schema.js";
import { problemOf } from "../../src/contract/messages.js";
import { absoluteRefs, spec, specAjv } from "../support/spec.js";

const named = Object.entries(schemas).filter(
  (entry): entry is [string, Schema] => !/Variants$|ByStatus$/.test(entry[0]),
);

// Ajv as the client used it before this checker: first error only, the same formats.
// The spec's own schemas (annotations and all), so that Ajv is not fed what generation made of them.
const ajv = specAjv({ messages: false });
for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
const specWithIds = absoluteRefs(spec);

/** What the spec says for each generated schema, found where generation took it from. */
function specSchemaOf(name: string): object {
  const parameter = Object.values(
    specWithIds.components.parameters as Record<string, { name: string; schema: object }>,
  ).find(
    (entry) =>
      `${entry.name
        .split("-")
        .map((part, index) => (index === 0 ? part.toLowerCase() : part[0]!.toUpperCase() + part.slice(1)))
        .join("")}Parameter` === name,
  );
  if (parameter) return parameter.schema;
  const component = { errorBody: "Error", throttlingErrorBody: "ThrottlingError" }[name];
  if (component) return absoluteRefs({ $ref: `#/components/schemas/${component}` });
  const variant = /^createCustomerQualificationRequest(\w+)$/.exec(name)?.[1];
  if (variant) return absoluteRefs({ $ref: `#/components/schemas/${variant}QualificationRequest` });
  type Content = Record<string, { schema: object }>;
  const [, operationId, kind, status] = /^(\w+?)(Response|Request)(\d*)$/.exec(name)!;
  const operation = Object.values(
    specWithIds.paths as Record<
      string,
      Record<
        string,
        { operationId?: string; requestBody?: { content: Content }; responses: Record<string, { content?: Content }> }
      >
    >,
  )
    .flatMap((item) => Object.values(item))
    .find((entry) => entry.operationId === operationId)!;
  if (kind === "Request") return operation.requestBody!.content["application/json"]!.schema;
  return operation.responses[status || "200"]!.content!["application/json"]!.schema;
}

function verdicts(schema: Schema, ajvCheck: ReturnType<typeof ajv.compile>, value: unknown) {
  const errors = validate(schema, value);
  const ajvValid = ajvCheck(value);
  return {
    ours: { valid: errors.length === 0, message: errors.length ? problemOf(errors).text : undefined },
    ajv: { valid: ajvValid, message: ajvValid ? undefined : problemOf(ajvCheck.errors!).text },
  };
}

// Values of the spec's own vocabulary: its property names, enum and const values, GUIDs and dates, with
// near misses, nested up to a few levels, so that most values are close to valid and break one rule.
const words = [
  ...new Set(
    [...JSON.stringify(spec.components.schemas).matchAll(/"([A-Za-z][A-Za-z0-9]*)"/g)].map((match) => match[1]!),
  ),
];
const leaf = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(
    "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
    "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5",
    "2021-05-06T19:59:56.6832021+00:00",
    "2021-13-06T19:59:56Z",
    "",
    "Ed",
  ),
  fc.integer({ min: -3, max: 5 }),
  fc.constantFrom(1.5, true, false, null),
);
const { value: valueArbitrary } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...words), tie("value"), { maxKeys: 4 }),
  ),
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
  expect(
    validate(schemas.createCustomerQualificationRequestEducation, {
      qualification: "Education",
      educationSegment: "K12",
    }),
  ).toEqual([]);
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
    import { validate } from "./src/contract/schema.ts";
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
  const bundled = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const output = execFileSync(
    process.execPath,
    ["--disallow-code-generation-from-strings", "--input-type=module", "-e", bundled.outputFiles[0]!.text],
    { encoding: "utf8" },
  );
  expect(JSON.parse(output)).toEqual([true, 0, true, 1, 0]);
});

// The client checks X-Locale, MS-PartnerCenter-Application and MS-Contract-Version as header values, and
// both ids with the MS-CorrelationId schema (src/client/checks.ts): right while the spec says so.
test("the spec's X-Locale, MS-PartnerCenter-Application and MS-Contract-Version are plain strings, and its two ids uuids alike", () => {
  const parameters = spec.components.parameters;
  for (const name of ["XLocale", "MsPartnerCenterApplication", "MsContractVersion"])
    expect(parameters[name].schema).toEqual({ type: "string" });
  expect(parameters.MsRequestId.schema).toEqual({ type: "string", format: "uuid" });
  expect(parameters.MsCorrelationId.schema).toEqual(parameters.MsRequestId.schema);
});

// Each rule of the checker where the spec's own schemas cannot show it, on schemas written here: a keyword
// with no type beside it, a name to escape, a oneOf inside an array, a null the spec allows.
describe("the checker's rules, on schemas of this test's own", () => {
  test("format and pattern judge strings only; required and properties judge objects only", () => {
    expect(validate({ format: "uuid", pattern: "^x$" }, 5)).toEqual([]);
    expect(validate({ required: ["a"], properties: { a: { type: "string" } } }, 5)).toEqual([]);
    expect(validate({ required: ["a"] }, ["a"])).toEqual([]);
  });

  test("a pattern is read with the u flag: one . is one code point", () => {
    expect(validate({ pattern: "^.$" }, "😀")).toEqual([]);
    expect(validate({ pattern: "^.$" }, "ab")).toEqual([
      { instancePath: "", keyword: "pattern", params: { pattern: "^.$" } },
    ]);
  });

  test("a property name with / or ~ is escaped in the path, as ~1 and ~0", () => {
    const schema: Schema = { properties: { "a/b": { type: "string" }, "c~d": { type: "string" } } };
    expect(validate(schema, { "a/b": 1 })).toEqual([
      { instancePath: "/a~1b", keyword: "type", params: { type: "string" } },
    ]);
    expect(validate(schema, { "c~d": 1 })).toEqual([
      { instancePath: "/c~0d", keyword: "type", params: { type: "string" } },
    ]);
  });

  test("oneOf fails when more than one branch passes", () => {
    expect(validate({ oneOf: [{ type: "string" }, { type: "string" }] }, "x")).toEqual([
      { instancePath: "", keyword: "oneOf", params: {} },
    ]);
  });

  test("a oneOf in an array: an item that passes lets the next be checked; one that fails stops the check at its path", () => {
    const schema: Schema = { type: "array", items: { oneOf: [{ type: "string" }, { type: "integer" }] } };
    expect(validate(schema, ["a", 1])).toEqual([]);
    expect(validate(schema, ["a", true, 2])).toEqual([
      { instancePath: "/1", keyword: "type", params: { type: "string" } },
      { instancePath: "/1", keyword: "type", params: { type: "integer" } },
      { instancePath: "/1", keyword: "oneOf", params: {} },
    ]);
  });

  test("null is a type of its own, allowed where the type lists it", () => {
    expect(validate(schemas.getValidationCodesResponse, [{ maxCreates: null, remainingCreates: 3 }])).toEqual([]);
    expect(validate({ type: "integer" }, null)).toEqual([
      { instancePath: "", keyword: "type", params: { type: "integer" } },
    ]);
  });

  test("const names the value it allows", () => {
    expect(validate({ const: "Education" }, "None")).toEqual([
      { instancePath: "", keyword: "const", params: { allowedValue: "Education" } },
    ]);
  });
});

// The formats' verdicts written out, not taken from Ajv, which the tests above give the same checks.
describe("the formats, as RFC 3339 and RFC 4122 write them", () => {
  test.each(["4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c", "4A1F2B6C-9D3E-4F5A-8B7C-0D1E2F3A4B5C"])(
    "uuid %j is one",
    (value) => expect(formats.uuid!(value)).toBe(true),
  );

  test.each([
    "x4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
    "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5cx",
    "4a1f2b6c9d3e-4f5a-8b7c-0d1e2f3a4b5c",
    "4a1f2b6g-9d3e-4f5a-8b7c-0d1e2f3a4b5c",
  ])("uuid %j is not", (value) => expect(formats.uuid!(value)).toBe(false));

  test.each([
    "2021-05-06T19:59:56.6832021+00:00",
    "2020-12-31t23:59:60z",
    "2021-11-20 00:00:00-23:59",
    "2021-10-30T09:05:07.1Z",
    "2021-01-19T10:45:30+19:30",
    "2024-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z",
  ])("date-time %j is one", (value) => expect(formats["date-time"]!(value)).toBe(true));

  test.each([
    "x2021-01-01T00:00:00Z",
    "2021-01-01T00:00:00Zx",
    "21-01-01T00:00:00Z",
    "2021-13-01T00:00:00Z",
    "2021-00-01T00:00:00Z",
    "2021-01-00T00:00:00Z",
    "2021-01-32T00:00:00Z",
    "2021-01-01X00:00:00Z",
    "2021-01-01T24:00:00Z",
    "2021-01-01T00:60:00Z",
    "2021-01-01T00:00:61Z",
    "2021-01-01T00:00:00.Z",
    "2021-01-01T00:00:00",
    "2021-01-01T00:00:00+24:00",
    "2021-01-01T00:00:00+00:60",
    // Days their months do not have: the pattern allows them, the calendar does not.
    "2024-02-30T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2024-04-31T00:00:00Z",
  ])("date-time %j is not", (value) => expect(formats["date-time"]!(value)).toBe(false));
});

// scripts/generate.mjs lets the spec use the keywords and types these lists name, and no other: each must be
// one the checker enforces, and every one it enforces must be listed.
describe("the keywords and types the checker names for generation", () => {
  const refusing: Record<string, [Schema, unknown]> = {
    type: [{ type: "string" }, 1],
    enum: [{ enum: ["a"] }, "b"],
    const: [{ const: "a" }, "b"],
    format: [{ format: "uuid" }, "not-a-uuid"],
    pattern: [{ pattern: "^a$" }, "b"],
    required: [{ required: ["a"] }, {}],
    properties: [{ properties: { a: { type: "string" } } }, { a: 1 }],
    items: [{ items: { type: "string" } }, [1]],
    anyOf: [{ anyOf: [{ type: "string" }] }, 1],
    oneOf: [{ oneOf: [{ type: "string" }, { type: "string" }] }, "a"],
  };

  test("KEYWORDS are exactly the keywords the checker enforces", () => {
    expect([...KEYWORDS].sort()).toEqual(Object.keys(refusing).sort());
    for (const keyword of KEYWORDS) {
      // The value passes a schema without the keyword, and fails the schema with it.
      const [schema, value] = refusing[keyword]!;
      expect(validate({}, value), keyword).toEqual([]);
      expect(validate(schema, value), keyword).not.toEqual([]);
    }
  });

  test("TYPES are exactly the types the checker tells apart", () => {
    const samples: Record<string, unknown> = {
      string: "a",
      integer: 1,
      boolean: true,
      object: {},
      array: [],
      null: null,
    };
    expect([...TYPES].sort()).toEqual(Object.keys(samples).sort());
    for (const type of TYPES) {
      for (const [other, value] of Object.entries(samples)) {
        expect(validate({ type }, value).length === 0, `${type} and ${other}`).toBe(type === other);
      }
    }
  });
});
