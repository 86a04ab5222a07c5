import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import project from "./vitest.config.js";

// npm run test:mutation: the project's runtime tests, those of npm test but for the checks that cannot pass once
// Stryker has instrumented its sandbox and test no behaviour of src/: the type checks (type tests, and in
// test/package the README's snippets and the packed package, whose API report is checked too) and the drift
// check of generated/, and the workflows' tests (`npm sbom` fails in the sandbox, whose node_modules is a link).
// The release tooling's tests (test/release) are not in npm test either, and need a git repository, which
// Stryker's sandbox is not.
const config = mergeConfig(project, defineConfig({ test: { typecheck: { enabled: false } } }));
// Set rather than merged: mergeConfig would add these lists to the project's.
config.test!.include = ["test/{contract,client,mock,package}/**/*.test.ts"];
config.test!.exclude = [
  ...configDefaults.exclude,
  "test/contract/drift.test.ts",
  "test/package/package.test.ts",
  "test/package/readme.test.ts",
  "test/package/workflows.test.ts",
];
export default config;
