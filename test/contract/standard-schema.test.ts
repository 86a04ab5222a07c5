// The ./schemas entry (src/schemas/): each validator passes the spec's documented examples and the values
// its schema allows, words a broken value's issue with the path to it, never throws nor answers late, and
// gives a JSON Schema that Ajv reads as the spec's own. Its types are Standard Schema's, checked by tsc.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, expectTypeOf, test } from "vitest";
import * as generated from "../../generated/schemas.js";
import { formats } from "../../src/contract/schema.js";
import type * as Types from "../../src/contract/types.js";
import * as entry from "../../src/schemas/index.js";
import { arbitraryOf } from "../support/requests.js";
import { absoluteRefs, operations, resolve, spec, specAjv } from "../support/spec.js";

// The entry's exports as a plain object, to be read by name.
const schemas = { ...entry };
type Name = keyof typeof schemas;
// The spec's two component names that would shadow a global take the named types' names.
const NAMES: Record<string, Name> = { Error: "ErrorBody", ThrottlingError: "ThrottlingErrorBody" };
const componentNames = Object.keys(spec.components.schemas);
const nameOf = (component: string): Name => NAMES[component] ?? (component as Name);
const run = (name: Name, value: unknown) => schemas[name]["~standard"].validate(value);

// The oracle: Ajv on the spec's own schemas. And plain Ajvs of each draft, which know nothing of the spec
// and read only the JSON Schema given them. All with the checker's formats, which schema.test.ts holds.
const ajvs = [specAjv({}), new Ajv2020({ allowUnionTypes: true }), new Ajv({ allowUnionTypes: true })] as const;
for (const ajv of ajvs) for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
const [specOracle, ajv2020, ajv07] = ajvs;
const componentOracle = (name: string) => specOracle.compile(absoluteRefs({ $ref: `#/components/schemas/${name}` }));

// Every documented example, with the validators that must pass it: the component its schema names, and
// the operation's own validator for its request and its 2xx answers.
const examples = operations.flatMap(({ operation: { operationId, requestBody, responses } }) =>
  Object.entries({ request: requestBody, ...responses }).flatMap(([where, body]) => {
    const media = resolve(body ?? {}).content?.["application/json"];
    const own = where === "request" ? `${operationId}Request` : where.startsWith("2") ? `${operationId}Response` : "";
    const component = media?.schema.$ref && nameOf(media.schema.$ref.split("/").pop());
    return Object.entries(media?.examples ?? {}).map(([name, example]) => ({
      where: `${operationId} ${where} "${name}"`,
      names: [component, own].filter((each) => Object.hasOwn(schemas, each ?? "")) as Name[],
      value: resolve(example as object).value,
    }));
  }),
);
// And the component schemas' own examples, for the component's validator.
for (const name of componentNames)
  for (const value of spec.components.schemas[name].examples ?? [])
    examples.push({ where: `schema ${name}`, names: [nameOf(name)], value });

describe("the spec's documented examples", () => {
  test("are many, and each reaches a validator", () => {
    expect(examples.length).toBeGreaterThanOrEqual(54);
    for (const { where, names } of examples) expect(names.length, where).toBeGreaterThan(0);
  });

  test.each(examples.map((example) => [example.where, example] as const))("%s passes", (_where, { names, value }) => {
    for (const name of names) expect(run(name, value), name).toEqual({ value });
  });
});

describe("a value that breaks the contract gets one issue: what is wrong, and the path to it", () => {
  const [request, list, created] = [
    "createCustomerQualificationRequest",
    "getCustomerQualificationsResponse",
    "createCustomerQualificationResponse",
  ] as const;
  test.each<[Name, unknown, string, (string | number)[]]>([
    [request, { qualification: "Education" }, "educationSegment is required", ["educationSegment"]],
    [
      request,
      { qualification: "GovernmentCommunityCloud", validationCode: 123456 },
      "validationCode must be string",
      ["validationCode"],
    ],
    [
      request,
      { qualification: "None" },
      'qualification must be one of Education, GovernmentCommunityCloud, StateOwnedEntity; got "None"',
      ["qualification"],
    ],
    [request, [], "the value must be object", []],
    [list, [{ qualification: "Education" }, {}], "[1].qualification is required", [1, "qualification"]],
    [
      list,
      { qualifications: [{ qualification: "Education", vettingCreatedDate: "soon" }] },
      'qualifications[0].vettingCreatedDate must match format "date-time"',
      ["qualifications", 0, "vettingCreatedDate"],
    ],
    [created, { qualifications: {} }, "qualifications must be array", ["qualifications"]],
    [created, { vettingStatus: "Approved" }, "qualification is required", ["qualification"]],
    ["getValidationCodesResponse", [{ maxCreates: "3" }], "[0].maxCreates must be integer or null", [0, "maxCreates"]],
    ["getCustomerValidationResponse", { eTag: 1 }, "eTag must be string", ["eTag"]],
    ["EducationSegment", "K13", 'the value must be one of "K12", "HigherEducation"', []],
    ["ErrorBody", { code: 1.5 }, "code must be integer or string", ["code"]],
    ["ValidationCode", { partnerId: "not-a-uuid" }, 'partnerId must match format "uuid"', ["partnerId"]],
  ])("%s, given %j: %s", (name, value, message, path) => {
    expect(run(name, value)).toEqual({ issues: [{ message, path }] });
  });
});

