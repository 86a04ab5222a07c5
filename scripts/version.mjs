// `npm run version`: turns the pending changesets into a release commit. It refuses a dirty working tree,
// runs the semver guard (check:api) on the code as it stands, applies the changesets (`changeset version`:
// the version and CHANGELOG.md), writes the version into the spec's info.version, regenerates generated/,
// and commits "Release v<version>". The tag comes when the release is published (npm run release).
// `npm run version -- --no-commit` leaves the commit to the caller (the release workflow's pull request).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { git, requireCleanTree } from "./git.mjs";
import { step } from "./steps.mjs";

const SPEC = "openapi/openapi.yaml";
let applied = false;

try {
  // npm's own `npm version` bumps package.json, then runs this script as its "version" lifecycle step.
  if (process.env.npm_command === "version")
    throw new Error(
      "releases are not made with npm version: undo its change (git checkout -- .), then npm run version",
    );
  const { values } = parseArgs({ options: { "no-commit": { type: "boolean" } } });
  const commit = values["no-commit"] !== true;
  requireCleanTree();
  if (!readdirSync(".changeset").some((file) => file.endsWith(".md") && file !== "README.md"))
    throw new Error(
      "no changeset is pending, so there is nothing to release (a release made already: npm run release)",
    );
  step("node", ["scripts/check-api.mjs"]);
  step("changeset", ["version"]);
  applied = true;
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  const spec = readFileSync(SPEC, "utf8");
  const updated = spec.replace(/^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m, `$1${version}`);
  if (!updated.includes(`  version: ${version}`)) throw new Error(`could not set info.version in ${SPEC}`);
  writeFileSync(SPEC, updated);
  step("node", ["scripts/bundle.mjs"]);
  step("node", ["scripts/generate.mjs"]);
  if (commit) {
    git("add", "--all");
    git("commit", "--quiet", "--message", `Release v${version}`);
    console.log(`Committed the release v${version}; publish it with npm run release.`);
  } else {
    console.log(`Applied the release v${version}, not committed (--no-commit).`);
  }
} catch (error) {
  const left = applied ? " after applying the changesets, which are left uncommitted" : "";
  console.error(`npm run version failed${left}: ${error.message}`);
  process.exitCode = 1;
}
