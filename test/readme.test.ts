// Every TypeScript block in the README compiles in strict mode against the real client, so the
// documentation cannot drift from the API.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";

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
    // The package name as users import it, resolved to the source the tests exercise.
    paths: { "partner-center-qualifications": [resolve("src/index.ts")] },
  });
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.split("/").pop()}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
});
