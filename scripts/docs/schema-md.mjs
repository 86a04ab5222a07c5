// JSON Schemas as Markdown for site/reference.md: a type in one line, and a schema's properties as a table.
import { slugger } from "./markdown.mjs";

/** The name a local $ref points to ("#/components/schemas/Error" gives "Error"). */
export const refName = (ref) => ref.split("/").pop().replaceAll("~1", "/").replaceAll("~0", "~");

/** GitHub's id of a heading, so that links to a section of reference.md work where it is rendered. */
export const anchorOf = (heading) => slugger()(heading);

/** The text of a table cell: one line, pipes escaped. */
export const cell = (text) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();

const code = (value) => `\`${JSON.stringify(value)}\``;
const grouped = (type) => (type.includes(" | ") || type.includes(" & ") ? `(${type})` : type);

/** A schema's type in one line: components as links, unions with |, arrays with [], enum values as they are. */
export function typeOf(schema) {
  if (schema === true || schema === undefined) return "any";
  if (schema === false) return "never";
  if (typeof schema.$ref === "string") return `[${refName(schema.$ref)}](#${anchorOf(refName(schema.$ref))})`;
  if ("const" in schema) return code(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map(code).join(" | ");
  if (schema.oneOf) return schema.oneOf.map(typeOf).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.allOf) return schema.allOf.map((part) => grouped(typeOf(part))).join(" & ");
  const types = [schema.type ?? (schema.properties ? "object" : schema.items ? "array" : "any")].flat();
  return types
    .map((type) => {
      if (type === "array") return `${grouped(typeOf(schema.items))}[]`;
      return schema.format && type !== "null" ? `${type} (${schema.format})` : type;
    })
    .join(" | ");
}

const CONSTRAINTS = [
  ["default", "default"],
  ["pattern", "pattern"],
  ["minimum", "minimum"],
  ["exclusiveMinimum", "more than"],
  ["maximum", "maximum"],
  ["exclusiveMaximum", "less than"],
  ["minLength", "at least this many characters:"],
  ["maxLength", "at most this many characters:"],
  ["minItems", "at least this many items:"],
  ["maxItems", "at most this many items:"],
];

/** What a schema says besides its type: its description, constraints, examples and deprecation. */
export function notesOf(schema) {
  if (!schema || typeof schema !== "object") return "";
  const notes = [schema.description?.trim()];
  for (const [key, words] of CONSTRAINTS) if (schema[key] !== undefined) notes.push(`${words} ${code(schema[key])}.`);
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    notes.push(`Example: ${schema.examples.map(code).join(", ")}.`);
  if (schema.deprecated) notes.push("Deprecated.");
  return notes.filter(Boolean).join(" ");
}

/** A row of a Markdown table. */
export const row = (...cells) => `| ${cells.join(" | ")} |`;

/** The rows of a properties table, with an inline object's properties as `parent.child` and `parent[].child`. */
export function propertyRows(schema, prefix = "") {
  if (!schema || typeof schema !== "object" || schema.$ref) return [];
  const required = new Set(schema.required ?? []);
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
    row(`\`${prefix}${name}\``, cell(typeOf(property)), required.has(name) ? "yes" : "no", cell(notesOf(property))),
    ...propertyRows(property, `${prefix}${name}.`),
    ...propertyRows(property.items, `${prefix}${name}[].`),
  ]);
  const merged = (schema.allOf ?? []).flatMap((part) => propertyRows(part, prefix));
  return [...own, ...merged];
}

/** One component schema as a section of reference.md. */
export function schemaSection(name, schema) {
  const lines = [`### ${name}`, ""];
  if (schema.description) lines.push(schema.description.trim(), "");
  lines.push(`Type: ${typeOf({ ...schema, description: undefined, title: undefined })}.`);
  if (schema.required?.length) lines.push(`Required: ${schema.required.map((key) => `\`${key}\``).join(", ")}.`);
  if (schema.discriminator) {
    const mapping = Object.entries(schema.discriminator.mapping ?? {}).map(
      ([value, ref]) => `${code(value)}: ${refName(ref)}`,
    );
    lines.push(
      `Discriminator: \`${schema.discriminator.propertyName}\`${mapping.length ? ` (${mapping.join(", ")})` : ""}.`,
    );
  }
  const others = schema.additionalProperties;
  if (others !== undefined) lines.push(`Other properties: ${others === false ? "not allowed" : typeOf(others)}.`);
  const extra = notesOf({ ...schema, description: undefined });
  if (extra) lines.push(extra);
  // The branches of a union say what each form means, when they say it.
  const branches = schema.oneOf ?? schema.anyOf ?? [];
  if (branches.some((branch) => notesOf(branch)))
    lines.push(
      "",
      ...branches.map((branch) => `- ${typeOf(branch)}${notesOf(branch) ? `: ${cell(notesOf(branch))}` : ""}`),
    );
  const rows = propertyRows(schema);
  if (rows.length > 0)
    lines.push("", "| Property | Type | Required | Description |", "| --- | --- | --- | --- |", ...rows);
  return `${lines.join("\n")}\n`;
}
