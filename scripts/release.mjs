// `npm run release`: build, check the package and the contract's semver, then publish with changesets.
// `npm run release -- --dry-run` does all of it but the upload (npm publish --dry-run).
import { execFileSync } from "node:child_process";

const dryRun = process.argv.includes("--dry-run");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
for (const script of ["build", "check:package", "check:api"]) execFileSync(npm, ["run", script], { stdio: "inherit" });
execFileSync("changeset", ["publish"], { stdio: "inherit", env: dryRun ? { ...process.env, npm_config_dry_run: "true" } : process.env });
