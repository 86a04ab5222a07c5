// `npm run release`: publishes the release that `npm run version` committed and tagged, exactly as
// tagged: build, check that the API report matches the build, check the package and the semver guard,
// then publish with changesets (which leaves the existing tag alone).
// `npm run release -- --dry-run` does all of it but the upload (npm publish --dry-run).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { git } from "./git.mjs";

const dryRun = process.argv.includes("--dry-run");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

try {
  const { version } = JSON.parse(readFileSync("package.json", "utf8"));
  run(process.execPath, "scripts/clean-tree.mjs");
  if (!git("tag", "--points-at", "HEAD").split("\n").includes(`v${version}`)) {
    throw new Error(
      `it publishes the commit tagged v${version}, and HEAD is not that commit: run npm run version first (it commits and tags)`,
    );
  }
  run(npm, "run", "build");
  run("api-extractor", "run"); // fails when api-report/ does not match the build: run npm run api:report
  run(npm, "run", "check:package");
  run(npm, "run", "check:api");
  execFileSync("changeset", ["publish"], {
    stdio: "inherit",
    env: dryRun ? { ...process.env, npm_config_dry_run: "true" } : process.env,
  });
} catch (error) {
  console.error(`npm run release failed: ${error.message}`);
  process.exitCode = 1;
}

function run(command, ...args) {
  execFileSync(command, args, { stdio: "inherit" });
}
