// Generates from the bundled spec: TypeScript types (openapi-typescript), the JSON Schemas the client and
// the mock check bodies and arguments against (src/contract/schema.ts checks them), and the named examples
// as typed constants.
// Usage: node scripts/generate.mjs [dir]   (reads dir/openapi.json, writes dir/schema.d.ts,
// dir/schemas.js + .d.ts and dir/examples.js + .d.ts; default: generated)
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString, stringToAST } from "openapi-typescript";
// Node 24 runs the checker's TypeScript as it is: its lists of what it reads are the ones generation allows.
import { formats, KEYWORDS, TYPES } from "../src/contract/schema.ts";

const dir = process.argv[2] ?? "generated";
const spec = JSON.parse(await readFile(join(dir, "openapi.json"), "utf8"));
// Follows a local $ref of the bundle to what it names.
const resolve = (node) =>
  node?.$ref
    ? resolve(
        node.$ref
          .slice(2)
          .split("/")
          .reduce((parent, key) => parent[key], spec),
      )
    : node;

// openapi-typescript rewrites what it reads (a const becomes an enum): it gets a copy.
await writeFile(join(dir, "schema.d.ts"), await generateTypes(structuredClone(spec)));
const schemas = generateSchemas(spec);
await writeFile(join(dir, "schemas.js"), schemas.code);
await writeFile(join(dir, "schemas.d.ts"), schemas.types);
const examples = generateExamples(spec);
await writeFile(join(dir, "examples.js"), examples.code);
await writeFile(join(dir, "examples.d.ts"), examples.types);

async function generateTypes(spec) {
  // An open value set is written `anyOf: [{enum: [...]}, {type: string}]`. Plain generation would
  // collapse it to `string`; `(string & {})` keeps the known values for completion and still
  // accepts any other string (docs/decisions.md, 3).
  function customType(schema) {
    const [known, other] = schema.anyOf ?? [];
    const isOpen = schema.anyOf?.length === 2 && Array.isArray(known.enum) && other.type === "string" && !other.enum;
    if (!isOpen) return undefined;
    const literals = known.enum.map((value) => JSON.stringify(value)).join(" | ");
    return stringToAST(`type T = ${literals} | (string & {});`)[0].type;
  }
  return astToString(await openapiTS(spec, { transform: customType }));
}

