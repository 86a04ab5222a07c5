// The wording of a broken body's message (src/client/validation.ts), from the errors a validator reports:
// here validators written by hand, so that every rule of the wording is reached, also those for keywords
// and field names the spec's own validators do not produce yet (test/faults.test.ts has the real ones).
import { expect, test } from "vitest";
import type { ValidationError, Validator } from "../generated/validators.js";
import { checkBody } from "../src/client/validation.js";

/** A validator that fails with these errors. */
function failingWith(errors: ValidationError[] | null): Validator {
  return Object.assign(() => false, { errors });
}

const messageOf = (errors: ValidationError[] | null) => {
  try {
    checkBody(failingWith(errors), {}, () => ({ request: "GET /v1/x" }));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("checkBody accepted the body");
};
const error = (instancePath: string, keyword: string, params: Record<string, unknown> = {}): ValidationError => ({ instancePath, keyword, params });

test("a keyword the wording does not know yet is named as the rule that failed", () => {
  expect(messageOf([error("/name", "minLength", { limit: 1 })])).toBe('GET /v1/x answered a body that breaks the contract: name fails the schema\'s "minLength" rule');
});

test("a validator that reports no errors: the body as a whole", () => {
  expect(messageOf(null)).toBe("GET /v1/x answered a body that breaks the contract: it does not match the schema");
  expect(messageOf([error("", "oneOf")])).toBe("GET /v1/x answered a body that breaks the contract: it does not match the schema");
});

test("JSON Pointer escapes in a field name are read back: ~1 is /, ~0 is ~", () => {
  expect(messageOf([error("/a~1b/c~0d/0", "type", { type: "string" })])).toBe("GET /v1/x answered a body that breaks the contract: a/b.c~d[0] must be string");
});

test("only a field name made of digits alone is an array index", () => {
  expect(messageOf([error("/item2/3x", "type", { type: "string" })])).toBe("GET /v1/x answered a body that breaks the contract: item2.3x must be string");
});

test("the deepest complaint wins, a missing field counting one level below its object", () => {
  expect(messageOf([error("/0", "type", { type: "object" }), error("/0", "required", { missingProperty: "qualification" }), error("", "anyOf")])).toBe(
    "GET /v1/x answered a body that breaks the contract: [0].qualification is required",
  );
});

test("complaints at the same depth are joined with or, each said once; an enum only when nothing else failed there", () => {
  const type = error("/status", "type", { type: "string,null" });
  const known = error("/status", "enum", { allowedValues: ["A", "B"] });
  expect(messageOf([type, known, type])).toBe("GET /v1/x answered a body that breaks the contract: status must be string or null");
  expect(messageOf([known, error("/status", "enum", { allowedValues: [1] })])).toBe('GET /v1/x answered a body that breaks the contract: status must be one of "A", "B", or must be one of 1');
  expect(messageOf([error("/when", "format", { format: "date-time" }), error("/extra", "not")])).toBe(
    'GET /v1/x answered a body that breaks the contract: when must match format "date-time", or is not allowed here',
  );
});

test("what the caller asked to send is worded as a request that breaks the contract", () => {
  expect(() => checkBody(failingWith([error("/website", "not")]), {}, () => ({ request: "createCustomerQualification" }), "invalid-argument")).toThrow(
    expect.objectContaining({ kind: "invalid-argument", message: "createCustomerQualification: the request breaks the contract: website is not allowed here" }),
  );
});
