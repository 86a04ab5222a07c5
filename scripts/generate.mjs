// Generates TypeScript types from the bundled spec with openapi-typescript.
// Usage: node scripts/generate.mjs [dir]   (reads dir/openapi.json, writes dir/schema.d.ts; default: generated)
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString, stringToAST } from "openapi-typescript";

const dir = process.argv[2] ?? "generated";
const spec = JSON.parse(await readFile(join(dir, "openapi.json"), "utf8"));

// An open value set is written `anyOf: [{enum: [...]}, {type: string}]`. Plain generation would
// collapse it to `string`; `(string & {})` keeps the known values for completion and still
// accepts any other string (contract decision 3).
function openEnum(schema) {
  const [known, other] = schema.anyOf ?? [];
  const isOpen = schema.anyOf?.length === 2 && Array.isArray(known.enum) && other.type === "string" && !other.enum;
  if (!isOpen) return undefined;
  const literals = known.enum.map((value) => JSON.stringify(value)).join(" | ");
  return stringToAST(`type T = ${literals} | (string & {});`)[0].type;
}

const nodes = await openapiTS(spec, { transform: openEnum });
await writeFile(join(dir, "schema.d.ts"), astToString(nodes));