const throws = (what: string) => () => {
  throw new Error(what);
};
// Values whose reading throws, or that hold themselves; made afresh for each validator. Not in fast-check,
// which itself asks a value whether it can clone itself, and so throws on a revoked proxy.
const hostile = (): [string, unknown][] => {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const cycle: Record<string, unknown> = { qualification: "Education" };
  Object.assign(cycle, { self: cycle, qualifications: [cycle], educationSegment: cycle });
  let reads = 0;
  const twice = Object.defineProperty({ qualification: "Education" }, "educationSegment", {
    get: () => (reads++ ? throws("the second read")() : 5),
    enumerable: true,
  });
  const traps = { get: throws("get"), has: throws("has"), ownKeys: throws("keys"), getPrototypeOf: throws("proto") };
  return [
    ["a proxy whose every trap throws", new Proxy({}, traps)],
    ["an array proxy whose items throw", new Proxy([{}], { get: throws("index") })],
    ["a revoked proxy", revocable.proxy],
    ["a getter that throws", Object.defineProperty({}, "qualification", { get: throws("getter"), enumerable: true })],
    ["a getter that throws on its second read", twice],
    ["a value that holds itself", cycle],
    ["a list that holds itself", Object.assign([], { 0: cycle })],
    ["a symbol, a function and a bigint", [Symbol("x"), () => 1, 1n]],
  ];
};

/** What every answer must be: `{ value }`, the value itself, or one issue with words and a path of keys. */
function expectAnswer(result: ReturnType<typeof run>, value: unknown) {
  expect(result).not.toBeInstanceOf(Promise);
  if (!result.issues) return void expect(result.value).toBe(value);
  expect(result.issues).toEqual([{ message: expect.stringMatching(/^\S.* \S/), path: expect.any(Array) }]);
  for (const key of result.issues[0]!.path) expect(["string", "number"]).toContain(typeof key);
}

describe("whatever the value, validate answers at once and never throws", () => {
  const anything = fc.oneof(
    fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
    fc.jsonValue(),
  );
  test.each(Object.keys(schemas) as Name[])("%s", (name) => {
    fc.assert(
      fc.property(anything, (value) => expectAnswer(run(name, value), value)),
      { numRuns: 200, seed: 20261205 },
    );
    for (const [what, value] of hostile()) expect(() => expectAnswer(run(name, value), value), what).not.toThrow();
  });

  test("a huge value is judged whole, a deep one as deep as the schema reads", () => {
    const many = Array.from({ length: 200_000 }, () => ({ qualification: "Education", vettingStatus: "Approved" }));
    expect(run("getCustomerQualificationsResponse", many)).toEqual({ value: many });
    let deep: unknown = [];
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(run("ErrorBody", { data: deep })).toEqual({ value: { data: deep } });
    expect(run("createCustomerQualificationRequest", "x".repeat(10_000_000))).toHaveProperty("issues");
  });

  test("a value whose reading throws gets an issue that says so, not what was thrown (from a validator that reads it)", () => {
    const unreadable = { issues: [{ message: "the value cannot be read: reading it threw an error", path: [] }] };
    for (const [what, value] of hostile().slice(0, 5)) {
      const answers = [run("CustomerQualificationRequest", value), run("getCustomerQualificationsResponse", value)];
      expect(answers, what).toContainEqual(unreadable);
    }
  });
});

