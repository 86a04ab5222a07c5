// The release flow on a throwaway copy of the repository: `npm run version` applies the changesets and
// records the released spec; `npm run check:api` then passes; `npm run release -- --dry-run` builds,
// checks and runs `changeset publish` without uploading.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { copyOfRepo } from "./support/repo-copy.js";

const repo = copyOfRepo("pcq-release-");
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const npm = (...args: string[]) => execFileSync("npm", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const pending = () => readdirSync(join(repo, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md");

test("npm run version bumps the version, writes CHANGELOG.md and records the released spec", { timeout: 120_000 }, () => {
  const before = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version;
  const summaries = pending().map((name) => readFileSync(join(repo, ".changeset", name), "utf8").split("---").at(-1)!.trim().split("\n")[0]!);
  expect(summaries.length).toBeGreaterThan(0);
  npm("run", "version");
  const after = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version;
  expect(after).not.toBe(before);
  const changelog = readFileSync(join(repo, "CHANGELOG.md"), "utf8");
  expect(changelog).toContain(`## ${after}`);
  for (const summary of summaries) expect(changelog).toContain(summary);
  expect(pending()).toEqual([]);
  const released = JSON.parse(readFileSync(join(repo, ".changeset/last-release/openapi.json"), "utf8"));
  expect(released.info.version).toBe(after);
  expect(readFileSync(join(repo, "openapi/openapi.yaml"), "utf8")).toContain(`  version: ${after}`);
  expect(readFileSync(join(repo, "generated/openapi.json"), "utf8")).toBe(readFileSync(join(repo, ".changeset/last-release/openapi.json"), "utf8"));
});

test("right after a release, check:api passes with no changesets", { timeout: 60_000 }, () => {
  expect(npm("run", "check:api")).toContain("need a none release; the pending changesets declare none");
});

test("npm run release -- --dry-run builds, checks, and runs changeset publish with npm publish --dry-run", { timeout: 180_000 }, () => {
  const output = execFileSync("npm", ["run", "release", "--", "--dry-run"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(output).toContain("All good!"); // publint
  expect(output).toContain("No problems found"); // attw
  expect(output).toContain("declare none"); // check:api
  expect(existsSync(join(repo, "dist/index.js"))).toBe(true);
  const version = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version;
  expect(execFileSync("git", ["tag"], { cwd: repo, encoding: "utf8" })).toContain(`v${version}`);
});
