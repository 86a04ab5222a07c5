// The test kit's MSW setups as written in the guide (docs/guide/test-kit.md, read from the repository: the
// guide is not in the package, as the README that held them before was), run from the packed package: its
// vitest file with the README's quick start test beside it, and its jest 30 file in an ES module project and
// in a CommonJS one, each with msw 2 (the consumer project's) and with msw 3 (a project of its own inside it,
// installed from the same tarball), on the Node versions the guide names. What the guide says does not work
// must still fail as it says.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { run } from "../support/consumer.js";

const consumer = inject("consumer");
const tarball = inject("tarball");
const installed = (...path: string[]) => join(consumer, "node_modules", ...path);
const NODE = { 20: installed("node20", "bin", "node"), 22: installed("node22", "bin", "node"), 24: process.execPath };
type Major = keyof typeof NODE;

// msw 2 is the consumer project's own; msw 3 is installed in a project inside it, whose node_modules hold
// msw 3 and the package, and which finds the test runners in the consumer's.
const MSW = { 2: join(consumer, "msw2"), 3: join(consumer, "msw3") };
type Msw = keyof typeof MSW;

// Each block found by its first line, in the test kit's page or in the README.
const blocksOf = (doc: string) =>
  [...readFileSync(new URL(`../../${doc}`, import.meta.url), "utf8").matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map(
    (match) => match[1]!,
  );
const docs = { "docs/guide/test-kit.md": blocksOf("docs/guide/test-kit.md"), "README.md": blocksOf("README.md") };
function block(start: string, doc: keyof typeof docs = "docs/guide/test-kit.md"): string {
  const found = docs[doc].find((code) => code.startsWith(start));
  if (found === undefined) throw new Error(`no block of ${doc} starts with ${JSON.stringify(start)}`);
  return found;
}
const vitestFile = block("// qualify.test.ts, with vitest");
const quickStartFile = block("// education.test.ts, the quick start's test with vitest", "README.md");
const jestEsmFile = block("// qualify.test.js, with jest 30 in an ES module project");
// "the same file with these lines in place of its imports"
const jestCjsFile = [
  block("// qualify.test.js, with jest 30 in a CommonJS project"),
  ...jestEsmFile
    .split("\n")
    .slice(1)
    .filter((line) => !line.startsWith("import ")),
].join("\n");
const jestPackage = JSON.parse(block('{\n  "scripts": { "test": "NODE_OPTIONS=--experimental-vm-modules jest" }'));
const testsIn = (file: string) => file.match(/^test\(/gm)!.length;

/** Writes a project of the guide's into a folder of the msw version's project. */
function project(msw: Msw, name: string, files: Record<string, string | object>): string {
  const dir = join(MSW[msw], name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files))
    writeFileSync(join(dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return dir;
}

// The runner's own variables stay out of the runs (a VITEST_* variable would confuse the vitest they start).
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_OPTIONS$|FORCE_COLOR$)/.test(name)),
);
/**
 * Runs a command line in `dir` with that Node first on PATH, then the consumer's binaries, as `npm test`
 * would run it; npm itself is left out, as it would put first the consumer's own `node` (Node 20 or 22).
 */