describe("the verdict and the JSON Schema are the spec's", () => {
  test.each(componentNames)("%s: values built from the spec pass, and Ajv agrees on any value", (name) => {
    const validator = schemas[nameOf(name)];
    const oracle = componentOracle(name);
    const draft2020 = ajv2020.compile(validator.jsonSchema);
    const draft07 = ajv07.compile(validator["~standard"].jsonSchema.input({ target: "draft-07" }));
    const allowed = arbitraryOf({ $ref: `#/components/schemas/${name}` });
    const passes = (value: unknown) => void expect(validator["~standard"].validate(value)).toEqual({ value });
    fc.assert(fc.property(allowed, passes), { numRuns: 100, seed: 20261205 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const valid = !validator["~standard"].validate(value).issues;
        expect([valid, draft2020(value), draft07(value)]).toEqual([oracle(value), valid, valid]);
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });

  test("each operation's validator checks what generated/schemas.js checks for it", () => {
    const plain = (name: Name) => ({ ...schemas[name].jsonSchema, $schema: undefined });
    expect(plain("getCustomerQualificationsResponse")).toEqual(generated.getCustomerQualificationsResponse);
    expect(plain("getValidationCodesResponse")).toEqual(generated.getValidationCodesResponse);
    expect(plain("getCustomerValidationResponse")).toEqual(generated.getCustomerValidationResponse200);
    expect(plain("createCustomerQualificationResponse")).toEqual({
      anyOf: [generated.createCustomerQualificationResponse201, generated.createCustomerQualificationResponse200],
    });
    const { byValue } = generated.createCustomerQualificationRequestVariants;
    expect(plain("createCustomerQualificationRequest")).toEqual({ oneOf: Object.values(byValue) });
  });

  test("a JSON Schema is a copy of its own, and a target it cannot write throws", () => {
    const [segment, draft07] = [
      { type: "string", enum: ["K12", "HigherEducation"] },
      "http://json-schema.org/draft-07/schema#",
    ];
    (schemas.EducationSegment.jsonSchema.enum as string[]).push("Other");
    expect(schemas.EducationSegment.jsonSchema).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      ...segment,
    });
    expect(run("EducationSegment", "Other").issues).toHaveLength(1);
    const converter = schemas.EducationSegment["~standard"].jsonSchema;
    expect(converter.output({ target: "draft-07" })).toEqual({ $schema: draft07, ...segment });
    expect(() => converter.input({ target: "openapi-3.0" })).toThrow(
      "partner-center-qualifications/schemas writes JSON Schema for the targets draft-2020-12 and draft-07; got openapi-3.0",
    );
  });
});

test("each validator is a Standard Schema and a Standard JSON Schema, typed by the package's named types", () => {
  type Expected = {
    Qualification: Types.Qualification;
    VettingStatus: Types.VettingStatus;
    CustomerQualification: Types.CustomerQualification;
    CustomerQualificationArray: Types.CustomerQualification[];
    CustomerQualificationsEnvelope: Types.CustomerQualificationsEnvelope;
    CustomerQualificationsResponse: Types.CustomerQualificationsResponse;
    ErrorBody: Types.ErrorBody;
    ThrottlingErrorBody: Types.ThrottlingErrorBody;
    EducationSegment: Types.EducationSegment;
    EducationQualificationRequest: Types.EducationQualificationRequest;
    GovernmentCommunityCloudQualificationRequest: Types.GovernmentCommunityCloudQualificationRequest;
    StateOwnedEntityQualificationRequest: Types.StateOwnedEntityQualificationRequest;
    CustomerQualificationRequest: Types.CustomerQualificationRequest;
    ValidationCode: Types.ValidationCode;
    GccValidationRelationship: Types.GccValidationRelationship;
    LegacyQualification: string;
    LegacyQualificationValue: Types.components["schemas"]["LegacyQualificationValue"];
    createCustomerQualificationRequest: Types.CustomerQualificationRequest;
    createCustomerQualificationResponse: Types.CustomerQualification | Types.CustomerQualificationsEnvelope;
    getCustomerQualificationsResponse: Types.CustomerQualificationsResponse;
    getValidationCodesResponse: Types.ValidationCode[];
    getCustomerValidationResponse: Types.GccValidationRelationship;
  };
  type Output = { [Key in Name]: StandardSchemaV1.InferOutput<(typeof schemas)[Key]> };
  type Input = { [Key in Name]: StandardSchemaV1.InferInput<(typeof schemas)[Key]> };
  expectTypeOf<Output>().toEqualTypeOf<Expected>();
  expectTypeOf<Input>().toEqualTypeOf<Expected>();
  expectTypeOf(entry).toExtend<Record<Name, StandardSchemaV1 & StandardJSONSchemaV1>>();
  expectTypeOf(schemas.CustomerQualification).toExtend<StandardSchemaV1<Types.CustomerQualification>>();
  // One validator per component schema, and per operation for its request and its 2xx answers as one; the
  // retired operations have none (the client does not offer them). One the spec adds needs one here.
  const operationNames = operations
    .filter(({ operation }) => !operation.deprecated)
    .flatMap(({ operation: { operationId, requestBody } }) => [
      ...(requestBody ? [`${operationId}Request`] : []),
      `${operationId}Response`,
    ]);
  expect(Object.keys(schemas).sort()).toEqual([...componentNames.map(nameOf), ...operationNames].sort());
  for (const validator of Object.values(schemas))
    expect(validator["~standard"]).toMatchObject({ version: 1, vendor: "partner-center-qualifications" });
});
