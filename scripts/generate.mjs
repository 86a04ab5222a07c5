// Generates from the bundled spec: TypeScript types (openapi-typescript), standalone JSON Schema
// 2020-12 validators (Ajv), which run without eval or runtime code generation, and the named examples
// as typed constants.
// Usage: node scripts/generate.mjs [dir]   (reads dir/openapi.json, writes dir/schema.d.ts,
// dir/validators.js + .d.ts and dir/examples.js + .d.ts; default: generated)
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import openapiTS, { astToString, stringToAST } from "openapi-typescript";

const dir = process.argv[2] ?? "generated";
const spec = JSON.parse(await readFile(join(dir, "openapi.json"), "utf8"));
// Follows a local $ref of the bundle to what it names.
const resolve = (node) => (node?.$ref ? resolve(node.$ref.slice(2).split("/").reduce((parent, key) => parent[key], spec)) : node);

await writeFile(join(dir, "schema.d.ts"), await generateTypes(spec));
const validators = generateValidators(spec);
await writeFile(join(dir, "validators.js"), validators.code);
await writeFile(join(dir, "validators.d.ts"), validators.types);
const examples = generateExamples(spec);
await writeFile(join(dir, "examples.js"), examples.code);
await writeFile(join(dir, "examples.d.ts"), examples.types);

async function generateTypes(spec) {
  // An open value set is written `anyOf: [{enum: [...]}, {type: string}]`. Plain generation would
  // collapse it to `string`; `(string & {})` keeps the known values for completion and still
  // accepts any other string (contract decision 3).
  function customType(schema) {
    // `not: {}` allows no value at all (a property that must be absent): `never`, not openapi-typescript's `unknown`.
    if (schema.not && Object.keys(schema.not).length === 0) return stringToAST("type T = never;")[0].type;
    const [known, other] = schema.anyOf ?? [];
    const isOpen = schema.anyOf?.length === 2 && Array.isArray(known.enum) && other.type === "string" && !other.enum;
    if (!isOpen) return undefined;
    const literals = known.enum.map((value) => JSON.stringify(value)).join(" | ");
    return stringToAST(`type T = ${literals} | (string & {});`)[0].type;
  }
  return astToString(await openapiTS(spec, { transform: customType }));
}

