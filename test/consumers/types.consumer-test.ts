// The installed package's declarations in a strict consumer project (skipLibCheck off,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess), under each TypeScript line and module setting.
// Each cell also holds @ts-expect-error lines, so misuse that compiled (client.raw as any) fails it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, inject, test } from "vitest";

const consumer = inject("consumer");
const version = (compiler: string) =>
  JSON.parse(readFileSync(join(consumer, "node_modules", compiler, "package.json"), "utf8")).version as string;

const compilers = ["typescript", "typescript7"].map(
  (compiler) => [`TypeScript ${version(compiler)}`, compiler] as const,
);
const settings = [
  ["module nodenext, ESM", "tsconfig.nodenext-esm.json"],
  ["module nodenext, CommonJS", "tsconfig.nodenext-cjs.json"],
  ["moduleResolution bundler", "tsconfig.bundler.json"],
] as const;

test.each(
  compilers.flatMap(([name, compiler]) =>
    settings.map(([setting, config]) => [name, setting, compiler, config] as const),
  ),
)("%s, %s: compiles, and misuse does not", (_name, _setting, compiler, config) => {
  const tsc = spawnSync(process.execPath, [join(consumer, "node_modules", compiler, "bin", "tsc"), "-p", config], {
    cwd: consumer,
    encoding: "utf8",
  });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
});
