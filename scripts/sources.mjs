// Traceability of the contract: every element of the bundled spec names its Microsoft sources in
// `x-source` (ids of the catalogue `x-sources`) or says in `x-assumption` why it has none.
// `node scripts/sources.mjs` prints the coverage; test/contract/sources.test.ts makes it mandatory;
// scripts/docs.mjs renders the sources into the API reference.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const METHODS = ["get", "put", "post", "delete", "patch"];

/**
 * Every element that must be traced, as `{ kind, where, node }`: servers, security schemes,
 * operations, parameters, request bodies, responses, headers, named examples, schemas and their
 * properties. Referenced components are listed once, where they are defined.
 */
export function elementsOf(spec) {
  const elements = [];
  const add = (kind, where, node) => elements.push({ kind, where, node });
  const inline = (node) => node && typeof node.$ref !== "string";
  const components = spec.components ?? {};

  (spec.servers ?? []).forEach((server) => add("server", `server ${server.url}`, server));
  for (const [name, scheme] of Object.entries(components.securitySchemes ?? {}))
    add("security scheme", `security scheme ${name}`, scheme);
  for (const [name, node] of Object.entries(components.parameters ?? {})) add("parameter", `parameter ${name}`, node);
  for (const [name, node] of Object.entries(components.responses ?? {})) addResponse(`response ${name}`, node);
  for (const [name, node] of Object.entries(components.headers ?? {})) add("header", `header ${name}`, node);
  for (const [name, node] of Object.entries(components.examples ?? {})) add("example", `example ${name}`, node);
  for (const [name, node] of Object.entries(components.schemas ?? {})) {
    add("schema", `schema ${name}`, node);
    addProperties(`schema ${name}`, node);
  }
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const parameter of (item.parameters ?? []).filter(inline))
      add("parameter", `${path} parameter ${parameter.name}`, parameter);
    for (const method of METHODS.filter((name) => item[name])) {
      const operation = item[method];
      const at = `${method.toUpperCase()} ${path}`;
      add("operation", at, operation);
      for (const parameter of (operation.parameters ?? []).filter(inline))
        add("parameter", `${at} parameter ${parameter.name}`, parameter);
      if (inline(operation.requestBody)) {
        add("request body", `${at} request body`, operation.requestBody);
        addInlineExamples(`${at} request body`, operation.requestBody.content);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {}))
        if (inline(response)) addResponse(`${at} ${status}`, response);
    }
  }
  return elements;

  function addResponse(where, response) {
    add("response", where, response);
    for (const [name, header] of Object.entries(response.headers ?? {}))
      if (inline(header)) add("header", `${where} header ${name}`, header);
    addInlineExamples(where, response.content);
  }
  function addInlineExamples(where, content) {
    for (const media of Object.values(content ?? {})) {
      for (const [name, example] of Object.entries(media.examples ?? {}))
        if (inline(example)) add("example", `${where} example ${name}`, example);
    }
  }
  // Properties at any depth: of the schema, of its items, and of the branches of oneOf/anyOf/allOf.
  function addProperties(where, schema) {
    if (!schema || typeof schema !== "object") return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      add("property", `${where}.${name}`, property);
      addProperties(`${where}.${name}`, property);
    }
    for (const key of ["oneOf", "anyOf", "allOf"])
      (schema[key] ?? []).forEach((branch) => addProperties(where, branch));
    addProperties(where, schema.items);
  }
}

