import { defineConfig } from "vitest/config";

// Vitest's banner that type tests are experimental says nothing about this run (its version is pinned).
process.env.VITEST_DISABLE_EXPERIMENTAL_LOG ??= "1";

// npm test: the tests of each module, by folder (test/contract, test/client, test/mock) and of the package as
// users get it (test/package). The release tooling's tests (test/release) have a command of their own,
// npm run test:release (vitest.release.config.ts); so do the consumer matrix (test/consumers) and the docs'
// browser test.
export default defineConfig({
  test: {
    include: ["test/{contract,client,mock,package}/**/*.test.ts"],
    // Quiet where nothing is wrong: what a test prints is shown only when it fails.
    silent: "passed-only",
    // Most of the slow tests wait on child processes (npm, tsc, Prism) rather than on this process, so
    // more workers than the 2 cores of the CI machines pay off.
    maxWorkers: 4,
    // A guard against hangs under that load, not a timing goal (those live in npm run bench).
    testTimeout: 20_000,
    globalSetup: ["test/support/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
  },
});
