// The client's size as an app's bundle carries it: the ESM entry with its runtime
// dependencies, bundled and minified by esbuild for a neutral platform, compressed as by `gzip -9`.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Bytes of the ESM entry (dist/index.js, so build first) bundled, minified and gzipped. */
export async function clientBundleSize(entry = "dist/index.js") {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(outputFiles[0].contents, { level: 9 }).length;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await clientBundleSize());
