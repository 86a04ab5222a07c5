import { configDefaults, defineConfig } from "vitest/config";

// Vitest's banner that type tests are experimental says nothing about this run (its version is pinned).
process.env.VITEST_DISABLE_EXPERIMENTAL_LOG ??= "1";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Quiet where nothing is wrong: what a test prints is shown only when it fails.
    silent: "passed-only",
    // The release tooling's tests (the release flow, the semver guard) have a command of their own,
    // npm run test:release (vitest.release.config.ts).
    exclude: [...configDefaults.exclude, "test/release.test.ts", "test/check-api.test.ts"],
    // Most of the slow tests wait on child processes (npm, tsc, Prism) rather than on this process, so
    // more workers than the 2 cores of the CI machines pay off.
    maxWorkers: 4,
    // A guard against hangs under that load, not a timing goal (those live in npm run bench).
    testTimeout: 20_000,
    globalSetup: ["test/support/global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
  },
});
