// `npm run docs`: renders the bundled spec with Redocly into one self-contained page, site/index.html,
// with each operation's Microsoft sources written out as links and the vetting workflow in the introduction.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redocly } from "./redocly.mjs";
import { withRenderedSources } from "./sources.mjs";

const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
const page = "site/index.html";
const workflow = "openapi/workflows/qualify-education.arazzo.yaml";
mkdirSync("site", { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), "docs-"));
const rendered = join(scratch, "openapi.json");
const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8"));
// The lifecycle as an executable spec, at the end of the introduction, shown as its file reads so it cannot drift.
spec.info.description += `
## The vetting workflow

The repository's Arazzo workflow \`${workflow}\` creates the Education qualification, polls
until the vetting is decided, and succeeds on \`Approved\`; \`npm test\` runs it against the stateful mock.
Its source description points at the contract in the repository; in a copy, point \`url\` at the
package's \`generated/openapi.yaml\`.

\`\`\`yaml
${readFileSync(workflow, "utf8")}\`\`\`
`;
writeFileSync(rendered, JSON.stringify(withRenderedSources(spec)));
redocly(
  [
    "build-docs",
    rendered,
    "--output",
    page,
    "--title",
    `${name} ${version}: API reference`,
    "--inlineBundle", // Redoc's script inside the page, not from a CDN
    "--openapi.jsonSamplesExpandLevel=all", // example data shown without clicks
    "--openapi.schemaDefinitionsTagName=Schemas", // every schema listed, not only those under operations
  ],
  // Its stderr (a banner about Redoc 3 on every run) is kept out of a good run; a failure's error carries it.
);
rmSync(scratch, { recursive: true, force: true });

// The one thing the page still fetches from Redocly's CDN is the logo of its "API docs by" link; an
// inline picture takes its place, so the page renders with no network at all.
const logo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="56" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11">Redocly</text></svg>')}`;
let html = readFileSync(page, "utf8");
const cdnLogos = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
if (!cdnLogos.test(html))
  throw new Error("Redocly's CDN logo was not found: check the page for other remote resources");
html = html.replace(cdnLogos, logo);
writeFileSync(page, html);
console.log(`${page}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB`);
