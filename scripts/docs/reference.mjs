// The HTTP API reference: the bundled spec rendered by Redocly into one self-contained page, with each
// operation's Microsoft sources written out as links, and the site's top bar above it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redocly } from "../redocly.mjs";
import { withRenderedSources } from "../sources.mjs";
import { topBar } from "./layout.mjs";
import { relativeHref } from "./markdown.mjs";

export const REFERENCE = "reference.html";
const VETTING = "guide/vetting.html";

// The one thing the page would still fetch from Redocly's CDN is the logo of its "API docs by" link; an
// inline picture takes its place, so the page renders with no network at all.
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="14">' +
  '<text x="0" y="11" font-family="sans-serif" font-size="11">Redocly</text></svg>';
const LOGO = `data:image/svg+xml,${encodeURIComponent(LOGO_SVG)}`;
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;

/** The spec as the page shows it: sources as links, and the vetting lifecycle left to the guide's page. */
function shownSpec(spec, version) {
  const copy = structuredClone(spec);
  if (version.pages.has(VETTING)) {
    const href = relativeHref(REFERENCE, VETTING);
    copy.info.description += `
## The vetting workflow

How Microsoft's vetting of a qualification moves from \`InReview\` to \`Approved\` or \`Denied\`, how the
client waits for it, and the repository's Arazzo workflow that runs the whole lifecycle against the
stateful mock: see the guide's page [Waiting for vetting](${href}).
`;
  }
  return withRenderedSources(copy);
}

/** Writes the reference of `version` (whose bundled spec is `spec`) to `file`; returns its size in bytes. */
export function writeReference({ versions, version, spec, file }) {
  const scratch = mkdtempSync(join(tmpdir(), "docs-reference-"));
  try {
    const rendered = join(scratch, "openapi.json");
    writeFileSync(rendered, JSON.stringify(shownSpec(spec, version)));
    redocly([
      "build-docs",
      rendered,
      "--output",
      file,
      "--title",
      `${version.pkg.name} ${version.version}: API reference`,
      "--inlineBundle", // Redoc's script inside the page, not from a CDN
      "--openapi.jsonSamplesExpandLevel=all", // example data shown without clicks
      "--openapi.schemaDefinitionsTagName=Schemas", // every schema listed, not only those under operations
    ]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const html = withTopBar(readFileSync(file, "utf8"), versions, version);
  writeFileSync(file, html);
  return Buffer.byteLength(html);
}

/** Redocly's page with the inline logo, and the site's top bar (its style sheet too) above Redoc. */
function withTopBar(page, versions, version) {
  if (page.search(CDN_LOGOS) === -1)
    throw new Error("Redocly's CDN logo was not found: check the page for other remote resources");
  const links = [
    ["index.html", version.guide.pages.length > 0 ? "Guide" : "Home"],
    ["changelog.html", "Changelog"],
  ];
  const bar = topBar(versions, version, REFERENCE, links);
  // Redoc keeps its sticky parts below --navbar-stack-height, which it sets to 0 inline: the top bar's height wins.
  const style = `<link rel="stylesheet" href="site.css">
<style>#redoc [style*="--navbar-stack-height"] { --navbar-stack-height: var(--bar-height) !important; }</style>`;
  if (!/<\/head>/.test(page) || !/<body>/.test(page)) throw new Error("Redocly's page has no </head> or no <body>");
  return page
    .replace(CDN_LOGOS, LOGO)
    .replace("</head>", () => `${style}\n</head>`)
    .replace("<body>", () => `<body>\n${bar}`);
}
