// The frame every page of the site shares: a top bar with the package, its version and the version
// switcher, and a sidebar with the guide, the decisions, the reference and the changelog.
import { escapeHtml, relativeHref } from "./markdown.mjs";
import { switcherEntries } from "./versions.mjs";

/** The sidebar's entries of a version, in groups. */
function navGroups(version) {
  return [
    { entries: [{ key: "index.html", title: "Home" }] },
    { title: "Guide", entries: version.guide.pages },
    {
      title: "Reference",
      entries: [
        { key: "reference.html", title: "HTTP API reference" },
        ...version.others,
        { key: "changelog.html", title: "Changelog" },
      ],
    },
    { title: "For tools", entries: [{ key: "llms.txt", title: "llms.txt" }] },
  ].filter(({ entries }) => entries.length > 0);
}

function sidebar(version, key, headings) {
  const item = (entry) => {
    const current = entry.key === key;
    const link = `<a href="${escapeHtml(relativeHref(key, entry.key))}"${current ? ' aria-current="page"' : ""}>`;
    const sections = current ? headings.filter(({ depth }) => depth === 2) : [];
    const toc = sections.map(({ id, text }) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`).join("");
    return `<li>${link}${escapeHtml(entry.title)}</a>${toc ? `<ul class="toc">${toc}</ul>` : ""}</li>`;
  };
  const groups = navGroups(version).map(
    ({ title, entries }) =>
      `${title ? `<h2>${escapeHtml(title)}</h2>` : ""}<ul>${entries.map((entry) => item(entry)).join("")}</ul>`,
  );
  return `<nav class="sidebar" aria-label="Site">${groups.join("\n")}</nav>`;
}

/** The version switcher: a list of every version, whose choice opens the same page in it. */
function switcher(versions, version, key) {
  const options = switcherEntries(versions, version, key).map(
    ({ label, href, selected }) =>
      `<option value="${escapeHtml(href)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`,
  );
  // Inline, so that it works from file:// and needs nothing from elsewhere.
  const script = `document.getElementById("version-switcher").addEventListener("change", (event) => {
  window.location.href = event.target.value;
});`;
  return `<label class="switcher">Version <select id="version-switcher">${options.join("")}</select></label>
<script>${script}</script>`;
}

/** The top bar, on the guide's pages and on the reference; `links` are extra [key, text] pairs. */
export function topBar(versions, version, key, links = []) {
  const home = escapeHtml(relativeHref(key, "index.html"));
  const extra = links.map(([to, text]) => `<a href="${escapeHtml(relativeHref(key, to))}">${escapeHtml(text)}</a>`);
  return `<header class="topbar">
<a class="brand" href="${home}">${escapeHtml(version.pkg.name)}</a>
<span class="release">${escapeHtml(version.label)}</span>
${extra.join("\n")}
<span class="spacer"></span>
${switcher(versions, version, key)}
</header>`;
}

/** A whole page of the site: `body` is its HTML, `headings` its sections for the sidebar. */
export function layout({ versions, version, key, title, body, headings = [] }) {
  const name = `${version.pkg.name} ${version.version}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title === version.pkg.name ? name : `${title} · ${name}`)}</title>
<link rel="stylesheet" href="${escapeHtml(relativeHref(key, "site.css"))}">
</head>
<body class="docs">
${topBar(versions, version, key)}
<div class="layout">
${sidebar(version, key, headings)}
<main class="content">
${body}
</main>
</div>
</body>
</html>
`;
}
