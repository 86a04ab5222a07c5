// The API Extractor reports of the public TypeScript API, one per entry point with declarations (the
// client, ./mock, ./msw, ./examples, ./schemas), in api-report/. `--local` rewrites them (npm run api:report);
// without it, a report that differs from the build fails, and the new one is written to temp/.
// Usage: node scripts/api-report.mjs [--local]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
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

/** Runs API Extractor on every entry of the build in dist/; returns each entry's report of it, by file name. */
export function apiReports({ local = false } = {}) {
  const reports = {};
  for (const config of CONFIGS) {
    const prepared = ExtractorConfig.loadFileAndPrepare(config);
    const result = Extractor.invoke(prepared, {
      localBuild: local,
      messageCallback: (message) => (message.handled = true),
    });
    if (result.errorCount > 0) throw new Error(`API Extractor failed on ${config}`);
    // Written on every run, whether or not it matches the committed report.
    reports[basename(prepared.reportFilePath)] = readFileSync(prepared.reportTempFilePath, "utf8");
  }
  return reports;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const local = process.argv.includes("--local");
  const differing = Object.entries(apiReports({ local }))
    .filter(([file, report]) => readFileSync(`api-report/${file}`, "utf8") !== report)
    .map(([file]) => file);
  if (differing.length) {
    console.error(
      `The public TypeScript API changed in ${differing.join(", ")}: run npm run api:report and commit api-report/`,
    );
    process.exitCode = 1;
  }
}
