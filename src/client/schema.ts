// Checks values against the spec's JSON Schemas (generated/schemas.js). The spec uses a small part of
// JSON Schema 2020-12, and scripts/generate.mjs stops on any keyword or format not checked here. Each
// schema is turned once into closures: no eval or new Function, so it runs under a strict
// Content-Security-Policy, in far fewer bytes than generated code. Like Ajv without allErrors, a check
// stops at the first rule a value breaks (trying every branch of anyOf and oneOf), and reports errors in
// Ajv's shape, so that Ajv can be its test oracle.
import type { Schema } from "../../generated/schemas.js";

export type { Schema };
export interface ValidationError {
  /** A JSON Pointer to the value that broke the rule: "" for the whole value. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
type Check = (data: unknown, path: string, errors: ValidationError[]) => boolean;

// Exported for the test that holds this checker to Ajv (test/schema.test.ts).
export const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/,
};

export const isPlainObject = (data: unknown): data is Record<string, unknown> => typeof data === "object" && data !== null && !Array.isArray(data);
const typeOf = (data: unknown) => (data === null ? "null" : Array.isArray(data) ? "array" : Number.isInteger(data) ? "integer" : typeof data);

function fail(errors: ValidationError[], instancePath: string, keyword: string, params: Record<string, unknown> = {}): false {
  errors.push({ instancePath, keyword, params });
  return false;
}

/** A discriminated body's schemas: one per value of its `property`. */
export interface Variants {
  property: string;
  byValue: Record<string, Schema>;
}

/** The schema of the variant `body` names, if it names one. Own keys only: "constructor" or "toString" names none. */
export function variantOf({ property, byValue }: Variants, body: unknown): Schema | undefined {
  const value = (body as Record<string, unknown> | null)?.[property];
  return typeof value === "string" && Object.hasOwn(byValue, value) ? byValue[value] : undefined;
}

const compiled = new WeakMap<Schema, Check>();

/** The rules `data` breaks, where, and with what parameters: none when it keeps `schema`. */
export function validate(schema: Schema, data: unknown): ValidationError[] {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = checkOf(schema)));
  const errors: ValidationError[] = [];
  check(data, "", errors);
  return errors;
}

// In Ajv's order: the type, the rules for any type, then those for strings, arrays and objects.
function checkOf(schema: Schema): Check {
  const checks: Check[] = [];
  const rule =
    (keyword: string, params: Record<string, unknown>, passes: (data: unknown) => boolean): Check =>
    (data, path, errors) =>
      passes(data) || fail(errors, path, keyword, params);
  const { type, enum: allowed, format, pattern, required, properties, items, anyOf, oneOf, not } = schema;
  if (type) {
    // The spec has no "number" type (generation stops on one): an integer is a number's only type here.
    const types = [type].flat();
    checks.push(rule("type", { type }, (data) => types.includes(typeOf(data))));
  }
  if ("const" in schema) checks.push(rule("const", { allowedValue: schema.const }, (data) => data === schema.const));
  if (allowed) checks.push(rule("enum", { allowedValues: allowed }, (data) => allowed.includes(data)));
  if (not) {
    const inner = checkOf(not);
    checks.push(rule("not", {}, (data) => !inner(data, "", [])));
  }
  if (anyOf) checks.push(branches("anyOf", anyOf));
  if (oneOf) checks.push(branches("oneOf", oneOf));
  if (pattern) {
    const expression = new RegExp(pattern, "u");
    checks.push(rule("pattern", { pattern }, (data) => typeof data !== "string" || expression.test(data)));
  }
  if (format) checks.push(rule("format", { format }, (data) => typeof data !== "string" || formats[format]!.test(data)));
  if (items) {
    const check = checkOf(items);
    checks.push((data, path, errors) => {
      if (!Array.isArray(data)) return true;
      for (let index = 0; index < data.length; index++) if (!check(data[index], `${path}/${index}`, errors)) return false;
      return true;
    });
  }
  if (required) {
    checks.push((data, path, errors) => !isPlainObject(data) || required.every((name) => data[name] !== undefined || fail(errors, path, "required", { missingProperty: name })));
  }
  if (properties) {
    // A name in a JSON Pointer escapes ~ as ~0 and / as ~1.
    const each = Object.entries(properties).map(([name, inner]) => ({ name, pointer: `/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`, check: checkOf(inner) }));
    checks.push((data, path, errors) => {
      if (!isPlainObject(data)) return true;
      for (const { name, pointer, check } of each) if (data[name] !== undefined && !check(data[name], path + pointer, errors)) return false;
      return true;
    });
  }
  return (data, path, errors) => {
    for (const check of checks) if (!check(data, path, errors)) return false;
    return true;
  };
}

// anyOf stops at the first branch that passes, as Ajv does; oneOf tries every branch. What the failing
// branches found is kept only when the rule fails.
function branches(keyword: "anyOf" | "oneOf", schemas: Schema[]): Check {
  const checks = schemas.map(checkOf);
  return (data, path, errors) => {
    const found: ValidationError[] = [];
    let passed = 0;
    for (const check of checks) {
      if (check(data, path, found)) passed++;
      if (passed && keyword === "anyOf") return true;
    }
    if (passed === 1) return true;
    errors.push(...found);
    return fail(errors, path, keyword);
  };
}
