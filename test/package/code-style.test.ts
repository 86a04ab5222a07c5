// The code's format and lint belong to a tool: `npm run lint` runs Biome's check first, and Biome rewrites a
// line it would not have written, so the check fails on it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

const biome = (args: string[], input: string) =>
  execFileSync(process.execPath, ["node_modules/@biomejs/biome/bin/biome", ...args], { input, encoding: "utf8" });

test("npm run lint starts with Biome's check, warnings included, before the spec's linters", () => {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8"));
  expect(scripts.lint).toBe("biome check --error-on-warnings && node scripts/lint.mjs");
  expect(scripts.test).toMatch(/^npm run lint && /);
});

test("Biome rewrites a badly formatted line of src/, and leaves a well formatted one as it is", () => {
  const format = (text: string) => biome(["format", "--stdin-file-path=src/client/example.ts"], text);
  expect(format("export const limit = {timeoutMs:1,retries :2}\n")).toBe(
    "export const limit = { timeoutMs: 1, retries: 2 };\n",
  );
  const long = `export const words = [${Array.from({ length: 20 }, (_, index) => `"word${index}"`).join(", ")}];\n`;
  expect(long.length).toBeGreaterThan(120);
  expect(
    format(long)
      .split("\n")
      .every((line) => line.length <= 120),
  ).toBe(true);
  const good = "export const limit = { timeoutMs: 1, retries: 2 };\n";
  expect(format(good)).toBe(good);
});
