import { defineConfig, mergeConfig } from "vitest/config";
import project from "./vitest.config.js";

// npm run test:mutation: the project's runtime tests. Left out: the release tooling's (a command of their
// own, and they need a git repository, which Stryker's sandbox is not), and the type checks (type tests,
// README snippets, the packed package) and the drift checks of generated/ and api-report/, which cannot
// pass once Stryker has instrumented the sandbox and test no behaviour of src/.
export default mergeConfig(
  project,
  defineConfig({
    test: {
      exclude: [
        "test/release.test.ts",
        "test/check-api.test.ts",
        "test/package.test.ts",
        "test/readme.test.ts",
        "test/drift.test.ts",
        "node_modules/**",
      ],
      typecheck: { enabled: false },
    },
  }),
);
