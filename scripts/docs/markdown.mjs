// Markdown to HTML with marked, the way GitHub shows the same file: heading ids are GitHub's slugs, so an
// anchor works on both, and relative links to other Markdown files lead to their rendered pages.
import { posix } from "node:path";
import { Marked } from "marked";

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]);

/** The text a reader sees in a piece of HTML: tags dropped, entities decoded. */
export function plainText(html) {
  const decoded = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => decoded[name])
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)));
}

/** github-slugger's ids: lower case, punctuation dropped, spaces to hyphens, a repeat gets -1, -2... */
export function slugger() {
  const seen = new Map();
  return (text) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    while (seen.has(slug)) {
      seen.set(base, seen.get(base) + 1);
      slug = `${base}-${seen.get(base)}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}

/** The link from the site page `from` to the site page `to` (both paths from the version's root). */
export const relativeHref = (from, to) => posix.relative(posix.dirname(from), to) || posix.basename(to);

/**
 * Where `href`, written in the repository file `from`, leads from the site page `page`: external links and
 * anchors as they are; a repository file the site carries (`sitePath` knows which) by its place in the site;
 * any other repository file to `repoUrl(file)`, or to nothing (`href` undefined) when there is no repository.
 */
export function linkTarget(href, { from, page, sitePath, repoUrl }) {
  if (/^([a-z][a-z\d+.-]*:|#|\/\/)/i.test(href)) return { href };
  const [, path, rest] = href.match(/^([^?#]*)(.*)$/s);
  if (path === "") return { href };
  const target = decodeURIComponent(path);
  const file = posix.normalize(target.startsWith("/") ? target.slice(1) : posix.join(posix.dirname(from), target));
  const inSite = sitePath(file);
  if (inSite !== undefined) return { href: relativeHref(page, inSite) + rest };
  return { href: repoUrl?.(file), file };
}

/**
 * Renders `markdown` (the repository file `from`) for the site page `page`. Returns the HTML, the title
 * (the first H1's text) and the headings with their ids.
 */
export function renderMarkdown(markdown, options) {
  const slug = slugger();
  const headings = [];
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(inner).trim();
        const id = slug(text);
        headings.push({ depth, id, text });
        const anchor = `<a class="anchor" href="#${id}" aria-hidden="true" tabindex="-1"></a>`;
        return `<h${depth} id="${id}">${anchor}${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const target = linkTarget(href, options);
        const titled = title ? ` title="${escapeHtml(title)}"` : "";
        if (target.href !== undefined) return `<a href="${escapeHtml(target.href)}"${titled}>${inner}</a>`;
        // A file of the repository that the site does not carry, and no repository to link to.
        return `<span class="repo-file" title="${escapeHtml(target.file)} in the repository">${inner}</span>`;
      },
      image({ href, title, text }) {
        const target = linkTarget(href, options);
        const titled = title ? ` title="${escapeHtml(title)}"` : "";
        return `<img src="${escapeHtml(target.href ?? href)}" alt="${escapeHtml(text)}"${titled}>`;
      },
    },
  });
  const html = marked.parse(markdown);
  return { html, title: headings.find(({ depth }) => depth === 1)?.text, headings };
}