// One schema per 2xx JSON body (`<operationId>Response`), per JSON request body
// (`<operationId>Request`) and per parameter (`<name>Parameter`, camelCased). The retired operations'
// are there too, for the mock's checks; the client does not offer them, and a bundle leaves them out.
function generateSchemas(spec) {
  const schemas = {};
  const variants = {};
  const byStatus = {};
  for (const item of Object.values(spec.paths)) {
    for (const parameter of (item.parameters ?? []).map(resolve)) {
      schemas[`${camelCase(parameter.name)}Parameter`] = parameter.schema;
    }
    for (const operation of ["get", "post", "put"].map((method) => item[method]).filter(Boolean)) {
      // An operation with several 2xx answers (createCustomerQualification: 200 and 201) gets one
      // schema per status and a map from status to schema, so a message speaks of the status's body.
      const successes = Object.entries(operation.responses)
        .map(([status, response]) => [status, resolve(response)?.content?.["application/json"]?.schema])
        .filter(([status, schema]) => status.startsWith("2") && schema);
      if (successes.length === 1) schemas[`${operation.operationId}Response`] = successes[0][1];
      if (successes.length > 1) {
        for (const [status, schema] of successes) schemas[`${operation.operationId}Response${status}`] = schema;
        byStatus[`${operation.operationId}Response`] = successes.map(([status]) => status);
      }
      // Error bodies get a schema each (`errorBody`, `throttlingErrorBody`), for the mock's answers.
      for (const [status, response] of Object.entries(operation.responses)) {
        const ref = resolve(response)?.content?.["application/json"]?.schema?.$ref;
        if (!status.startsWith("2") && ref) schemas[`${lowerFirst(ref.split("/").pop())}Body`] = { $ref: ref };
      }
      const requestSchema = resolve(operation.requestBody)?.content?.["application/json"]?.schema;
      const mapping = resolve(requestSchema)?.discriminator?.mapping;
      if (requestSchema && !mapping) schemas[`${operation.operationId}Request`] = requestSchema;
      // A discriminated request gets one schema per variant instead, so an error can speak of the
      // variant the caller meant rather than of every branch of the oneOf.
      for (const [value, ref] of Object.entries(resolve(requestSchema)?.discriminator?.mapping ?? {})) {
        variants[`${operation.operationId}Request`] ??= {
          property: resolve(requestSchema).discriminator.propertyName,
          names: {},
        };
        const name = `${operation.operationId}Request${value}`;
        variants[`${operation.operationId}Request`].names[value] = name;
        schemas[name] = { $ref: ref };
      }
    }
  }

  // Each component schema becomes a constant, and a $ref the constant it names, so a bundler keeps only
  // the schemas its entry point checks against (the client never needs Error, only the mock does).
  const components = eachSchema(spec.components.schemas);
  const written = new Map();
  // A schema as JavaScript source: JSON, except that a $ref is the name of the constant it refers to.
  const source = (schema) => {
    if (schema?.$ref) return componentName(schema);
    if (Array.isArray(schema)) return `[${schema.map(source).join(", ")}]`;
    if (schema === null || typeof schema !== "object") return JSON.stringify(schema);
    const entries = Object.entries(schema).map(([key, value]) => `${JSON.stringify(key)}: ${source(value)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  };
  function componentName(ref) {
    const name = ref.$ref.replace("#/components/schemas/", "");
    if (Object.keys(ref).length > 1 || !/^[A-Z]\w*$/.test(name) || !components[name])
      throw new Error(`${ref.$ref}: only a bare $ref to a component schema with a plain name is supported`);
    write(name);
    return `${name}Schema`;
  }
  const writing = new Set();
  // A constant is written after those it refers to.
  function write(name) {
    if (writing.has(name))
      throw new Error(`the schema ${name} refers back to itself, which generated/schemas.js cannot write as constants`);
    if (written.has(name)) return;
    writing.add(name);
    checkKeywords(components[name], name);
    const code = `const ${name}Schema = ${source(components[name])};`;
    writing.delete(name);
    written.set(name, code);
  }
  const names = Object.keys(schemas).sort();
  // A schema that is a bare $ref is the component's constant under a second name: exported as such rather
  // than copied to a constant of its own, so that a bundle holds no alias.
  const constantOf = (name) => (schemas[name].$ref ? componentName(schemas[name]) : name);
  const exported = names.map((name) => {
    const schema = withoutAnnotations(schemas[name]);
    checkKeywords(schema, name);
    return schema.$ref ? `export { ${source(schema)} as ${name} };` : `export const ${name} = ${source(schema)};`;
  });
  const variantCode = Object.entries(variants).map(
    ([name, { property, names: byValue }]) =>
      `export const ${name}Variants = { property: ${JSON.stringify(property)}, byValue: { ${Object.entries(byValue)
        .map(([value, schema]) => `${JSON.stringify(value)}: ${constantOf(schema)}`)
        .join(", ")} } };`,
  );
  const statusCode = Object.entries(byStatus).map(
    ([name, statuses]) =>
      `export const ${name}ByStatus = { ${statuses.map((status) => `${status}: ${constantOf(`${name}${status}`)}`).join(", ")} };`,
  );
  const header = "// Generated by scripts/generate.mjs from the bundled spec. Do not edit.";
  const types = [
    header,
    'import type { Schema } from "../src/contract/schema.js";',
    ...names.map((name) => `export declare const ${name}: Schema;`),
    ...Object.entries(variants).map(
      ([name, { property, names: byValue }]) =>
        `export declare const ${name}Variants: { property: ${JSON.stringify(property)}; byValue: { ${Object.keys(
          byValue,
        )
          .map((value) => `${JSON.stringify(value)}: Schema`)
          .join("; ")} } };`,
    ),
    ...Object.entries(byStatus).map(
      ([name, statuses]) =>
        `export declare const ${name}ByStatus: { ${statuses.map((status) => `${status}: Schema`).join("; ")} };`,
    ),
    "",
  ].join("\n");
  return { code: [header, ...written.values(), ...exported, ...variantCode, ...statusCode, ""].join("\n"), types };
}

// The keywords, types and formats src/contract/schema.ts checks, and the enum and const values it compares
// with ===. Anything else would be checked wrongly there, a body that breaks it accepted: generation stops.
function checkKeywords(schema, where) {
  const known = new Set([...KEYWORDS, "$ref"]);
  const subschemas = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.items ? [schema.items] : []),
  ];
  const values = [...(schema.enum ?? []), ...("const" in schema ? [schema.const] : [])];
  const unknown =
    Object.keys(schema).find((keyword) => !known.has(keyword)) ||
    [schema.type ?? []]
      .flat()
      .map((type) => !TYPES.includes(type) && `type ${type}`)
      .find(Boolean) ||
    (schema.format && !Object.hasOwn(formats, schema.format) && `format ${schema.format}`) ||
    (values.some((value) => typeof value === "object" && value !== null) &&
      "an object or array as an enum or const value");
  if (unknown) throw new Error(`the spec uses ${unknown} (in ${where}), which src/contract/schema.ts does not check`);
  for (const subschema of subschemas) if (!subschema.$ref) checkKeywords(subschema, where);
}

// Only validation keywords reach the generated code; descriptions, examples and the sources
// (`x-source` and friends) would only add bytes. The names under `properties` and the values of `enum`
// and `const` are data, not keywords: a property called "description" stays.
function withoutAnnotations(schema) {
  const annotations = new Set(["title", "description", "examples", "example", "discriminator", "deprecated"]);
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const inside = (key, inner) =>
    key === "properties"
      ? eachSchema(inner)
      : ["enum", "const", "required"].includes(key)
        ? inner
        : withoutAnnotations(inner);
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !annotations.has(key) && !key.startsWith("x-"))
      .map(([key, inner]) => [key, inside(key, inner)]),
  );
}

function eachSchema(byName) {
  return Object.fromEntries(Object.entries(byName).map(([name, schema]) => [name, withoutAnnotations(schema)]));
}

// Every named example, under the names the mock's `Prefer: example=NAME` uses: per operation, the
// request examples and the answer examples by status, typed by the generated `operations`.
function generateExamples(spec) {
  const named = (content) =>
    Object.fromEntries(
      Object.entries(content?.["application/json"]?.examples ?? {}).map(([name, example]) => [
        name,
        resolve(example).value,
      ]),
    );
  const values = {};
  const types = [];
  for (const item of Object.values(spec.paths)) {
    for (const operation of ["get", "post", "put"].map((method) => item[method]).filter(Boolean)) {
      const id = operation.operationId;
      const request = named(resolve(operation.requestBody)?.content);
      const responses = Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [status, named(resolve(response).content)]),
      );
      values[id] = { ...(Object.keys(request).length && { request }), responses };
      const requestType = `NonNullable<operations[${JSON.stringify(id)}]["requestBody"]>["content"]["application/json"]`;
      const responseType = (status) =>
        `operations[${JSON.stringify(id)}]["responses"][${status}]["content"]["application/json"]`;
      const fields = (names, type) => `{ ${names.map((name) => `readonly ${name}: ${type}`).join("; ")} }`;
      types.push(
        `  readonly ${id}: {`,
        ...(Object.keys(request).length ? [`    readonly request: ${fields(Object.keys(request), requestType)};`] : []),
        `    readonly responses: {`,
        ...Object.entries(responses).map(
          ([status, byName]) => `      readonly ${status}: ${fields(Object.keys(byName), responseType(status))};`,
        ),
        `    };`,
        `  };`,
      );
    }
  }
  const header = "// Generated by scripts/generate.mjs from the bundled spec. Do not edit.";
  return {
    code: `${header}\nexport const examples = ${JSON.stringify(values, null, 2)};\n`,
    types: [
      header,
      'import type { operations } from "./schema.js";',
      "",
      "/** The spec's named examples: per operation, `request` by name and `responses` by status and name. */",
      "export declare const examples: {",
      ...types,
      "};",
      "",
    ].join("\n"),
  };
}

function lowerFirst(name) {
  return name[0].toLowerCase() + name.slice(1);
}

function camelCase(name) {
  const [first, ...rest] = name.split("-");
  return first.toLowerCase() + rest.map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
