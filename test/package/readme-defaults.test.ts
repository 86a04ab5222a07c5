// The README's tables of options show each default as the client has it: DEFAULTS is where defaults live.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { DEFAULTS } from "../../src/client/options.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = readme.slice(readme.indexOf("### Options"), readme.indexOf("### Calls"));
// The section's two tables: the client's options, then waitForVetting's.
const [clientTable, waitTable] = section.split(/\n\n(?=\| Option)/).slice(1);

// Each row `| \`name\` | default | meaning |` of a table, by name, with its default cell.
const rowsOf = (table = "") =>
  new Map([...table.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map(([, name, cell]) => [name!, cell!.trim()]));
const clientRows = rowsOf(clientTable);
const waitRows = rowsOf(waitTable);

// A default as the README writes it, in backticks: a number or a flag as is, an object as `{ name: value }`.
function written(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  return `{ ${Object.entries(value)
    .map(([name, inner]) => `${name}: ${written(inner)}`)
    .join(", ")} }`;
}

test.each(Object.entries(DEFAULTS))("the README gives %s's default as DEFAULTS has it", (name, value) => {
  const cell = (name === "intervalMs" ? waitRows : clientRows).get(name);
  expect(cell?.startsWith(`\`${written(value)}\``), `${name}: ${cell}`).toBe(true);
});

test("every default the README's tables give is in DEFAULTS, but fetch's, which is the global fetch", () => {
  const given = [...clientRows, ...waitRows].filter(([, cell]) => cell.startsWith("`")).map(([name]) => name);
  expect(given.filter((name) => name !== "fetch").sort()).toEqual(Object.keys(DEFAULTS).sort());
  expect(clientRows.get("fetch")).toBe("`globalThis.fetch`");
});
