// The release flow on a throwaway copy of the repository: `npm run version` applies the changesets,
// commits the release and tags it; `npm run check:api` reads that tag as the last release, so a change
// cannot fool it by editing a file, and it rates the TypeScript API too; `npm run release -- --dry-run`
// builds, checks and runs `changeset publish` without uploading.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { copyOfRepo } from "../support/repo-copy.js";

const repo = copyOfRepo("pcq-release-");
afterAll(() => rmSync(repo, { recursive: true, force: true }));
// The release commit and tag need an identity, which the machine's git configuration may not have.
const identity = {
  GIT_AUTHOR_NAME: "test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
};
const run = (command: string, ...args: string[]) =>
  execFileSync(command, args, {
    cwd: repo,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...identity },
  });
const git = (...args: string[]) => run("git", ...args).trim();
const pending = () =>
  readdirSync(join(repo, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md");
const version = () => JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version;

// The output of a command that must fail.
function refusal(command: string, ...args: string[]): string {
  try {
    run(command, ...args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return stdout + stderr;
  }
  throw new Error(`${command} ${args.join(" ")} succeeded`);
}

// Each test below that changes files undoes its change afterwards; committed history stays.
afterEach(() => {
  git("checkout", "--", ".");
  git("clean", "-fdq");
});

function breakTheSpec(): string {
  const file = join(repo, "generated/openapi.json");
  const spec = JSON.parse(readFileSync(file, "utf8"));
  delete spec.components.schemas.CustomerQualification.properties.vettingReason;
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return readFileSync(file, "utf8");
}

function addChangeset(bump: string) {
  writeFileSync(
    join(repo, ".changeset/change.md"),
    `---\n"partner-center-qualifications": ${bump}\n---\n\nA change.\n`,
  );
}

// Replaces each pattern in a source file, and says so when the source no longer has it.
function edit(file: string, ...replacements: [RegExp, string][]) {
  let source = readFileSync(join(repo, file), "utf8");
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(source)) throw new Error(`${file} no longer matches ${pattern}: update this test's edit`);
    source = source.replace(pattern, replacement);
  }
  writeFileSync(join(repo, file), source);
}

test("npm run version refuses a working tree with uncommitted changes", () => {
  writeFileSync(join(repo, "uncommitted.txt"), "");
  expect(refusal("npm", "run", "version")).toContain(
    "The working tree has uncommitted changes; commit or stash them first:\n?? uncommitted.txt",
  );
  expect(version()).toBe("0.0.0");
});

test("npm run version bumps the version, writes CHANGELOG.md, then commits the release and tags it", {
  timeout: 120_000,
}, () => {
  const before = version();
  const summaries = pending().map(
    (name) =>
      readFileSync(join(repo, ".changeset", name), "utf8")
        .split("---")
        .at(-1)!
        .trim()
        .split("\n")[0]!,
  );
  expect(summaries.length).toBeGreaterThan(0);
  run("npm", "run", "version");
  const after = version();
  expect(after).not.toBe(before);
  const changelog = readFileSync(join(repo, "CHANGELOG.md"), "utf8");
  expect(changelog).toContain(`## ${after}`);
  for (const summary of summaries) expect(changelog).toContain(summary);
  expect(pending()).toEqual([]);
  expect(readFileSync(join(repo, "openapi/openapi.yaml"), "utf8")).toContain(`  version: ${after}`);
  expect(JSON.parse(readFileSync(join(repo, "generated/openapi.json"), "utf8")).info.version).toBe(after);
  expect(git("status", "--porcelain")).toBe("");
  expect(git("log", "-1", "--format=%s")).toBe(`Release v${after}`);
  expect(git("tag", "--points-at", "HEAD")).toBe(`v${after}`);
});

test("right after a release, check:api reads the tag and passes with no changesets", { timeout: 60_000 }, () => {
  const output = run("npm", "run", "check:api");
  expect(output).toContain(`Changes since the last release, v${version()}:`);
  expect(output).toContain("need a none release; the pending changesets declare none");
});

test("npm run release -- --dry-run builds, checks, and runs changeset publish with npm publish --dry-run", {
  timeout: 180_000,
}, () => {
  const output = run("npm", "run", "release", "--", "--dry-run");
  expect(output).toContain("API Extractor completed successfully");
  expect(output).toContain("All good!"); // publint
  expect(output).toContain("No problems found"); // attw
  expect(output).toContain("declare none"); // check:api
  expect(existsSync(join(repo, "dist/index.js"))).toBe(true);
});

// The guard once trusted .changeset/last-release/openapi.json in the working tree.
test("a breaking change that also overwrites the old baseline file with its own spec needs a major changeset", {
  timeout: 60_000,
}, () => {
  const spec = breakTheSpec();
  mkdirSync(join(repo, ".changeset/last-release"), { recursive: true });
  writeFileSync(join(repo, ".changeset/last-release/openapi.json"), spec);
  addChangeset("patch");
  const output = refusal("npm", "run", "check:api");
  expect(output).toContain("The changes need a major release; the pending changesets declare patch");
  expect(output).toContain('add a changeset of type "major"');
});

test("a breaking change that also deletes the old baseline file needs a major changeset", { timeout: 60_000 }, () => {
  breakTheSpec();
  rmSync(join(repo, ".changeset/last-release"), { recursive: true, force: true });
  addChangeset("minor");
  const output = refusal("npm", "run", "check:api");
  expect(output).toContain("The changes need a major release; the pending changesets declare minor");
});

test("removing the vettingDate export or renaming PartnerCenterError.status needs a major changeset; adding an export a minor", {
  timeout: 120_000,
}, () => {
  edit("src/client/index.ts", [/^export \{ vettingDate \} from .*\n/m, "export type AddedByTheTest = string;\n"]);
  edit(
    "src/client/errors.ts",
    [/readonly status: number;/, "readonly httpStatus: number;"],
    [/this\.status = /, "this.httpStatus = "],
  );
  run("npm", "run", "api:report");
  addChangeset("patch");
  const output = refusal("npm", "run", "check:api");
  expect(output).toMatch(/^major TypeScript: removed or changed {2}export function vettingDate\(/m);
  expect(output).toMatch(
    /^major TypeScript: removed or changed {2}export class PartnerCenterError .* › readonly status: number;/m,
  );
  expect(output).toMatch(
    /^minor TypeScript: added {2}export class PartnerCenterError .* › readonly httpStatus: number;/m,
  );
  expect(output).toMatch(/^minor TypeScript: added {2}export type AddedByTheTest = string;/m);
  expect(output).toContain("The changes need a major release; the pending changesets declare patch");
});

test("npm run release refuses a commit that is not the tagged release", () => {
  git("commit", "-q", "--allow-empty", "-m", "A change after the release");
  try {
    expect(refusal("npm", "run", "release", "--", "--dry-run")).toContain(
      `npm run release failed: it publishes the commit tagged v${version()}, and HEAD is not that commit`,
    );
  } finally {
    git("reset", "-q", "--hard", "HEAD~1");
  }
});
