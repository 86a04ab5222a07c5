import { defineConfig } from "tsup";

// The published client: ESM and CJS builds of src/index.ts, and bundled declarations for it and for
// the types-only entry src/types.ts (which has no runtime code, so no JavaScript is built for it).
// openapi-fetch stays external: it is the one runtime dependency.
export default defineConfig({
  entry: { index: "src/index.ts" },
  dts: { entry: { index: "src/index.ts", types: "src/types.ts" } },
  format: ["esm", "cjs"],
  // Everything in dist/ but dist/docs, which npm run docs writes.
  clean: ["!docs/**"],
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  outDir: "dist",
});
