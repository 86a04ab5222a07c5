// The home page of a version: what the package is, the guide's pages with their first sentence, and the
// reference, the changelog and the files for tools.
import { Marked } from "marked";
import { escapeHtml } from "./markdown.mjs";
import { firstParagraph, sortedReports } from "./llms.mjs";

const link = (href, text) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
const entry = (href, text, about) => `<dt>${link(href, text)}</dt><dd>${about}</dd>`;
// The first paragraph of a page, whose Markdown (code, emphasis) reads as on the page.
const summary = (page) => new Marked().parseInline(firstParagraph(page.markdown));

/** The body of index.html for `version`. */
export function homeBody(version) {
  const { name, description } = version.pkg;
  const guide = version.guide.pages.map((page) => entry(page.key, page.title, summary(page)));
  const reference = [
    entry(
      "reference.html",
      "HTTP API reference",
      "Every operation, its parameters, answers and examples, and every schema.",
    ),
    ...version.others.map((page) => entry(page.key, page.title, summary(page))),
    entry("changelog.html", "Changelog", "What changed in each release, and what waits for the next one."),
  ];
  const tools = [
    entry("llms.txt", "llms.txt", "An index of the Markdown files below, for tools and agents."),
    entry("reference.md", "reference.md", "The HTTP API reference as Markdown."),
    entry("openapi.json", "openapi.json", "The bundled OpenAPI 3.1 contract."),
    ...sortedReports(version.apiReports, name).map((report) =>
      entry(`api/${report}`, report, "API Extractor's report of an entry point."),
    ),
  ];
  // Unreleased docs describe what the registry does not have yet: the Getting started page says how to install it.
  const install = version.released
    ? `<code>npm install ${escapeHtml(`${name}@${version.version}`)}</code>`
    : "not published to npm";
  const noGuide = `<p>This version has no guide: its documentation is the HTTP API reference and the changelog.</p>`;
  return `<h1 id="${escapeHtml(name)}">${escapeHtml(name)}</h1>
<p>${escapeHtml(description)}</p>
<p>Version ${escapeHtml(version.label)}: ${install}</p>
<h2 id="guide">Guide</h2>
${guide.length > 0 ? `<dl class="pages">${guide.join("\n")}</dl>` : noGuide}
<h2 id="reference">Reference</h2>
<dl class="pages">${reference.join("\n")}</dl>
<h2 id="for-tools-and-agents">For tools and agents</h2>
<dl class="pages">${tools.join("\n")}</dl>
`;
}
