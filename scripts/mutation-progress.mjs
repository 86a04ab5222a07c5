// Per-file mutation scores from the events of a Stryker run, finished or not: `node scripts/mutation-progress.mjs
// [reports/mutation/events]`. Score = (killed + timed out) / (killed + timed out + survived + no coverage), as
// Stryker counts it; "untested" are the mutants the run had not reached, and "floor" the score if every one of them
// had survived.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2] ?? "reports/mutation/events";
const events = readdirSync(folder).sort();
const read = (name) => JSON.parse(readFileSync(join(folder, name), "utf8"));
const plan = read(events.find((name) => name.endsWith("-onMutationTestingPlanReady.json")));
const tested = events.filter((name) => name.endsWith("-onMutantTested.json")).map(read);
const results = new Map(tested.map(({ id, status }) => [id, status]));

const files = new Map();
for (const { mutant } of plan.mutantPlans) {
  const file = mutant.fileName.slice(mutant.fileName.lastIndexOf("/src/") + "/src/".length);
  const row = files.get(file) ?? { detected: 0, counted: 0, untested: 0 };
  files.set(file, row);
  const status = results.get(mutant.id) ?? mutant.status;
  if (status === undefined) row.untested++;
  else if (status === "Survived" || status === "NoCoverage") row.counted++;
  else if (status === "Killed" || status === "Timeout") {
    row.detected++;
    row.counted++;
  }
}

const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(2)}%` : "–");
const score = ({ detected, counted }) => percent(detected, counted);
const floor = ({ detected, counted, untested }) => percent(detected, counted + untested);
const total = { detected: 0, counted: 0, untested: 0 };
console.log("| File | Score | Detected / counted | Untested | Floor |\n|---|---:|---:|---:|---:|");
for (const [file, row] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  for (const key in total) total[key] += row[key];
  console.log(`| ${file} | ${score(row)} | ${row.detected} / ${row.counted} | ${row.untested} | ${floor(row)} |`);
}
console.log(
  `| **all** | **${score(total)}** | ${total.detected} / ${total.counted} | ${total.untested} | ${floor(total)} |`,
);
