// `npm run docs`: the docs site in site/ (git-ignored), readable offline and from file://. The root holds
// the current tree's docs; each release tag v<version> in HEAD's history gets a copy under site/v<version>/,
// built from the files at that tag with this renderer; site/versions.json lists them, newest first.
// `node scripts/docs.mjs --guide <folder>` reads the current guide's pages from <folder> instead of docs/guide/.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildVersion } from "./docs/site.mjs";
import { planVersions, versionsJson } from "./docs/versions.mjs";

const OUT = "site";
const started = performance.now();
const { values } = parseArgs({ options: { guide: { type: "string" } } });
const versions = planVersions({ guide: values.guide });
// A version that no longer exists must not linger: the folder is rebuilt whole.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const version of versions) {
  const { pages, referenceBytes } = buildVersion({ versions, version, out: OUT });
  const where = `${OUT}/${version.dir}`;
  console.log(`${where}: ${version.label}, ${pages} pages, reference ${(referenceBytes / 1024).toFixed(0)} KiB`);
}
writeFileSync(`${OUT}/versions.json`, `${JSON.stringify(versionsJson(versions), null, 2)}\n`);
writeFileSync(`${OUT}/.nojekyll`, ""); // Pages must serve the Markdown files as they are, not through Jekyll
console.log(`${OUT}/: ${versions.length} version(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
