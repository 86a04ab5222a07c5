// The versions the site shows: the current tree at the root, and one copy per release tag in HEAD's
// history under v<version>/, each with the pages its own files give.
import { execFileSync } from "node:child_process";
import { guideOf, otherPages } from "./guide.mjs";
import { relativeHref } from "./markdown.mjs";
import { gitTree, readText, workingTree } from "./tree.mjs";

/** The release tags in HEAD's history, newest first; a prerelease sorts before its release. */
export function releaseTags(root = ".") {
  const args = [
    "-c",
    "versionsort.suffix=-",
    "tag",
    "--merged",
    "HEAD",
    "--list",
    "v[0-9]*",
    "--sort=-version:refname",
  ];
  let tags;
  try {
    tags = execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (error) {
    // The releases' docs come from git: outside a repository, say so rather than publish the current docs alone.
    throw new Error(`git could not list the release tags: ${error.stderr?.trim() || error.message}`);
  }
  return tags === "" ? [] : tags.split("\n");
}

/**
 * Every version of the docs, the current tree first: { version, label, dir, tag, tree, pkg, guide, others,
 * apiReports, pages }, where `pages` holds the keys (paths from the version's root) of its HTML pages.
 * `guide` reads the current tree's guide from another folder than docs/guide/.
 */
export function planVersions({ root = ".", guide } = {}) {
  const tags = releaseTags(root);
  const current = versionOf(workingTree(root, { guide }), { dir: "", strict: true });
  const named = tags.includes(`v${current.version}`);
  // A tag that names the current version means the root shows that release and what was written since.
  Object.assign(current, { label: `${current.version} (${named ? "current" : "unreleased"})`, released: named });
  const released = tags.map((tag) => versionOf(gitTree(tag, root), { dir: `${tag}/`, tag, strict: false }));
  return [current, ...released];
}

function versionOf(tree, { dir, tag, strict }) {
  const pkg = JSON.parse(readText(tree, "package.json"));
  if (!tree.has("generated/openapi.json")) throw new Error(`generated/openapi.json is missing from ${tree.name}`);
  const guide = guideOf(tree, { strict });
  const others = otherPages(tree);
  const apiReports = (tree.list("api-report") ?? []).filter((file) => file.endsWith(".api.md"));
  const version = tag ? tag.slice(1) : pkg.version;
  const keys = ["index.html", "reference.html", "changelog.html", ...[...guide.pages, ...others].map(({ key }) => key)];
  const pages = new Set(keys);
  return { version, label: version, released: Boolean(tag), dir, tag, tree, pkg, guide, others, apiReports, pages };
}

/** The version switcher of the page `key` of `version`: each version's same page when it has one, else its home. */
export function switcherEntries(versions, version, key) {
  return versions.map((other) => ({
    label: other.label,
    selected: other === version,
    href: relativeHref(version.dir + key, other.dir + (other.pages.has(key) ? key : "index.html")),
  }));
}

/** site/versions.json: the versions, newest first, with where each one's home is. */
export function versionsJson(versions) {
  return versions.map(({ version, label, released, dir, tag, guide }) => ({
    version,
    label,
    path: `${dir}index.html`,
    tag: tag ?? null,
    released,
    guide: guide.pages.length > 0,
  }));
}
