// `npm run release`: publishes the release that `npm run version` committed. It refuses a dirty working
// tree or pending changesets, asks the registry what is already published, builds, runs the semver guard
// against the last published release, checks that the API report matches the build and checks the package,
// then publishes with `changeset publish`, which tags the release v<version>.
// `npm run release -- --dry-run` does all of it but the upload, with npm publish --dry-run, and tags nothing.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { releaseTags, requireCleanTree } from "./git.mjs";

const dryRun = process.argv.includes("--dry-run");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

try {
  const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
  requireCleanTree();
  const pending = readdirSync(".changeset").filter((file) => file.endsWith(".md") && file !== "README.md");
  if (pending.length > 0)
    throw new Error(`${pending.length} changesets are pending: run npm run version first, and commit what it made`);
  if (version === "0.0.0") throw new Error("0.0.0 is no release: npm run version makes the first one");
  const published = publishedVersions(name);
  if (published.includes(version)) {
    console.log(`${name}@${version} is already published; nothing to do.`);
  } else {
    if (published.length > 0 && releaseTags().length === 0)
      throw new Error(
        `the registry has ${name} ${published.join(", ")}, but this clone has no release tag to compare with: git fetch --tags`,
      );
    run(npm, "run", "build");
    run(process.execPath, "scripts/check-api.mjs", ...(published.length === 0 ? ["--first-release"] : []));
    run(process.execPath, "scripts/api-report.mjs"); // api-report/ must match the build: npm run api:report
    run(npm, "run", "check:package");
    if (dryRun) run(npm, "publish", "--dry-run", "--ignore-scripts");
    else run("changeset", "publish");
  }
} catch (error) {
  console.error(`npm run release failed: ${error.message}`);
  process.exitCode = 1;
}

// The versions of the package on the configured registry; none when the registry does not know it (E404).
function publishedVersions(name) {
  try {
    const versions = JSON.parse(
      execFileSync(npm, ["view", name, "versions", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    );
    return [versions].flat();
  } catch (error) {
    if (/E404/.test(`${error.stdout}${error.stderr}`)) return [];
    throw new Error(`npm view ${name} failed: ${`${error.stderr}`.trim() || error.message}`);
  }
}

function run(command, ...args) {
  execFileSync(command, args, { stdio: "inherit" });
}
