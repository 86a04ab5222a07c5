// Bundles the split spec in openapi/ into one YAML and one JSON file.
// Usage: node scripts/bundle.mjs [outDir]   (default: generated)
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const outDir = process.argv[2] ?? "generated";
for (const ext of ["yaml", "json"]) {
  execFileSync(process.execPath, [redocly, "bundle", "openapi/openapi.yaml", "--output", join(outDir, `openapi.${ext}`)], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
}
