import { defineConfig, mergeConfig } from "vitest/config";
import project from "./vitest.config.js";

// npm run test:mutation: the project's runtime tests. Left out: those of the release tooling (they need a
// git repository, which Stryker's sandbox is not, and exercise scripts/), and the type checks (type tests,
// README snippets) and the drift check of generated/, which cannot pass once Stryker has instrumented the
// sandbox and test no behaviour of src/.
export default mergeConfig(
  project,
  defineConfig({
    test: {
      exclude: ["test/release.test.ts", "test/check-api.test.ts", "test/package.test.ts", "test/readme.test.ts", "test/drift.test.ts", "node_modules/**"],
      typecheck: { enabled: false },
    },
  }),
);
