// The guide: the Markdown pages of docs/guide/ in the order of GUIDE, and the pages beside it
// (the contract decisions), as the site's pages with their sources and pictures.
import { readText } from "./tree.mjs";

export const GUIDE_DIR = "docs/guide";

/** The guide's pages, in the order of the site's sidebar; each is docs/guide/<name>.md, whose H1 is its title. */
export const GUIDE = [
  { name: "getting-started", title: "Getting started" },
  { name: "client", title: "The client" },
  { name: "errors", title: "Errors" },
  { name: "vetting", title: "Waiting for vetting" },
  { name: "credentials", title: "Credentials" },
  { name: "observability", title: "Hooks, tracing and logging" },
  { name: "test-kit", title: "The test kit" },
  { name: "contract", title: "The contract" },
];

/** Files of docs/guide/ that the pages show, copied next to them. */
const PICTURE = /\.(svg|png|jpe?g|gif|webp)$/i;

const firstHeading = (markdown) => markdown.match(/^# +(.+?)\s*#*\s*$/m)?.[1];

/**
 * The guide of `tree`: its pages ({ name, title, from, key, markdown }) and pictures. `strict` (the current
 * tree) fails on a listed page that is missing and on a page that is not listed; a release's tree, written
 * before the list changed, gets a warning and keeps the pages it has.
 */
export function guideOf(tree, { strict }) {
  const files = tree.list(GUIDE_DIR);
  if (files === undefined) {
    if (strict) throw new Error(`${GUIDE_DIR}/ is missing from ${tree.name}: the guide's pages are ${pageNames()}`);
    return { pages: [], pictures: [] };
  }
  const markdown = files.filter((file) => file.endsWith(".md"));
  const missing = GUIDE.filter(({ name }) => !markdown.includes(`${name}.md`)).map(({ name }) => `${name}.md`);
  const unlisted = markdown.filter((file) => !GUIDE.some(({ name }) => `${name}.md` === file));
  const problems = [
    ...missing.map((file) => `${GUIDE_DIR}/${file} is listed in GUIDE (scripts/docs/guide.mjs) but missing`),
    ...unlisted.map((file) => `${GUIDE_DIR}/${file} is not listed in GUIDE (scripts/docs/guide.mjs)`),
  ];
  if (problems.length > 0 && strict) throw new Error(`The guide does not match its page list:\n${problems.join("\n")}`);
  for (const problem of problems) console.warn(`${tree.name}: ${problem}`);
  const listed = GUIDE.filter(({ name }) => markdown.includes(`${name}.md`));
  const extra = unlisted.map((file) => ({ name: file.slice(0, -".md".length) }));
  const pages = [...listed, ...extra].map(({ name, title }) => {
    const from = `${GUIDE_DIR}/${name}.md`;
    const source = readText(tree, from);
    const heading = firstHeading(source);
    if (title && heading !== title) console.warn(`${tree.name}: ${from} is titled "${heading}", listed as "${title}"`);
    return { name, title: title ?? heading ?? name, from, key: `guide/${name}.html`, markdown: source };
  });
  return { pages, pictures: files.filter((file) => PICTURE.test(file)) };
}

const pageNames = () => GUIDE.map(({ name }) => `${name}.md`).join(", ");

/** The other Markdown pages of the site, each when its tree has it: the contract decisions. */
export function otherPages(tree) {
  const from = "docs/decisions.md";
  const source = readText(tree, from);
  if (source === undefined) return [];
  return [
    {
      name: "decisions",
      title: firstHeading(source) ?? "Contract decisions",
      from,
      key: "decisions.html",
      markdown: source,
    },
  ];
}

/** The place in the site of a repository file that the version's site carries, or undefined. */
export function sitePaths({ guide, others, apiReports }) {
  const paths = new Map([
    ["CHANGELOG.md", "changelog.html"],
    ["generated/openapi.json", "openapi.json"],
  ]);
  for (const page of [...guide.pages, ...others]) paths.set(page.from, page.key);
  for (const picture of guide.pictures) paths.set(`${GUIDE_DIR}/${picture}`, `guide/${picture}`);
  for (const report of apiReports) paths.set(`api-report/${report}`, `api/${report}`);
  return (file) => paths.get(file);
}

/**
 * Where a repository file that the site does not carry can be read: the file on GitHub at the version's tag
 * (HEAD for the current tree) when package.json names a GitHub repository; undefined (shown as plain text) if not.
 */
export function repositoryLink({ pkg, tag }) {
  const written = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const match =
    written?.match(/github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/) ??
    written?.match(/^(?:github:)?([\w.-]+\/[\w.-]+)$/);
  if (!match) return undefined;
  const directory =
    typeof pkg.repository === "object" && pkg.repository.directory ? `${pkg.repository.directory}/` : "";
  return (file) => `https://github.com/${match[1]}/blob/${tag ?? "HEAD"}/${directory}${file}`;
}
