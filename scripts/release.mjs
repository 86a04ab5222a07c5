// `npm run release`: publishes the release that `npm run version` committed, with `changeset publish`,
// which tags it v<version> once the registry has it. The checks are the package's prepublishOnly
// (scripts/release-check.mjs), so that no way of publishing skips them.
// `npm run release -- --dry-run` runs them and packs, with npm publish --dry-run: nothing uploaded, no tag.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { git } from "./git.mjs";
import { publishedVersions } from "./registry.mjs";
import { npm, step } from "./steps.mjs";

try {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" } } });
  // `npm run release --dry-run`, without `--`, sets npm's own dry-run: the same wish.
  const dryRun = values["dry-run"] === true || process.env.npm_config_dry_run === "true";
  const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
  if (publishedVersions(name).includes(version)) {
    console.log(`${name}@${version} is published already; nothing to do.`);
    // changesets' action reads the tags made from this file, which changeset publish did not write.
    if (process.env.CHANGESETS_OUTPUT) writeFileSync(process.env.CHANGESETS_OUTPUT, "");
  } else if (dryRun) {
    step(npm, ["publish", "--dry-run"]);
  } else {
    // The check runs here, where its reasons are seen (changeset publish shows only that npm publish
    // failed), and is not run again by npm publish for this same commit.
    step("node", ["scripts/release-check.mjs"]);
    step("changeset", ["publish"], { env: { ...process.env, PCQ_RELEASE_CHECKED: git("rev-parse", "HEAD") } });
  }
} catch (error) {
  console.error(`npm run release failed: ${error.message}`);
  process.exitCode = 1;
}
