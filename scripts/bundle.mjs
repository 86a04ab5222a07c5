// Bundles the split spec in openapi/ into one YAML and one JSON file.
// Usage: node scripts/bundle.mjs [outDir]   (default: generated)
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const outDir = process.argv[2] ?? "generated";
for (const ext of ["yaml", "json"]) {
  execFileSync("redocly", ["bundle", "openapi/openapi.yaml", "--output", join(outDir, `openapi.${ext}`)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
}
