// Reads the bundled spec for the tests: operations, $ref resolution, and a JSON Schema 2020-12
// validator (Ajv) that is independent of Prism and Redocly.
import { readFileSync } from "node:fs";
import { Ajv2020, type Options } from "ajv/dist/2020.js";
import formats from "ajv-formats";

type Node = Record<string, any>;

export const spec: Node = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));

export const METHODS = ["get", "post", "put"] as const;

/** Follows a local `$ref` ("#/components/...") to the node it names. */
export function resolve<T = Node>(node: Node): T {
  if (typeof node.$ref !== "string") return node as T;
  const target = node.$ref
    .slice(2)
    .split("/")
    .map((part: string) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((parent: Node, key: string) => parent[key], spec);
  return resolve(target);
}

export interface Operation {
  path: string;
  method: (typeof METHODS)[number];
  operation: Node;
  /** Path-level and operation-level parameters, resolved. */
  parameters: Node[];
}

export const operations: Operation[] = Object.entries(spec.paths as Node).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({
    path,
    method,
    operation: item[method],
    parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map((parameter) => resolve(parameter)),
  })),
);

export function operationById(operationId: string): Operation {
  const found = operations.find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the spec`);
  return found;
}

/** The named examples of one response (or request body) media type, resolved to their values. */
export function examplesOf(content: Node | undefined): Record<string, unknown> {
  const media = content?.["application/json"] ?? {};
  return Object.fromEntries(
    Object.entries((media.examples ?? {}) as Node).map(([name, example]) => [name, resolve(example).value]),
  );
}

/** The named examples of the answer `status` of the call `operationId`. */
export const responseExamples = (operationId: string, status: string) =>
  examplesOf(resolve(operationById(operationId).operation.responses[status]).content);

const SCHEMA_ID = "https://partner-center-qualifications.invalid/schemas.json";

/** An Ajv that knows the spec's component schemas; a schema it compiles goes through absoluteRefs first. */
export function specAjv(options: Options): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, ...options });
  // OpenAPI's own keyword and the contract's source annotations; they annotate and do not validate.
  ajv.addVocabulary(["discriminator", "x-source", "x-assumption", "x-enum-sources"]);
  // The component schemas as $defs of one schema, with every "#/components/schemas/X" made absolute.
  ajv.addSchema(absoluteRefs({ $id: SCHEMA_ID, $defs: spec.components.schemas }));
  return ajv;
}

const ajv = specAjv({ allErrors: true });
// ajv-formats is CommonJS; its function is on `default` under NodeNext resolution.
formats.default(ajv);

export function absoluteRefs<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMA_ID}#/$defs/`));
}

/** Validates a value against a schema of the spec; returns Ajv's error text, or undefined when valid. */
export function validationErrors(schema: Node, value: unknown): string | undefined {
  const validate = ajv.compile(absoluteRefs(schema));
  return validate(value) ? undefined : ajv.errorsText(validate.errors);
}
