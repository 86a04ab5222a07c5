// Bundles the split spec in openapi/ into one YAML and one JSON file.
// Usage: node scripts/bundle.mjs [outDir]   (default: generated)
import { join } from "node:path";
import { redocly } from "./redocly.mjs";

const outDir = process.argv[2] ?? "generated";
for (const ext of ["yaml", "json"])
  redocly(["bundle", "openapi/openapi.yaml", "--output", join(outDir, `openapi.${ext}`)]);
