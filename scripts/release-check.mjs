// The gate before any upload, as `prepublishOnly`: npm runs it for every publication, whatever starts it
// (npm run release, changeset publish, npm publish, also with --dry-run). It refuses a dirty working tree,
// version 0.0.0, pending changesets, a version the registry has, provenance without a repository, and a
// clone without the tag of the registry's newest release; regenerates generated/ from openapi/ and refuses
// a difference; builds; runs the semver guard against the registry's newest release (its tag); checks that
// api-report/ matches the build; and checks the package (publint, attw).
import { readdirSync, readFileSync } from "node:fs";
import { git, releaseTags, requireCleanTree } from "./git.mjs";
import { newest, publishedVersions } from "./registry.mjs";
import { npm, step } from "./steps.mjs";

// Under npm publish --dry-run, npm's dry-run is in the environment; the checks must not inherit it
// (a dry npm pack writes no tarball for attw to read).
const { npm_config_dry_run: _dryRun, ...env } = process.env;

try {
  const { name, version, repository } = JSON.parse(readFileSync("package.json", "utf8"));
  requireCleanTree();
  // npm run release ran this check on this very commit just before its changeset publish.
  if (process.env.PCQ_RELEASE_CHECKED === git("rev-parse", "HEAD")) process.exit(0);
  if (version === "0.0.0") throw new Error("0.0.0 is no release: npm run version makes the first one");
  const pending = readdirSync(".changeset").filter((file) => file.endsWith(".md") && file !== "README.md");
  if (pending.length > 0)
    throw new Error(`${pending.length} changesets are pending: run npm run version first, and commit what it made`);
  // npm refuses a provenance statement whose package names no repository (E422), after the upload started.
  if (process.env.npm_config_provenance === "true" && !repository?.url)
    throw new Error("provenance needs package.json's repository.url: the GitHub repository that publishes");
  const published = publishedVersions(name);
  if (published.includes(version)) throw new Error(`${name}@${version} is on the registry already`);
  const since = published.length > 0 ? `v${newest(published)}` : undefined;
  if (since !== undefined && !releaseTags().includes(since)) {
    const shallow = git("rev-parse", "--is-shallow-repository") === "true";
    throw new Error(
      `the registry's newest release is ${since.slice(1)}, and its tag ${since} is not in this clone's history: ${shallow ? "git fetch --unshallow --tags" : "git fetch --tags"}`,
    );
  }
  step("node", ["scripts/bundle.mjs"], { env });
  step("node", ["scripts/generate.mjs"], { env });
  const regenerated = git("status", "--porcelain");
  if (regenerated !== "")
    throw new Error(`generated/ did not match openapi/; the regenerated files are left to commit:\n${regenerated}`);
  step(npm, ["run", "build"], { env });
  step("node", ["scripts/check-api.mjs", ...(since ? ["--since", since] : ["--first-release"])], { env });
  step("node", ["scripts/api-report.mjs"], { env });
  step(npm, ["run", "check:package"], { env });
} catch (error) {
  console.error(`The release check failed, so nothing is published: ${error.message}`);
  process.exitCode = 1;
}
