import { defineConfig } from "vitest/config";

// The consumer matrix (`npm run test:consumers`): the packed package in one fresh project, type-checked by
// TypeScript 5.9 and 7 in each module setting, and run on Node 20, 22 and 24, Bun, Deno and chromium;
// the test kit guide's MSW setups for vitest and jest, with msw 2 and msw 3; hey-api, orval and Kubb generate
// clients from its spec, which must compile under strict.
export default defineConfig({
  test: {
    include: ["test/consumers/*.consumer-test.ts"],
    silent: "passed-only",
    globalSetup: ["test/support/consumer-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
