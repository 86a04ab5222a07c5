// The last step of `npm run version`, after `changeset version` has set the new package version: writes
// that version into the spec's info.version, regenerates generated/, then commits the release and tags
// it v<version>. The tag is how the semver guard (scripts/check-api.mjs) finds the last release.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { git } from "./git.mjs";

try {
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  const specFile = "openapi/openapi.yaml";
  const spec = readFileSync(specFile, "utf8");
  const updated = spec.replace(/^(info:\n(?: {2}.*\n)*? {2}version: ).*$/m, `$1${version}`);
  if (!updated.includes(`  version: ${version}`)) throw new Error(`could not set info.version in ${specFile}`);
  writeFileSync(specFile, updated);
  for (const script of ["scripts/bundle.mjs", "scripts/generate.mjs"])
    execFileSync(process.execPath, [script], { stdio: "inherit" });
  // The working tree was clean before `changeset version` (scripts/clean-tree.mjs), so this is the release alone.
  git("add", "--all");
  git("commit", "--quiet", "--message", `Release v${version}`);
  git("tag", "--annotate", `v${version}`, "--message", `v${version}`);
  console.log(`Committed and tagged v${version}; push both: git push --follow-tags`);
} catch (error) {
  console.error(`npm run version failed after applying the changesets, which are left uncommitted: ${error.message}`);
  process.exitCode = 1;
}
