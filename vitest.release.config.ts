import { defineConfig } from "vitest/config";

// The release tooling (`npm run test:release`): `npm run version`, the semver guard and the release dry run
// on a throwaway copy of the repository. A command of its own, as it builds and packs the package several
// times over and would take npm test past its time budget; .ci/run runs it after npm test.
export default defineConfig({
  test: {
    include: ["test/release/**/*.test.ts"],
    silent: "passed-only",
    testTimeout: 180_000,
  },
});
