// The contract's JSON Schemas as Standard Schema v1 validators (https://standardschema.dev), on the project's
// own checker (src/contract/schema.ts) and words (src/contract/messages.ts): no runtime dependency. The
// interface is declared here rather than imported, so that the package's declarations need no package for it.
import { bodyProblem, problemOf } from "../contract/messages.js";
import { type Schema, type Variants, validate } from "../contract/schema.js";

/** One thing a value gets wrong: what, in words, and where (the keys and indices from the value down to it). */
export interface ContractSchemaIssue {
  /** What is wrong, naming the field: "educationSegment is required". */
  readonly message: string;
  /** The keys (and array indices, as numbers) from the value down to the field: `[]` for the value itself. */
  readonly path: readonly (string | number)[];
}

/** `{ value }` when the value keeps the contract, else `{ issues }`. */
export type ContractSchemaResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: readonly ContractSchemaIssue[] };

/** The JSON Schema dialects `~standard.jsonSchema` writes; another target throws, as the standard asks. */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07";

/**
 * A schema of the contract: a Standard Schema v1 validator that also gives its JSON Schema, as the property
 * `jsonSchema` and as Standard JSON Schema v1's `~standard.jsonSchema`, so that any library taking either
 * takes it. `T` is the value's type as the package names it.
 */
export interface ContractSchema<T> {
  /** The properties Standard Schema v1 and Standard JSON Schema v1 read. */
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "partner-center-qualifications";
    /** `{ value }` (the value itself) or `{ issues }`: synchronous, and it never throws, whatever the value. */
    readonly validate: (value: unknown) => ContractSchemaResult<T>;
    /** For type inference only (`StandardSchemaV1.InferOutput`): absent at run time. */
    readonly types?: { readonly input: T; readonly output: T } | undefined;
    readonly jsonSchema: {
      /** The JSON Schema for `target`, a copy of its own; a target other than a {@link JsonSchemaTarget} throws. */
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
      /** The same as `input`: the contract's values are not transformed. */
      readonly output: (options: { readonly target: string }) => Record<string, unknown>;
    };
  };
  /** The JSON Schema (draft 2020-12), every `$ref` inlined and without annotations; a copy of its own at each read. */
  readonly jsonSchema: Record<string, unknown>;
}

const VENDOR = "partner-center-qualifications";
const DIALECTS: Record<string, string> = {
  "draft-2020-12": "https://json-schema.org/draft/2020-12/schema",
  // Generation lets the spec use only the checker's KEYWORDS, which draft-07 reads as 2020-12 does.
  "draft-07": "http://json-schema.org/draft-07/schema#",
} satisfies Record<JsonSchemaTarget, string>;
// The value itself, in the words of an issue about the whole of it.
const WHOLE = "the value";
// A fixed sentence: the error a getter or a proxy threw is not shown, as it could throw again or hold anything.
const UNREADABLE = "the value cannot be read: reading it threw an error";

/** For a value that fails a union, the branch (or the variants) whose words say why; undefined: the union's. */
export type Focus = (value: unknown) => Schema | Variants | undefined;

/** The validator of `schema`; `focus` picks, for a value that fails a union, the branch to word the issue from. */
export function contractSchema<T>(schema: Schema, focus?: Focus): ContractSchema<T> {
  const jsonSchema = ({ target }: { readonly target: string }) => jsonSchemaFor(schema, target);
  const contract: ContractSchema<T> = {
    "~standard": {
      version: 1,
      vendor: VENDOR,
      validate: (value) => check<T>(schema, focus, value),
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
    get jsonSchema() {
      return jsonSchema({ target: "draft-2020-12" });
    },
  };
  return contract;
}

function check<T>(schema: Schema, focus: Focus | undefined, value: unknown): ContractSchemaResult<T> {
  try {
    const errors = validate(schema, value);
    if (errors.length === 0) return { value: value as T };
    const branch = focus?.(value);
    const { pointer, text } = (branch && bodyProblem(branch, value, WHOLE)) ?? problemOf(errors, WHOLE);
    return { issues: [{ message: text, path: pathOf(pointer, value) }] };
  } catch {
    return { issues: [{ message: UNREADABLE, path: [] }] };
  }
}

// A JSON Pointer as the keys and indices of a Standard Schema path: a segment is an index where the value
// it steps into is an array, so that "0" in an object stays a key.
function pathOf(pointer: string, value: unknown): (string | number)[] {
  if (pointer === "") return [];
  let at = value;
  return pointer
    .slice(1)
    .split("/")
    .map((token) => {
      // The contract's property names hold no "~" or "/", which a pointer would escape.
      const segment = Array.isArray(at) ? Number(token) : token;
      at = (at as Record<string | number, unknown>)[segment];
      return segment;
    });
}

function jsonSchemaFor(schema: Schema, target: string): Record<string, unknown> {
  const dialect = Object.hasOwn(DIALECTS, target) ? DIALECTS[target] : undefined;
  if (dialect === undefined)
    throw new TypeError(
      `${VENDOR}/schemas writes JSON Schema for the targets ${Object.keys(DIALECTS).join(" and ")}; ` +
        `got ${String(target)}`,
    );
  // A copy: what a tool does with it cannot reach the schema the validator checks against.
  return { $schema: dialect, ...JSON.parse(JSON.stringify(schema)) };
}