function runOn(node: Major, command: string, dir: string) {
  const PATH = [dirname(NODE[node]), installed(".bin"), env.PATH].join(delimiter);
  const result = spawnSync("sh", ["-c", command], {
    cwd: dir,
    encoding: "utf8",
    timeout: 90_000,
    env: { ...env, PATH, NO_COLOR: "1" },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
/** Runs the guide's `npm test` script for jest, and checks that it ran on that Node. */
function jestOn(node: Major, dir: string) {
  const ran = runOn(node, `node -p 'process.versions.node' && ${jestPackage.scripts.test}`, dir);
  expect(ran.output).toMatch(new RegExp(`^${node}\\.`));
  return ran;
}

describe.each([2, 3] as const)("msw %i", (msw) => {
  beforeAll(() => {
    mkdirSync(MSW[msw]);
    if (msw === 2) return;
    run("npm", ["init", "-y"], MSW[3]);
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, "msw@3"], MSW[3]);
  }, 120_000);

  test("the installed msw is that major", () => {
    const dir = msw === 2 ? consumer : MSW[3];
    expect(JSON.parse(readFileSync(join(dir, "node_modules", "msw", "package.json"), "utf8")).version).toMatch(
      new RegExp(`^${msw}\\.`),
    );
  });

  // vitest 5 needs Node 22.12 or later; so does msw 3.
  test("vitest runs the guide's vitest file and the README's quick start test on Node 22, and TypeScript checks them under strict", () => {
    const dir = project(msw, "vitest", {
      "qualify.test.ts": vitestFile,
      "education.test.ts": quickStartFile,
      "package.json": { type: "module" },
      "tsconfig.json": {
        extends: "../../tsconfig.strict.json",
        compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", types: ["node"], skipLibCheck: true },
        files: ["qualify.test.ts", "education.test.ts"],
      },
    });
    const { status, output } = runOn(22, "vitest run", dir);
    const tests = testsIn(vitestFile) + testsIn(quickStartFile);
    expect(output).toMatch(new RegExp(`Tests\\s+${tests} passed \\(${tests}\\)`));
    expect(status).toBe(0);
    const checked = runOn(24, "tsc -p .", dir);
    expect(checked.output).toBe("");
    expect(checked.status).toBe(0);
  });

  // msw 2 runs on Node 20, msw 3 from Node 22.12: the oldest each takes, and the pinned 24.
  test.each(msw === 2 ? ([20, 24] as const) : ([22, 24] as const))(
    "jest runs the guide's ES module file in an ES module project on Node %i",
    (node) => {
      const dir = project(msw, `jest-esm-${node}`, {
        "qualify.test.js": jestEsmFile,
        "package.json": { type: "module", ...jestPackage },
      });
      const { status, output } = jestOn(node, dir);
      expect(output).toContain(`Tests:       ${testsIn(jestEsmFile)} passed, ${testsIn(jestEsmFile)} total`);
      expect(status).toBe(0);
    },
  );

  test("jest runs the guide's CommonJS file in a CommonJS project on Node 24 (24.9 or later)", () => {
    const dir = project(msw, "jest-cjs-24", { "qualify.test.js": jestCjsFile, "package.json": jestPackage });
    const { status, output } = jestOn(24, dir);
    expect(output).toContain(`Tests:       ${testsIn(jestCjsFile)} passed, ${testsIn(jestCjsFile)} total`);
    expect(status).toBe(0);
  });

  // The limit the guide states, and its way around.
  test("on Node 22, the CommonJS file does not load, as the guide says; the ES module file named .mjs runs in the same CommonJS project", () => {
    const dir = project(msw, "jest-cjs-22", { "qualify.test.js": jestCjsFile, "package.json": jestPackage });
    const refused = jestOn(22, dir);
    expect(refused.output).toContain(
      `Must use import to load ES Module: ${msw === 2 ? installed("rettime", "build", "index.mjs") : join(MSW[3], "node_modules", "msw", "lib", "node", "index.js")}`,
    );
    expect(refused.status).toBe(1);
    const workaround = project(msw, "jest-mjs-22", { "qualify.test.mjs": jestEsmFile, "package.json": jestPackage });
    const { status, output } = jestOn(22, workaround);
    expect(output).toContain(`Tests:       ${testsIn(jestEsmFile)} passed, ${testsIn(jestEsmFile)} total`);
    expect(status).toBe(0);
  });

  // Outside jest, Node's own require() of ES modules loads the CommonJS build.
  test.each(msw === 2 ? ([20] as const) : ([22, 24] as const))(
    "Node %i runs run-msw.mjs and run-msw.cjs: the handlers in process, from both builds",
    (node) => {
      for (const [script, module] of [
        ["run-msw.mjs", "esm"],
        ["run-msw.cjs", "cjs"],
      ] as const) {
        copyFileSync(join(consumer, script), join(MSW[msw], script));
        const result = JSON.parse(run(NODE[node], [script], MSW[msw]));
        expect(result).toMatchObject({
          module,
          node: expect.stringMatching(new RegExp(`^${node}\\.`)),
          created: "InReview",
          decided: { vettingStatus: "Denied" },
          afterReset: [],
        });
      }
    },
  );

  // msw 3 needs Node 22.12 or later.
  if (msw === 3)
    test("on Node 20, it answers nothing: Node's fetch fails in msw's interceptor, as the guide says", () => {
      const script = [
        'import { setupServer } from "msw/node";',
        'import { createQualificationsHandlers } from "partner-center-qualifications/msw";',
        "setupServer(...createQualificationsHandlers().handlers).listen();",
        'await fetch("https://api.partnercenter.microsoft.com/v1/customers/all/validations").then(() => console.log("answered"), (error) => console.log(`${error.message}: ${error.cause}`));',
      ].join("\n");
      writeFileSync(join(MSW[3], "fetch-once.mjs"), script);
      const { status, output } = runOn(20, "node fetch-once.mjs", MSW[3]);
      expect(output).toBe("fetch failed: TypeError: Promise.withResolvers is not a function\n");
      expect(status).toBe(0);
    });
});
