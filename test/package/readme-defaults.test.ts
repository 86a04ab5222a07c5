// The docs' tables of options show each default as the client has it: DEFAULTS is where defaults live. The
// client's options are in the README's short table and in the guide's full one; waitForVetting's in the guide.
import { expect, test } from "vitest";
import { DEFAULTS } from "../../src/client/options.js";
import { read } from "./readme-docs.js";

/** The first table of options (`| Option | ...`) after a heading, up to the blank line that ends it. */
function tableAfter(doc: string, heading: string): string {
  const text = read(doc);
  const start = text.indexOf(`\n${heading}\n`);
  const table = text.indexOf("\n| Option |", start);
  if (start < 0 || table < 0) throw new Error(`${doc} has no table of options under ${JSON.stringify(heading)}`);
  return text.slice(table + 1, text.indexOf("\n\n", table));
}

// Each row `| \`name\` | default | ...` of a table, by name, with its default cell.
const rowsOf = (table: string) =>
  new Map([...table.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map(([, name, cell]) => [name!, cell!.trim()]));
const tables = {
  "the README": rowsOf(tableAfter("README.md", "## The client")),
  "the guide's client page": rowsOf(tableAfter("docs/guide/client.md", "## Options")),
};
const waitRows = rowsOf(tableAfter("docs/guide/vetting.md", "### Options"));

// A default as the docs write it, in backticks: a number or a flag as is, an object as `{ name: value }`.
function written(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  return `{ ${Object.entries(value)
    .map(([name, inner]) => `${name}: ${written(inner)}`)
    .join(", ")} }`;
}

test.each(
  Object.entries(tables).flatMap(([where, rows]) =>
    Object.entries(DEFAULTS).map(([name, value]) => [where, name, value, rows] as const),
  ),
)("%s gives %s's default as DEFAULTS has it", (_where, name, value, clientRows) => {
  const cell = (name === "intervalMs" ? waitRows : clientRows).get(name);
  expect(cell?.startsWith(`\`${written(value)}\``), `${name}: ${cell}`).toBe(true);
});

test.each(Object.entries(tables))(
  "every default the tables of %s and of waitForVetting give is in DEFAULTS, but fetch's, which is the global fetch",
  (_where, clientRows) => {
    const given = [...clientRows, ...waitRows].filter(([, cell]) => cell.startsWith("`")).map(([name]) => name);
    expect(given.filter((name) => name !== "fetch").sort()).toEqual(Object.keys(DEFAULTS).sort());
    expect(clientRows.get("fetch")).toBe("`globalThis.fetch`");
  },
);

test("the README's short table and the guide's full one name the same options", () => {
  expect([...tables["the README"].keys()]).toEqual([...tables["the guide's client page"].keys()]);
});