/** Every schema node that has an `enum`, anywhere in the spec, with where it is. */
export function enumsOf(spec) {
  const found = [];
  (function walk(node, where) {
    if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${where}/${index}`));
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node.enum)) found.push({ where, node });
    for (const [key, value] of Object.entries(node))
      if (!key.startsWith("x-") && key !== "example" && key !== "examples") walk(value, `${where}/${key}`);
  })(spec, "#");
  return found;
}

/** What is wrong with the tracing of the spec; an empty list when every element is traced. */
export function tracingProblems(spec) {
  const catalogue = spec["x-sources"] ?? {};
  const problems = [];
  const used = new Set();
  const checkIds = (where, ids, field) => {
    if (!Array.isArray(ids) || ids.length === 0)
      return problems.push(`${where}: ${field} must be a non-empty list of source ids`);
    for (const id of ids) {
      used.add(id);
      if (!Object.hasOwn(catalogue, id)) problems.push(`${where}: ${field} names "${id}", which is not in x-sources`);
    }
  };
  for (const { where, node } of elementsOf(spec)) {
    const source = node["x-source"];
    const assumption = node["x-assumption"];
    if (source === undefined && assumption === undefined) problems.push(`${where}: no x-source and no x-assumption`);
    if (source !== undefined) checkIds(where, source, "x-source");
    if (assumption !== undefined && (typeof assumption !== "string" || assumption.trim() === ""))
      problems.push(`${where}: x-assumption must say why, in words`);
  }
  for (const { where, node } of enumsOf(spec)) {
    const sources = node["x-enum-sources"] ?? {};
    for (const value of node.enum) {
      const key = String(value);
      if (Object.hasOwn(sources, key)) checkIds(`${where} enum value ${key}`, sources[key], "x-enum-sources");
      else problems.push(`${where}: enum value ${key} has no entry in x-enum-sources`);
    }
    for (const key of Object.keys(sources))
      if (!node.enum.map(String).includes(key))
        problems.push(`${where}: x-enum-sources names ${key}, which is not an enum value`);
  }
  for (const [id, entry] of Object.entries(catalogue)) {
    if (typeof entry?.title !== "string" || !entry.title) problems.push(`x-sources ${id}: needs a title`);
    if (!entry?.url && !(entry?.repository && entry?.path))
      problems.push(`x-sources ${id}: needs a url, or a repository and a path`);
    if (!entry?.seen) problems.push(`x-sources ${id}: needs the date it was seen`);
    if (!used.has(id)) problems.push(`x-sources ${id}: no element names it`);
  }
  return problems;
}

/** Where a reader can open a source: its URL, or the file in its repository at the commit seen. */
export function sourceLink({ url, repository, commit, path }) {
  return url ?? `https://github.com/${repository}/blob/${commit ?? "HEAD"}/${path}`;
}

/**
 * A copy of the spec for the rendered reference: each operation's description ends with its
 * sources as links, and the introduction ends with the whole catalogue.
 */
export function withRenderedSources(spec) {
  const copy = structuredClone(spec);
  const catalogue = copy["x-sources"] ?? {};
  const link = (id) => `[${catalogue[id].title}](${sourceLink(catalogue[id])})`;
  for (const item of Object.values(copy.paths ?? {})) {
    for (const operation of METHODS.map((method) => item[method]).filter(Boolean)) {
      const lines = (operation["x-source"] ?? []).map((id) => `- ${link(id)}`);
      if (operation["x-assumption"]) lines.push(`- Not in any source: ${operation["x-assumption"]}`);
      operation.description = `${operation.description ?? ""}\n\n**Sources**\n\n${lines.join("\n")}\n`;
    }
  }
  const entries = Object.entries(catalogue).map(([id, entry]) => `- \`${id}\`: ${link(id)} (seen ${entry.seen})`);
  copy.info.description = `${copy.info.description ?? ""}\n## Sources\n\nThe Microsoft sources that elements name in \`x-source\`:\n\n${entries.join("\n")}\n`;
  return copy;
}

// `node scripts/sources.mjs [spec.json]`: the coverage per kind of element, and any problem.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const spec = JSON.parse(readFileSync(process.argv[2] ?? "generated/openapi.json", "utf8"));
  const enumValues = enumsOf(spec).flatMap(({ node }) =>
    node.enum.map((value) => ({ kind: "enum value", node: { "x-source": node["x-enum-sources"]?.[String(value)] } })),
  );
  const rows = new Map();
  for (const { kind, node } of [...elementsOf(spec), ...enumValues]) {
    const row = rows.get(kind) ?? { kind, elements: 0, sourced: 0, both: 0, assumed: 0 };
    row.elements++;
    if (node["x-source"] !== undefined) row.sourced++;
    if (node["x-source"] !== undefined && node["x-assumption"] !== undefined) row.both++;
    if (node["x-source"] === undefined && node["x-assumption"] !== undefined) row.assumed++;
    rows.set(kind, row);
  }
  const total = [...rows.values()].reduce(
    (sum, row) => ({
      kind: "all",
      elements: sum.elements + row.elements,
      sourced: sum.sourced + row.sourced,
      both: sum.both + row.both,
      assumed: sum.assumed + row.assumed,
    }),
    { elements: 0, sourced: 0, both: 0, assumed: 0 },
  );
  console.log(`${Object.keys(spec["x-sources"] ?? {}).length} sources in the catalogue\n`);
  console.log("kind              elements  with a source  of which with an assumption too  assumption only");
  for (const row of [...rows.values(), total]) {
    console.log(
      `${row.kind.padEnd(18)}${String(row.elements).padStart(8)}${String(row.sourced).padStart(15)}${String(row.both).padStart(33)}${String(row.assumed).padStart(17)}`,
    );
  }
  const problems = tracingProblems(spec);
  for (const problem of problems) console.error(problem);
  if (problems.length) process.exitCode = 1;
}
