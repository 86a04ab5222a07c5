// The changelog page's Markdown: CHANGELOG.md once a release has written it, with the changes that wait
// for the next release (the pending changesets of .changeset/) on top, under "Unreleased".
import { readText } from "./tree.mjs";

const TYPES = [
  ["major", "Major changes"],
  ["minor", "Minor changes"],
  ["patch", "Patch changes"],
  ["none", "Changes that bump no version"],
];

/** One changeset file: the bump it asks for (the largest, or "none") and its summary. */
export function parseChangeset(text, file) {
  const match = text.match(/^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/);
  if (!match) throw new Error(`.changeset/${file}: no front matter between --- lines`);
  const bumps = [...match[1].matchAll(/:\s*["']?(major|minor|patch)["']?\s*$/gm)].map(([, type]) => type);
  const type = TYPES.map(([name]) => name).find((name) => bumps.includes(name)) ?? "none";
  return { file, type, summary: match[2].trim() };
}

/** The changesets of `tree` that no release has consumed yet. */
export function pendingChangesets(tree) {
  return (tree.list(".changeset") ?? [])
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .map((file) => parseChangeset(readText(tree, `.changeset/${file}`), file));
}

/** The "Unreleased" section: the pending changesets grouped by the bump they ask for, as changesets writes them. */
function unreleased(changesets) {
  const groups = TYPES.map(([type, title]) => {
    const items = changesets
      .filter((changeset) => changeset.type === type)
      .map(({ summary }) => `- ${summary.replace(/\n/g, "\n  ")}`);
    return items.length > 0 ? `### ${title}\n\n${items.join("\n\n")}\n` : "";
  });
  const count = changesets.length === 1 ? "This change waits" : `These ${changesets.length} changes wait`;
  const intro = `${count} for the next release (the pending changesets in \`.changeset/\`).`;
  return `## Unreleased\n\n${intro}\n\n${groups.filter(Boolean).join("\n")}`;
}

/** The changelog page of `tree`, as Markdown. */
export function changelogMarkdown(tree) {
  const changelog = readText(tree, "CHANGELOG.md");
  const pending = pendingChangesets(tree);
  const next = pending.length > 0 ? unreleased(pending) : "";
  if (changelog === undefined) {
    const none = "No version has been released yet: `CHANGELOG.md` appears with the first release.";
    return `# Changelog\n\n${none}\n\n${next || "No change is pending.\n"}`;
  }
  if (!next) return changelog;
  // The pending changes go under the changelog's title, above the latest release.
  const title = changelog.match(/^# .*\n/m);
  if (!title) return `${next}\n${changelog}`;
  const end = title.index + title[0].length;
  return `${changelog.slice(0, end)}\n${next}\n${changelog.slice(end).replace(/^\n+/, "")}`;
}
