import { defineConfig } from "vitest/config";

// The browser test of the rendered docs (`npm run test:docs`): it needs `npm run docs` and Debian's chromium.
export default defineConfig({
  test: {
    include: ["test/**/*.browser-test.ts"],
    silent: "passed-only",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
