// The README stays a short front page with a table of contents, and no link of the docs leads nowhere: every
// relative link of the README, CONTRIBUTING.md and the guide reaches a file, and a heading where it names one.
import { existsSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { expect, test } from "vitest";
import { anchorsOf, DOCS, headingsOf, linksOf, read } from "./readme-docs.js";

const readme = read("README.md");

test("the README has at most 400 lines", () => {
  // As wc -l counts them: newlines.
  expect(readme.match(/\n/g)!.length).toBeLessThanOrEqual(400);
});

// The list under `## Contents`, up to the next heading.
const contents = readme.slice(
  readme.indexOf("\n## Contents\n"),
  readme.indexOf("\n## ", readme.indexOf("\n## Contents\n") + 1),
);
const tocLinks = [...contents.matchAll(/^- \[[^\]]+\]\(([^)]+)\)$/gm)].map(([, target]) => target!);

test("the README's table of contents is near the top, and links to each of its own ## headings, in order", () => {
  expect(readme.slice(0, readme.indexOf("\n## Contents\n")).split("\n").length).toBeLessThanOrEqual(30);
  const sections = headingsOf(readme)
    .filter(({ level, text }) => level === 2 && text !== "Contents")
    .map(({ text }) => text);
  expect(tocLinks.length).toBe(sections.length);
  expect(tocLinks.every((target) => target.startsWith("#"))).toBe(true);
});

test.each(tocLinks)("the README's table of contents links to a heading that exists: %s", (target) => {
  expect([...anchorsOf(readme)]).toContain(target.slice(1));
});

// Links with a scheme (https:, mailto:) leave the repository; the rest are paths from the document's folder.
const relative = DOCS.flatMap((doc) =>
  linksOf(read(doc))
    .filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target))
    .map((target) => [doc, target] as const),
);

test("the docs have relative links to check", () => {
  expect(relative.filter(([doc]) => doc === "README.md").length).toBeGreaterThanOrEqual(10);
  expect(relative.filter(([doc]) => doc.startsWith("docs/guide/")).length).toBeGreaterThanOrEqual(10);
});

test.each(relative)("in %s, %s reaches a file, and a heading where it names one", (doc, target) => {
  const [path = "", anchor] = target.split("#");
  const file = path === "" ? doc : normalize(join(dirname(doc), decodeURIComponent(path)));
  expect(existsSync(file), `${file} does not exist`).toBe(true);
  if (anchor !== undefined && file.endsWith(".md")) expect([...anchorsOf(read(file))]).toContain(anchor);
});

test("anchors follow GitHub's rules", () => {
  const doc = [
    "# Title",
    "## `raw.use()`: openapi-fetch middleware",
    "## Node versions, and the EBADENGINE warnings",
    "## Options",
    "### Options",
    "```sh",
    "# not a heading",
    "```",
    "## Schemas for your app (Standard Schema)",
  ].join("\n");
  expect([...anchorsOf(doc)]).toEqual([
    "title",
    "rawuse-openapi-fetch-middleware",
    "node-versions-and-the-ebadengine-warnings",
    "options",
    "options-1",
    "schemas-for-your-app-standard-schema",
  ]);
});
