import { defineConfig } from "tsup";

// The published client: ESM and CJS builds of src/index.ts with bundled declarations, and the
// types-only entry src/types.ts. openapi-fetch stays external (a dependency).
export default defineConfig({
  entry: { index: "src/index.ts", types: "src/types.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: true,
  outDir: "dist",
});
