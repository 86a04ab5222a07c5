// The words of the client's and the mocks' errors about values: what rule a body breaks, which field, and a
// short, safe picture of a value.
import { type Schema, type ValidationError, type Variants, validate, variantOf } from "./schema.js";

/** `text` cut to `max` characters, with an ellipsis when it was longer. */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A short, safe picture of a value for an error message. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(clip(value, 60));
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  return typeof value === "object" && value ? "an object" : String(value);
}

/** A rule a value breaks: where (a JSON Pointer; a missing field's own), and in words. */
export interface Problem {
  pointer: string;
  text: string;
}

/**
 * The rule `body` breaks (none when it keeps the contract); `whole` names the body itself in the words. A
 * discriminated body is checked against the variant its discriminator names, so the words speak of that variant.
 */
export function bodyProblem(check: Schema | Variants, body: unknown, whole = "the body"): Problem | undefined {
  let schema: Schema;
  if (!("byValue" in check)) {
    schema = check;
  } else {
    const variant = variantOf(check, body);
    if (!variant) {
      const allowed = Object.keys(check.byValue).join(", ");
      const named =
        typeof body === "object" && body !== null ? (body as Record<string, unknown>)[check.property] : body;
      return {
        pointer: `/${check.property}`,
        text: `${check.property} must be one of ${allowed}; got ${showValue(named)}`,
      };
    }
    schema = variant;
  }
  const errors = validate(schema, body);
  return errors.length ? problemOf(errors, whole) : undefined;
}

/**
 * The most specific complaint among `errors`: the deepest field that failed, without the summaries that
 * oneOf and anyOf add, and without the known-values enum of an open value set when the type itself failed;
 * `whole` names the value itself in the words.
 */
export function problemOf(errors: ValidationError[], whole = "the body"): Problem {
  const specific = errors.filter((error) => error.keyword !== "oneOf" && error.keyword !== "anyOf");
  const pathOf = (error: ValidationError) =>
    error.keyword === "required" ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath;
  const depth = Math.max(...specific.map((error) => pathOf(error).split("/").length));
  const deepest = specific.filter((error) => pathOf(error).split("/").length === depth);
  const first = deepest[0];
  if (!first) return { pointer: "", text: "it does not match the schema" };
  const onlyEnums = deepest.every((error) => error.keyword === "enum");
  const rules = deepest.filter((error) => onlyEnums || error.keyword !== "enum").map(ruleOf);
  return { pointer: pathOf(first), text: `${fieldName(pathOf(first), whole)} ${[...new Set(rules)].join(", or ")}` };
}

function ruleOf({ keyword, params }: ValidationError): string {
  switch (keyword) {
    case "required":
      return "is required";
    case "type":
      return `must be ${String(params.type).replace(",", " or ")}`;
    case "format":
      return `must match format "${String(params.format)}"`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
    default:
      return `fails the schema's "${keyword}" rule`;
  }
}

// "/0/qualification" → "[0].qualification"; "" → `whole`, "the body".
function fieldName(pointer: string, whole: string): string {
  if (pointer === "") return whole;
  return pointer
    .slice(1)
    .split("/")
    .map((part, index) => {
      if (/^\d+$/.test(part)) return `[${part}]`;
      return `${index === 0 ? "" : "."}${part.replaceAll("~1", "/").replaceAll("~0", "~")}`;
    })
    .join("");
}
