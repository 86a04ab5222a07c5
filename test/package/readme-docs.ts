// The Markdown documents whose code and links the tests hold to the code: the README, CONTRIBUTING.md and
// the guide's pages. Read from the repository root, where vitest runs.
import { readdirSync, readFileSync } from "node:fs";

/** The guide's pages, as the docs site renders them: file name and first line. */
export const GUIDE_PAGES = {
  "getting-started.md": "# Getting started",
  "client.md": "# The client",
  "errors.md": "# Errors",
  "vetting.md": "# Waiting for vetting",
  "credentials.md": "# Credentials",
  "observability.md": "# Hooks, tracing and logging",
  "test-kit.md": "# The test kit",
  "contract.md": "# The contract",
} as const;

const guide = readdirSync("docs/guide")
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => `docs/guide/${name}`);
/** Every document, by its path from the repository root. */
export const DOCS = ["README.md", "CONTRIBUTING.md", ...guide];
export const read = (path: string) => readFileSync(path, "utf8");

export interface Block {
  /** The fence's info string: `ts`, `sh illustrative`, ... */
  info: string;
  code: string;
}

const FENCE = /^```([^\n]*)\n([\s\S]*?)^```$/gm;

/** The fenced code blocks of a document, in order. */
export const blocksOf = (text: string): Block[] =>
  [...text.matchAll(FENCE)].map(([, info, code]) => ({ info: info!.trim(), code: code! }));

/** The document's prose: its fenced blocks and inline code spans blanked, so that neither yields headings or links. */
export const proseOf = (text: string) =>
  text
    .replace(FENCE, (block) => block.replace(/[^\n]/g, " "))
    .replace(/`[^`\n]*`/g, (span) => span.replace(/\S/g, "x"));

/** The document's headings, outside code blocks: level and text as written. */
export function headingsOf(text: string): { level: number; text: string }[] {
  const withoutBlocks = text.replace(FENCE, "");
  return [...withoutBlocks.matchAll(/^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)].map(([, marks, heading]) => ({
    level: marks!.length,
    text: heading!,
  }));
}

/**
 * The anchor GitHub gives a heading: its text as rendered (code spans, links and strong emphasis reduced to
 * their text), lower case, without what is neither a letter, a mark, a digit, `_`, a space nor `-`, each
 * space a `-`. A repeated anchor gets `-1`, `-2`, ... in the order of the headings.
 */
export function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text: heading } of headingsOf(text)) {
    const rendered = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/`([^`]*)`/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2");
    const base = rendered
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every Markdown link and image of the document's prose: its target as written. */
export const linksOf = (text: string): string[] =>
  [...proseOf(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(([, target]) => target!);
