// The wording of a broken body's message (src/contract/messages.ts), from the errors a check reports:
// here errors written by hand, so that every rule of the wording is reached, also those for keywords
// and field names the spec's own schemas do not produce yet (test/client/faults.test.ts has the real ones).
import { expect, test } from "vitest";
import * as schemas from "../../generated/schemas.js";
import type { ValidationError } from "../../src/contract/schema.js";
import { problemOf } from "../../src/contract/messages.js";
import { checkBody } from "../../src/client/checks.js";

const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}): ValidationError => ({
  instancePath,
  keyword,
  params,
});

test("a keyword the wording does not know yet is named as the rule that failed", () => {
  expect(problemOf([error("/name", "minLength", { limit: 1 })]).text).toBe('name fails the schema\'s "minLength" rule');
});

test("no errors but the summaries of oneOf and anyOf: the body as a whole", () => {
  expect(problemOf([]).text).toBe("it does not match the schema");
  expect(problemOf([error("", "oneOf")]).text).toBe("it does not match the schema");
});

test("JSON Pointer escapes in a field name are read back: ~1 is /, ~0 is ~", () => {
  expect(problemOf([error("/a~1b/c~0d/0", "type", { type: "string" })]).text).toBe("a/b.c~d[0] must be string");
});

test("only a field name made of digits alone is an array index", () => {
  expect(problemOf([error("/item2/3x", "type", { type: "string" })]).text).toBe("item2.3x must be string");
});

test("the deepest complaint wins, a missing field counting one level below its object", () => {
  expect(
    problemOf([
      error("/0", "type", { type: "object" }),
      error("/0", "required", { missingProperty: "qualification" }),
      error("", "anyOf"),
    ]).text,
  ).toBe("[0].qualification is required");
});

test("complaints at the same depth are joined with or, each said once; an enum only when nothing else failed there", () => {
  const type = error("/status", "type", { type: "string,null" });
  const known = error("/status", "enum", { allowedValues: ["A", "B"] });
  expect(problemOf([type, known, type]).text).toBe("status must be string or null");
  expect(problemOf([known, error("/status", "enum", { allowedValues: [1] })]).text).toBe(
    'status must be one of "A", "B", or must be one of 1',
  );
  expect(
    problemOf([error("/when", "format", { format: "date-time" }), error("/code", "pattern", { pattern: "^\\d+$" })])
      .text,
  ).toBe('when must match format "date-time", or fails the schema\'s "pattern" rule');
});

test("what Partner Center answered is worded as an answer that breaks the contract", () => {
  expect(() => checkBody(schemas.getValidationCodesResponse, [{ maxCreates: "3" }], { request: "GET /v1/x" })).toThrow(
    expect.objectContaining({
      kind: "invalid-response",
      message: "GET /v1/x answered a body that breaks the contract: [0].maxCreates must be integer or null",
    }),
  );
});

test("what the caller asked to send is worded as a request that breaks the contract", () => {
  const request = { qualification: "GovernmentCommunityCloud", validationCode: 123456 };
  expect(() =>
    checkBody(
      schemas.createCustomerQualificationRequestVariants,
      request,
      { request: "createCustomerQualification" },
      "invalid-argument",
    ),
  ).toThrow(
    expect.objectContaining({
      kind: "invalid-argument",
      message: "createCustomerQualification: the request breaks the contract: validationCode must be string",
    }),
  );
});
