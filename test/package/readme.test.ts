// The docs cannot rot: every TypeScript block of the README, CONTRIBUTING.md and the guide's pages compiles in
// strict mode against the real client, and every shell block not marked `illustrative` runs against the mock.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import ts from "typescript";
import { execFileSync } from "node:child_process";
import { afterAll, expect, inject, test } from "vitest";
import { blocksOf, DOCS, read } from "./readme-docs.js";

const blocksIn = (doc: string, info: string) =>
  blocksOf(read(doc))
    .filter((block) => block.info === info)
    .map(({ code }) => code);
const tsBlocks = DOCS.flatMap((doc) => blocksIn(doc, "ts").map((code, index) => ({ doc, index, code })));
// Under node_modules so that the snippets resolve @types/node and the package's own dependencies.
const dir = resolve("node_modules/.cache/readme-snippets");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the README has TypeScript examples", () => {
  expect(blocksIn("README.md", "ts").length).toBeGreaterThanOrEqual(2);
});

test("the guide has TypeScript examples, and CONTRIBUTING.md and the guide's pages are all checked", () => {
  expect(tsBlocks.filter(({ doc }) => doc.startsWith("docs/guide/")).length).toBeGreaterThanOrEqual(10);
  expect(DOCS).toContain("CONTRIBUTING.md");
  expect(DOCS.filter((doc) => doc.startsWith("docs/guide/")).length).toBeGreaterThanOrEqual(8);
});

test("every TypeScript block compiles with strict settings", { timeout: 60_000 }, () => {
  mkdirSync(dir, { recursive: true });
  // Named after the document, so that a problem says where the block is: client-3.mts, the third of client.md.
  const files = tsBlocks.map(({ doc, index, code }) => {
    const file = join(dir, `${basename(doc, ".md")}-${index + 1}.mts`);
    writeFileSync(file, code);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    noEmit: true,
    // The snippets are what is checked here; the libraries' own declarations are checked elsewhere.
    skipLibCheck: true,
    // The package name as users import it, resolved to the source the tests exercise.
    paths: {
      "partner-center-qualifications": [resolve("src/client/index.ts")],
      "partner-center-qualifications/mock": [resolve("src/mock/index.ts")],
      "partner-center-qualifications/msw": [resolve("src/mock/msw.ts")],
      "partner-center-qualifications/schemas": [resolve("src/schemas/index.ts")],
    },
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.split("/").pop()}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
});

const shellBlocks = DOCS.flatMap((doc) =>
  blocksOf(read(doc))
    .filter(({ info }) => info.startsWith("sh"))
    .map((block) => ({ doc, ...block })),
);

test.each(DOCS)("every shell block of %s is either run here or marked illustrative", (doc) => {
  const infos = shellBlocks.filter((block) => block.doc === doc).map(({ info }) => info);
  expect(infos.filter((info) => info !== "sh" && info !== "sh illustrative")).toEqual([]);
});

test("the README and the test kit's page each have a shell block that runs", () => {
  const run = shellBlocks.filter(({ info }) => info === "sh");
  expect(run.filter(({ doc }) => doc === "README.md").length).toBeGreaterThanOrEqual(1);
  expect(run.filter(({ doc }) => doc === "docs/guide/test-kit.md").length).toBeGreaterThanOrEqual(1);
});

test.each(
  shellBlocks.filter(({ info }) => info === "sh").map(({ doc, code }) => [doc, code.split("\n")[0], code] as const),
)("runs, in %s: %s", (_doc, _first, code) => {
  const script = `set -euo pipefail\n${code.replaceAll("http://127.0.0.1:4010", inject("mockUrl"))}`;
  // stderr is piped, so that curl's progress meter stays out of a passing run; a failure's error carries it.
  const output = execFileSync("bash", ["-c", script], {
    encoding: "utf8",
    timeout: 30_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  expect(output.trim()).not.toBe("");
  // What the documented commands promise, in each block that runs: the picked example, the picked error, the
  // refused body.
  expect(output).toContain('"vettingStatus":"Denied"');
  expect(output).toContain('"statusCode":429');
  expect(output).toContain('"code":800002');
});