// One validator per 2xx JSON body (`<operationId>Response`), per JSON request body
// (`<operationId>Request`) and per parameter (`<name>Parameter`, camelCased). The retired
// operations are left out: the client does not offer them.
function generateValidators(spec) {
  const schemas = {};
  const variants = {};
  const byStatus = {};
  for (const item of Object.values(spec.paths)) {
    for (const parameter of (item.parameters ?? []).map(resolve)) {
      schemas[`${camelCase(parameter.name)}Parameter`] = parameter.schema;
    }
    for (const operation of ["get", "post", "put"].map((method) => item[method]).filter((operation) => operation && !operation.deprecated)) {
      // An operation with several 2xx answers (createCustomerQualification: 200 and 201) gets one
      // validator per status and a map from status to validator, so a message speaks of the status's body.
      const successes = Object.entries(operation.responses)
        .map(([status, response]) => [status, resolve(response)?.content?.["application/json"]?.schema])
        .filter(([status, schema]) => status.startsWith("2") && schema);
      if (successes.length === 1) schemas[`${operation.operationId}Response`] = successes[0][1];
      if (successes.length > 1) {
        for (const [status, schema] of successes) schemas[`${operation.operationId}Response${status}`] = schema;
        byStatus[`${operation.operationId}Response`] = successes.map(([status]) => status);
      }
      // Error bodies get a validator per schema (`errorBody`, `throttlingErrorBody`), for the mock's answers.
      for (const [status, response] of Object.entries(operation.responses)) {
        const ref = resolve(response)?.content?.["application/json"]?.schema?.$ref;
        if (!status.startsWith("2") && ref) schemas[`${lowerFirst(ref.split("/").pop())}Body`] = { $ref: ref };
      }
      const requestSchema = resolve(operation.requestBody)?.content?.["application/json"]?.schema;
      const mapping = resolve(requestSchema)?.discriminator?.mapping;
      if (requestSchema && !mapping) schemas[`${operation.operationId}Request`] = requestSchema;
      // A discriminated request gets one validator per variant instead, so an error can speak of the
      // variant the caller meant rather than of every branch of the oneOf.
      for (const [value, ref] of Object.entries(resolve(requestSchema)?.discriminator?.mapping ?? {})) {
        variants[`${operation.operationId}Request`] ??= { property: resolve(requestSchema).discriminator.propertyName, names: {} };
        const name = `${operation.operationId}Request${value}`;
        variants[`${operation.operationId}Request`].names[value] = name;
        schemas[name] = { $ref: ref };
      }
    }
  }

  // A short id: it appears in every error's schemaPath inside the generated code.
  const id = "c.json";
  // Small output: shared sub-validators instead of inlined copies, and no message strings (the client
  // words its own messages from each error's keyword and params).
  const ajv = new Ajv2020({ code: { source: true, esm: true, optimize: true }, inlineRefs: false, messages: false, strict: true, allowUnionTypes: true });
  // Ajv2020 tracks evaluated properties and dynamic anchors in every validator, for keywords this spec
  // does not use; without them the client's bundle is 160 bytes smaller (gzipped). Should the spec
  // come to use them, generation stops here rather than validate them wrongly.
  const unused = /"(unevaluatedProperties|unevaluatedItems|\$dynamicRef|\$dynamicAnchor|\$recursiveRef)"/.exec(JSON.stringify(spec));
  if (unused) throw new Error(`the spec uses ${unused[1]}: turn Ajv's unevaluated and dynamicRef options back on in scripts/generate.mjs`);
  Object.assign(ajv.opts, { unevaluated: false, dynamicRef: false });
  // Formats as regular expressions, so the generated code inlines them and imports nothing.
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat("date-time", /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/);
  const withRefs = (schema) => withoutAnnotations(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${id}#/$defs/`)));
  // The exported validators live in the same root as the component schemas, so the sub-validators
  // they share are compiled once rather than once per export.
  ajv.addSchema({ $id: id, $defs: withRefs({ ...spec.components.schemas, ...schemas }) });
  const names = Object.keys(schemas).sort();
  const code = standaloneCode.default(ajv, Object.fromEntries(names.map((name) => [name, `${id}#/$defs/${name}`])));
  const variantCode = Object.entries(variants).map(
    ([name, { property, names: byValue }]) =>
      `export const ${name}Variants = { property: ${JSON.stringify(property)}, byValue: { ${Object.entries(byValue).map(([value, validator]) => `${JSON.stringify(value)}: ${validator}`).join(", ")} } };`,
  );

  const statusCode = Object.entries(byStatus).map(
    ([name, statuses]) => `export const ${name}ByStatus = { ${statuses.map((status) => `${status}: ${name}${status}`).join(", ")} };`,
  );
  const types = [
    "// Generated by scripts/generate.mjs from the bundled spec. Do not edit.",
    "export interface ValidationError { instancePath: string; keyword: string; params: Record<string, unknown> }",
    "export interface Validator { (data: unknown): boolean; errors?: ValidationError[] | null }",
    ...names.map((name) => `export declare const ${name}: Validator;`),
    ...Object.entries(variants).map(
      ([name, { property, names: byValue }]) =>
        `export declare const ${name}Variants: { property: ${JSON.stringify(property)}; byValue: { ${Object.keys(byValue).map((value) => `${JSON.stringify(value)}: Validator`).join("; ")} } };`,
    ),
    ...Object.entries(byStatus).map(([name, statuses]) => `export declare const ${name}ByStatus: { ${statuses.map((status) => `${status}: Validator`).join("; ")} };`),
    "",
  ].join("\n");
  return { code: `// Generated by scripts/generate.mjs from the bundled spec. Do not edit.\n${code}\n${[...variantCode, ...statusCode].join("\n")}\n`, types };
}

// Only validation keywords reach the generated code; descriptions, examples and the sources
// (`x-source` and friends) would only add bytes.
function withoutAnnotations(value) {
  const annotations = new Set(["title", "description", "examples", "example", "discriminator", "deprecated"]);
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !annotations.has(key) && !key.startsWith("x-"))
      .map(([key, inner]) => [key, withoutAnnotations(inner)]),
  );
}

// Every named example, under the names the mock's `Prefer: example=NAME` uses: per operation, the
// request examples and the answer examples by status, typed by the generated `operations`.
function generateExamples(spec) {
  const named = (content) => Object.fromEntries(Object.entries(content?.["application/json"]?.examples ?? {}).map(([name, example]) => [name, resolve(example).value]));
  const values = {};
  const types = [];
  for (const item of Object.values(spec.paths)) {
    for (const operation of ["get", "post", "put"].map((method) => item[method]).filter(Boolean)) {
      const id = operation.operationId;
      const request = named(resolve(operation.requestBody)?.content);
      const responses = Object.fromEntries(Object.entries(operation.responses).map(([status, response]) => [status, named(resolve(response).content)]));
      values[id] = { ...(Object.keys(request).length && { request }), responses };
      const requestType = `NonNullable<operations[${JSON.stringify(id)}]["requestBody"]>["content"]["application/json"]`;
      const responseType = (status) => `operations[${JSON.stringify(id)}]["responses"][${status}]["content"]["application/json"]`;
      const fields = (names, type) => `{ ${names.map((name) => `readonly ${name}: ${type}`).join("; ")} }`;
      types.push(
        `  readonly ${id}: {`,
        ...(Object.keys(request).length ? [`    readonly request: ${fields(Object.keys(request), requestType)};`] : []),
        `    readonly responses: {`,
        ...Object.entries(responses).map(([status, byName]) => `      readonly ${status}: ${fields(Object.keys(byName), responseType(status))};`),
        `    };`,
        `  };`,
      );
    }
  }
  const header = "// Generated by scripts/generate.mjs from the bundled spec. Do not edit.";
  return {
    code: `${header}\nexport const examples = ${JSON.stringify(values, null, 2)};\n`,
    types: [header, 'import type { operations } from "./schema.js";', "", "/** The spec's named examples: per operation, `request` by name and `responses` by status and name. */", "export declare const examples: {", ...types, "};", ""].join("\n"),
  };
}

function lowerFirst(name) {
  return name[0].toLowerCase() + name.slice(1);
}

function camelCase(name) {
  const [first, ...rest] = name.split("-");
  return first.toLowerCase() + rest.map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
