// The guide's pages are the ones the docs site renders, by file name and title, and its diagram is a plain
// SVG that shows the same wherever it is opened: no script, no external font, image or link.
import { readdirSync } from "node:fs";
import { expect, test } from "vitest";
import { GUIDE_PAGES, read } from "./readme-docs.js";

test("docs/guide holds exactly the guide's pages and the lifecycle diagram", () => {
  expect(readdirSync("docs/guide").sort()).toEqual([...Object.keys(GUIDE_PAGES), "lifecycle.svg"].sort());
});

test.each(Object.entries(GUIDE_PAGES))("%s starts with its title, %s", (page, title) => {
  expect(read(`docs/guide/${page}`).split("\n")[0]).toBe(title);
});

test("the vetting page shows the lifecycle diagram, which is self-contained and names every state", () => {
  expect(read("docs/guide/vetting.md")).toMatch(/^!\[[^\]]+\]\(lifecycle\.svg\)$/m);
  const svg = read("docs/guide/lifecycle.svg");
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).not.toMatch(/<script|@import|@font-face|href=|url\((?!#)/);
  for (const state of ["not requested", "InReview", "Approved", "Denied", "set"])
    expect(svg).toContain(`>${state}</text>`);
  expect(svg).toContain("409 Conflict");
});
