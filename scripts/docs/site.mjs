// One version of the site, written under its own folder: the guide's pages and their sources, the
// decisions, the changelog, the reference (Redoc's page and Markdown), the API reports and llms.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { changelogMarkdown } from "./changelog.mjs";
import { repositoryLink, sitePaths } from "./guide.mjs";
import { homeBody } from "./home.mjs";
import { layout } from "./layout.mjs";
import { llmsTxt } from "./llms.mjs";
import { renderMarkdown } from "./markdown.mjs";
import { REFERENCE, writeReference } from "./reference.mjs";
import { referenceMarkdown } from "./reference-md.mjs";
import { readText } from "./tree.mjs";

const CSS = readFileSync(new URL("site.css", import.meta.url));

/** Writes `version` of the site under `out`/<its folder>; `versions` are all of them, for the switcher. */
export function buildVersion({ versions, version, out }) {
  const root = join(out, version.dir);
  const write = (key, content) => {
    mkdirSync(dirname(join(root, key)), { recursive: true });
    writeFileSync(join(root, key), content);
  };
  const { tree, guide, others, apiReports } = version;
  const links = { sitePath: sitePaths(version), repoUrl: repositoryLink(version) };
  const page = ({ key, title, markdown, from }) => {
    const { html, headings } = renderMarkdown(markdown, { ...links, from, page: key });
    write(key, layout({ versions, version, key, title, body: html, headings }));
    write(key.replace(/\.html$/, ".md"), markdown); // the source too, for llms.txt
  };
  write("site.css", CSS);
  for (const entry of [...guide.pages, ...others]) page(entry);
  for (const picture of guide.pictures) write(`guide/${picture}`, tree.read(`docs/guide/${picture}`));
  page({ key: "changelog.html", title: "Changelog", markdown: changelogMarkdown(tree), from: "CHANGELOG.md" });

  const specText = readText(tree, "generated/openapi.json");
  const spec = JSON.parse(specText);
  write("openapi.json", specText);
  const size = writeReference({ versions, version, spec, file: join(root, REFERENCE) });
  write("reference.md", referenceMarkdown(spec, { name: version.pkg.name }));
  for (const report of apiReports) write(`api/${report}`, tree.read(`api-report/${report}`));
  const decisions = others.find(({ name }) => name === "decisions");
  write("llms.txt", llmsTxt({ version, guide: guide.pages, decisions, apiReports }));
  write(
    "index.html",
    layout({ versions, version, key: "index.html", title: version.pkg.name, body: homeBody(version) }),
  );
  return { pages: guide.pages.length + others.length + 3, referenceBytes: size };
}
