// Checks values against the spec's JSON Schemas (generated/schemas.js), read as data keyword by keyword:
// no eval or new Function, so it runs under a strict Content-Security-Policy. Like Ajv without allErrors,
// a check stops at the first rule a value breaks, and reports errors in Ajv's shape, so that Ajv can be its
// test oracle. scripts/generate.mjs stops on any keyword, type or format of the spec not listed here.

/** The keywords of JSON Schema 2020-12 this checker reads; generation stops on any other. */
export const KEYWORDS = [
  "type",
  "enum",
  "const",
  "format",
  "pattern",
  "required",
  "properties",
  "items",
  "anyOf",
  "oneOf",
];
export const TYPES = ["string", "integer", "boolean", "object", "array", "null"];

/** The part of JSON Schema 2020-12 the spec uses, without its annotations. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface ValidationError {
  /** A JSON Pointer to the value that broke the rule: "" for the whole value. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

// RFC 3339's date-time; its groups (date, time, fraction, offset) are what vettingDate reads a date from.
const DAY = String.raw`(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))`;
const TIME = String.raw`((?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60))(?:\.(\d+))?`;
const OFFSET = String.raw`([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)`;
export const DATE_TIME = new RegExp(`^${DAY}[Tt ]${TIME}${OFFSET}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a `YYYY-MM-DD` is a day its month has: the 30th of February matches the pattern and is none. */
export function isCalendarDay(day: string): boolean {
  return new Date(day).getUTCDate() === Number(day.slice(8));
}

/** The formats this checker reads, by name. */
export const formats: Record<string, (text: string) => boolean> = {
  uuid: (text) => UUID.test(text),
  "date-time": (text) => {
    const day = DATE_TIME.exec(text)?.[1];
    return day !== undefined && isCalendarDay(day);
  },
};

export const isPlainObject = (data: unknown): data is Record<string, unknown> =>
  typeof data === "object" && data !== null && !Array.isArray(data);
const typeOf = (data: unknown) =>
  data === null ? "null" : Array.isArray(data) ? "array" : Number.isInteger(data) ? "integer" : typeof data;

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

/** Whether `data` keeps `schema`. */
export const matches = (schema: Schema, data: unknown): boolean => validate(schema, data).length === 0;

/** The rules `data` breaks, where, and with what parameters: none when it keeps `schema`. */
export function validate(schema: Schema, data: unknown): ValidationError[] {
  const errors: ValidationError[] = [];
  check(schema, data, errors);
  return errors;
}

// Each check reports paths from the value it checks; a failed item or property puts its own segment in
// front of what it reported. So no path is built while a value passes.
function check(schema: Schema, data: unknown, errors: ValidationError[]): boolean {
  const { type, const: constant, enum: allowed, format, pattern, required, properties, items } = schema;
  // In Ajv's order: the type, the rules for any type, then those for strings, arrays and objects.
  if (type) {
    // Equivalent mutant: no type name holds another, so includes() on one name gives the same verdict
    // Stryker disable next-line ConditionalExpression
    const typed = Array.isArray(type) ? type.includes(typeOf(data)) : type === typeOf(data);
    if (!typed) return fail(errors, "type", { type });
  }
  // JSON has no undefined: a schema without const reads undefined here.
  if (constant !== undefined && data !== constant) return fail(errors, "const", { allowedValue: constant });
  if (allowed && !allowed.includes(data)) return fail(errors, "enum", { allowedValues: allowed });
  if (schema.anyOf && !branches("anyOf", schema.anyOf, data, errors)) return false;
  if (schema.oneOf && !branches("oneOf", schema.oneOf, data, errors)) return false;
  if (typeof data === "string") {
    // Equivalent mutant: no pattern reads as the empty one, which every string matches
    // Stryker disable next-line ConditionalExpression
    if (pattern && !new RegExp(pattern, "u").test(data)) return fail(errors, "pattern", { pattern });
    if (format && !formats[format]!(data)) return fail(errors, "format", { format });
  }
  const reported = errors.length;
  if (items && Array.isArray(data))
    for (let index = 0; index < data.length; index++)
      if (!check(items, data[index], errors)) return within(errors, reported, String(index));
  if (isPlainObject(data)) {
    if (required)
      for (const name of required)
        if (data[name] === undefined) return fail(errors, "required", { missingProperty: name });
    for (const name in properties) {
      const value = data[name];
      if (value !== undefined && !check(properties[name]!, value, errors))
        return within(errors, reported, name.replaceAll("~", "~0").replaceAll("/", "~1"));
    }
  }
  return true;
}

function fail(errors: ValidationError[], keyword: string, params: Record<string, unknown> = {}): false {
  errors.push({ instancePath: "", keyword, params });
  return false;
}

// Puts `/segment` (a JSON Pointer's, with ~ and / escaped) in front of the paths reported from `from` on.
function within(errors: ValidationError[], from: number, segment: string): false {
  for (let index = from; index < errors.length; index++)
    errors[index]!.instancePath = `/${segment}${errors[index]!.instancePath}`;
  return false;
}

// anyOf stops at the first branch that passes, as Ajv does; oneOf tries every branch. What the failing
// branches found is kept only when the rule fails.
function branches(keyword: "anyOf" | "oneOf", schemas: Schema[], data: unknown, errors: ValidationError[]): boolean {
  const found: ValidationError[] = [];
  let passed = 0;
  for (const schema of schemas) {
    if (check(schema, data, found)) passed++;
    if (passed && keyword === "anyOf") return true;
  }
  if (passed === 1) return true;
  errors.push(...found);
  return fail(errors, keyword);
}
