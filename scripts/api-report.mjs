// The API Extractor reports of the public TypeScript API, one per entry point with declarations (the
// client, ./mock, ./msw, ./examples), in api-report/. `--local` rewrites them (npm run api:report);
// without it, a report that differs from the build fails, and the new one is written to temp/.
// Usage: node scripts/api-report.mjs [--local]
import { fileURLToPath } from "node:url";
import apiExtractor from "@microsoft/api-extractor";

const { Extractor, ExtractorConfig } = apiExtractor;
export const CONFIGS = [
  "api-extractor.json",
  "api-extractor.mock.json",
  "api-extractor.msw.json",
  "api-extractor.examples.json",
  "api-extractor.schemas.json",
];

/** Runs API Extractor on every entry; returns the report files that differ from the build (none when local). */
export function apiReports({ local = false } = {}) {
  const differing = [];
  for (const config of CONFIGS) {
    const prepared = ExtractorConfig.loadFileAndPrepare(config);
    const result = Extractor.invoke(prepared, {
      localBuild: local,
      messageCallback: (message) => (message.handled = true),
    });
    if (!result.succeeded) differing.push(prepared.reportFilePath.split("/").pop());
  }
  return differing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const differing = apiReports({ local: process.argv.includes("--local") });
  if (differing.length) {
    console.error(
      `The public TypeScript API changed in ${differing.join(", ")}: run npm run api:report and commit api-report/`,
    );
    process.exitCode = 1;
  }
}
