// Part of `npm run version`, after `changeset version` has set the new package version: writes that
// version into the spec's info.version, regenerates generated/, and keeps the spec as the last
// release's, which `npm run check:api` compares against.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));
const specFile = "openapi/openapi.yaml";
const spec = readFileSync(specFile, "utf8");
const updated = spec.replace(/^(info:\n(?:  .*\n)*?  version: ).*$/m, `$1${version}`);
if (!updated.includes(`  version: ${version}`)) throw new Error(`could not set info.version in ${specFile}`);
writeFileSync(specFile, updated);
for (const script of ["scripts/bundle.mjs", "scripts/generate.mjs"]) execFileSync(process.execPath, [script], { stdio: "inherit" });
mkdirSync(".changeset/last-release", { recursive: true });
copyFileSync("generated/openapi.json", ".changeset/last-release/openapi.json");
console.log(`Spec version ${version} recorded as the last release in .changeset/last-release/openapi.json`);
