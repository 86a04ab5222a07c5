// `npm run version`: turns the pending changesets into a release commit. It refuses a dirty working tree,
// runs the semver guard (check:api) on the code as it stands, applies the changesets (`changeset version`:
// the version and CHANGELOG.md), writes the version into the spec's info.version, regenerates generated/,
// and commits "Release v<version>". The tag comes when the release is published (npm run release).
// `npm run version -- --no-commit` leaves the commit to the caller (the release workflow's pull request).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { git, requireCleanTree } from "./git.mjs";

const commit = !process.argv.includes("--no-commit");
const SPEC = "openapi/openapi.yaml";
let applied = false;

try {
  requireCleanTree();
  run("node", "scripts/check-api.mjs");
  run("changeset", "version");
  applied = true;
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  const spec = readFileSync(SPEC, "utf8");
  const updated = spec.replace(/^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m, `$1${version}`);
  if (!updated.includes(`  version: ${version}`)) throw new Error(`could not set info.version in ${SPEC}`);
  writeFileSync(SPEC, updated);
  run("node", "scripts/bundle.mjs");
  run("node", "scripts/generate.mjs");
  if (commit) {
    git("add", "--all");
    git("commit", "--quiet", "--message", `Release v${version}`);
    console.log(`Committed the release v${version}; publish it with npm run release.`);
  } else {
    console.log(`Applied the release v${version}, not committed (--no-commit).`);
  }
} catch (error) {
  const left = applied ? " after applying the changesets, which are left uncommitted" : "; nothing was changed";
  console.error(`npm run version failed${left}: ${error.message}`);
  process.exitCode = 1;
}

// Runs a step with its output shown; node_modules/.bin is on PATH under npm run.
function run(command, ...args) {
  execFileSync(command === "node" ? process.execPath : command, args, { stdio: "inherit" });
}
