// Every example in the spec is valid against its schema under JSON Schema 2020-12 (Ajv), independently
// of Prism (which validates OpenAPI 3.1 as draft-07) and of Redocly's own lint.
import { describe, expect, test } from "vitest";
import { operations, resolve, spec, validationErrors } from "../support/spec.js";

type Node = Record<string, any>;
interface Case {
  where: string;
  schema: Node;
  value: unknown;
}

function mediaExamples(where: string, content: Node | undefined): Case[] {
  return Object.entries((content ?? {}) as Node).flatMap(([mediaType, media]) =>
    Object.entries((media.examples ?? {}) as Node).map(([name, example]) => ({
      where: `${where} ${mediaType} example "${name}"`,
      schema: media.schema,
      value: resolve(example).value,
    })),
  );
}

const cases: Case[] = operations.flatMap(({ path, method, operation, parameters }) => {
  const at = `${method.toUpperCase()} ${path}`;
  const body = operation.requestBody ? mediaExamples(`${at} request`, resolve(operation.requestBody).content) : [];
  const responses = Object.entries(operation.responses as Node).flatMap(([status, reference]) => {
    const response = resolve(reference);
    const headers = Object.entries((response.headers ?? {}) as Node).map(([name, header]) => ({
      where: `${at} ${status} header ${name}`,
      schema: resolve(header).schema,
      value: resolve(header).example,
    }));
    return [...mediaExamples(`${at} ${status}`, response.content), ...headers];
  });
  const params = parameters.map((parameter) => ({
    where: `${at} parameter ${parameter.name}`,
    schema: parameter.schema,
    value: parameter.example,
  }));
  return [...body, ...responses, ...params];
});

const schemaExamples: Case[] = Object.entries(spec.components.schemas as Node).flatMap(([name, schema]) => [
  ...(schema.examples ?? []).map((value: unknown) => ({ where: `schema ${name}`, schema, value })),
  ...Object.entries((schema.properties ?? {}) as Node).flatMap(([property, propertySchema]) =>
    (propertySchema.examples ?? []).map((value: unknown) => ({
      where: `schema ${name}.${property}`,
      schema: propertySchema,
      value,
    })),
  ),
]);

describe("every example is valid under JSON Schema 2020-12", () => {
  test("the spec has the examples these tests walk", () => {
    expect(cases.filter(({ where }) => where.includes(" example ")).length).toBeGreaterThanOrEqual(54);
    expect(schemaExamples.length).toBeGreaterThanOrEqual(5);
  });

  test.each([...cases, ...schemaExamples].map((item) => [item.where, item] as const))(
    "%s",
    (_where, { schema, value }) => {
      expect(value).toBeDefined();
      expect(validationErrors(schema, value)).toBeUndefined();
    },
  );

  test("the validator does refuse a value that breaks a schema", () => {
    const qualification = spec.components.schemas.CustomerQualification;
    expect(validationErrors(qualification, { vettingStatus: "Approved" })).toMatch(/qualification/);
    expect(validationErrors(qualification, { qualification: "Education", vettingCreateDate: "yesterday" })).toMatch(
      /date-time/,
    );
    const request = spec.components.schemas.CustomerQualificationRequest;
    expect(validationErrors(request, { qualification: "Education" })).toMatch(/educationSegment/);
  });
});
