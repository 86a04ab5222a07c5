// site/llms.txt (https://llmstxt.org): the package in a paragraph, then links to the Markdown the site
// carries for tools and agents, each with a note on what it holds.

/**
 * The first paragraph of a Markdown page under its title, on one line and still Markdown, with links as their
 * text (they were written for the page's folder); a paragraph that leads into a list (ends with ":") is skipped.
 */
export function firstParagraph(markdown) {
  const paragraph = markdown
    .replace(/^# .*$/m, "")
    .split(/\n\s*\n/)
    .map((block) => block.trim().replace(/\s+/g, " "))
    .find((block) => block && !/^(#|```|~~~|!\[|<|\||[-*+] |\d+\. |>)/.test(block) && !block.endsWith(":"));
  return (paragraph ?? "").replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
}

/** A note of at most one sentence (and 200 characters). */
const note = (text) => {
  const sentence = text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
};

/** The import path an API Extractor report describes ("partner-center-qualifications-mock.api.md" gives ".../mock"). */
function entryPoint(report, name) {
  const base = report.replace(/\.api\.md$/, "");
  return base === name ? name : `${name}/${base.slice(name.length + 1)}`;
}

/** The reports with the package's main entry point first. */
export const sortedReports = (reports, name) =>
  [...reports].sort((a, b) => Number(b === `${name}.api.md`) - Number(a === `${name}.api.md`) || a.localeCompare(b));

/** llms.txt of one version of the site; `guide` holds its pages, `decisions` the decisions page or undefined. */
export function llmsTxt({ version, guide, decisions, apiReports }) {
  const { name, description } = version.pkg;
  const lines = [`# ${name}`, "", `> ${description}`, ""];
  const parts = [
    guide.length > 0 ? "the guide's pages say how to use the package" : "",
    "the reference describes the HTTP API and its schemas",
    apiReports.length > 0 ? "the API reports list every exported TypeScript declaration" : "",
  ].filter(Boolean);
  lines.push(`Version ${version.label}: ${parts.join("; ")}. Every link below is a file of this site.`, "");
  if (guide.length > 0) {
    lines.push("## Guide", "");
    for (const page of guide)
      lines.push(`- [${page.title}](guide/${page.name}.md): ${note(firstParagraph(page.markdown))}`);
    lines.push("");
  }
  lines.push("## HTTP API", "");
  lines.push(
    "- [HTTP API reference](reference.md): every operation with its parameters, headers, request body and " +
      "responses, then every schema with its properties, generated from the OpenAPI contract",
  );
  if (decisions) lines.push(`- [Contract decisions](decisions.md): ${note(firstParagraph(decisions.markdown))}`);
  lines.push(
    "- [OpenAPI contract](openapi.json): the bundled OpenAPI 3.1 document that the reference is made from",
    "",
  );
  if (apiReports.length > 0) {
    lines.push("## TypeScript API", "");
    for (const report of sortedReports(apiReports, name)) {
      const entry = entryPoint(report, name);
      lines.push(`- [${entry}](api/${report}): API Extractor's report of what \`${entry}\` exports`);
    }
    lines.push("");
  }
  lines.push(
    "## Optional",
    "",
    "- [Changelog](changelog.md): the changes of each release, and those waiting for the next one",
    "",
  );
  return lines.join("\n");
}
