import { rmSync } from "node:fs";
import { defineConfig } from "tsup";

// Two products, one build, one folder each:
// - the client (src/client/): ESM and CJS builds of its index, and bundled declarations for it and for
//   the types-only entry types.ts (no runtime code, so no JavaScript is built for it); openapi-fetch
//   stays external, the one runtime dependency;
// - the mock (src/mock/): the test kit `./mock` and the command `dist/mock/cli.js` (Node only), the MSW
//   handlers `./msw` and the spec's named examples `./examples` (Node and browsers: no node: imports);
// - the schemas (src/schemas/): `./schemas`, the spec's schemas as Standard Schema validators, with no
//   runtime dependency.
const common = { format: ["esm", "cjs"], target: "es2022", sourcemap: true, outDir: "dist" } as const;

// tsup's own `clean` races its declaration build (a declaration written early can be deleted), so dist/
// is emptied here, before either build starts. It holds the package's builds only: whatever else is built
// (the docs page, reports) goes elsewhere, so that npm pack never ships it.
rmSync("dist", { recursive: true, force: true });

export default defineConfig([
  {
    ...common,
    entry: { index: "src/client/index.ts" },
    // The schemas' declarations are built here, so that they name the types of ./types.js, not copies.
    dts: {
      entry: { index: "src/client/index.ts", types: "src/contract/types.ts", "schemas/index": "src/schemas/index.ts" },
    },
    platform: "neutral",
    treeshake: true,
  },
  {
    ...common,
    entry: {
      index: "src/mock/index.ts",
      msw: "src/mock/msw.ts",
      examples: "src/mock/examples.ts",
      cli: "src/mock/cli.ts",
    },
    dts: { entry: { index: "src/mock/index.ts", msw: "src/mock/msw.ts", examples: "src/mock/examples.ts" } },
    // Its own folder, so that the declarations the two entries share land there too.
    outDir: "dist/mock",
    // Optional peers: the user's project has them when it imports `./msw`.
    external: ["msw"],
    platform: "node",
    // import.meta.url in the CJS build too (the mock finds the bundled spec and Prism from it).
    shims: true,
    // Each entry in one file, in the ESM build as in the CJS one.
    splitting: false,
  },
  {
    ...common,
    entry: { index: "src/schemas/index.ts" },
    // Its declarations come with the client's, above.
    outDir: "dist/schemas",
    platform: "neutral",
    treeshake: true,
  },
]);
