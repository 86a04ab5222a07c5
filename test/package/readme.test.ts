// The README cannot rot: every TypeScript block compiles in strict mode against the real client, and
// every shell block not marked `illustrative` runs against the mock.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { execFileSync } from "node:child_process";
import { afterAll, expect, inject, test } from "vitest";

const readme = readFileSync("README.md", "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
// Under node_modules so that the snippets resolve @types/node and the package's own dependencies.
const dir = resolve("node_modules/.cache/readme-snippets");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the README has TypeScript examples", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(2);
});

test("every TypeScript block compiles with strict settings", { timeout: 60_000 }, () => {
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, index) => {
    const file = join(dir, `block-${index + 1}.mts`);
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

const shellBlocks = [...readme.matchAll(/```(sh[^\n]*)\n([\s\S]*?)```/g)].map((match) => ({
  info: match[1]!,
  code: match[2]!,
}));

test("every shell block is either run here or marked illustrative", () => {
  expect(shellBlocks.every(({ info }) => info === "sh" || info === "sh illustrative")).toBe(true);
  expect(shellBlocks.filter(({ info }) => info === "sh").length).toBeGreaterThanOrEqual(1);
});

test.each(shellBlocks.filter(({ info }) => info === "sh").map(({ code }) => [code.split("\n")[0], code] as const))(
  "runs: %s",
  (_first, code) => {
    const script = `set -euo pipefail\n${code.replaceAll("http://127.0.0.1:4010", inject("mockUrl"))}`;
    // stderr is piped, so that curl's progress meter stays out of a passing run; a failure's error carries it.
    const output = execFileSync("bash", ["-c", script], {
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output.trim()).not.toBe("");
    // What the documented commands promise: the picked example, the picked error, the refused body.
    expect(output).toContain('"vettingStatus":"Denied"');
    expect(output).toContain('"statusCode":429');
    expect(output).toContain('"code":800002');
  },
);
