// The API Extractor reports of the public TypeScript API, one per entry point with declarations (the
// client, ./mock, ./msw, ./examples, ./schemas, ./types), in api-report/. A type that an entry point uses
// without exporting appears in no report unless another entry point exports it; the semver guard would not
// see its changes, so that fails here. `--local` rewrites them (npm run api:report);
// without it, a report that differs from the build fails, and the new one is written to temp/.
// Usage: node scripts/api-report.mjs [--local]
import { existsSync, readFileSync } from "node:fs";
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
  "api-extractor.types.json",
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
  const unseen = unexported(reports);
  if (unseen.length > 0)
    throw new Error(
      `the public API uses ${unseen.join(", ")}, which no entry point exports, so no report shows it: export it or inline it`,
    );
  return reports;
}

// The symbols that API Extractor found used but not exported by a report's entry point (a name taken twice
// gets a suffix, as `Name_2`), less those another report declares.
function unexported(reports) {
  const text = Object.values(reports).join("\n");
  const declared = new Set(
    [
      ...text.matchAll(
        /^export (?:declare )?(?:abstract )?(?:type|interface|class|function|const|enum|namespace) (\w+)/gm,
      ),
    ].map((match) => match[1]),
  );
  const used = [...text.matchAll(/\(ae-forgotten-export\) The symbol "(\w+?)(?:_\d+)?" needs to be exported/g)];
  return [...new Set(used.map((match) => match[1]))].filter((name) => !declared.has(name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const local = process.argv.includes("--local");
    const differing = Object.entries(apiReports({ local }))
      .filter(
        ([file, report]) => !existsSync(`api-report/${file}`) || readFileSync(`api-report/${file}`, "utf8") !== report,
      )
      .map(([file]) => file);
    if (differing.length)
      throw new Error(
        `the public TypeScript API changed in ${differing.join(", ")}: run npm run api:report and commit api-report/`,
      );
  } catch (error) {
    // API Extractor's own errors name a missing dist/ as a missing entry point.
    const hint = existsSync("dist") ? "" : " (dist/ is missing: npm run build first)";
    console.error(`api-report: ${error.message.split("\n")[0]}${hint}`);
    process.exitCode = 1;
  }
}
