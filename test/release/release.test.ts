// The release rehearsed on a throwaway copy of the repository against a real npm registry (Verdaccio on
// 127.0.0.1), step by step as CONTRIBUTING.md tells it, each test continuing from the one before:
// the first release, a project that depends on it by range, a patch that reaches that project, a breaking
// change that the semver guard stops before any release commit, tag or upload, and the same change as a
// major release, which the project's range keeps out. Provenance needs a CI identity, so none is made here.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { type Registry, startRegistry } from "../support/registry.js";
import { copyOfRepo } from "../support/repo-copy.js";

const NAME = "partner-center-qualifications";
const work = mkdtempSync(join(tmpdir(), "pcq-rehearsal-"));
const repo = copyOfRepo("pcq-release-");
const project = join(work, "project");
let registry: Registry;
let mock: RunningMock;

beforeAll(async () => {
  registry = await startRegistry(work, NAME);
  mock = await startMock({ stateful: true });
}, 120_000);
afterAll(async () => {
  await Promise.all([registry?.stop(), mock?.stop()]);
  for (const dir of [work, repo]) rmSync(dir, { recursive: true, force: true });
});

// Every command talks to the rehearsal's registry only, and may commit (the release commit needs an identity).
const env = () => ({
  ...process.env,
  NPM_CONFIG_USERCONFIG: registry.npmrc,
  npm_config_registry: registry.url,
  GIT_AUTHOR_NAME: "test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
});
const runIn = (cwd: string, command: string, ...args: string[]) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: env() });
const run = (command: string, ...args: string[]) => runIn(repo, command, ...args);
const git = (...args: string[]) => run("git", ...args).trim();

// The output of a command that must fail.
function refusal(cwd: string, command: string, ...args: string[]): string {
  try {
    runIn(cwd, command, ...args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return stdout + stderr;
  }
  throw new Error(`${command} ${args.join(" ")} succeeded`);
}

const version = () => JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version;
const pending = () =>
  readdirSync(join(repo, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md");
const tags = () => git("tag", "--list").split("\n").filter(Boolean);
const installed = () =>
  JSON.parse(readFileSync(join(project, "node_modules", NAME, "package.json"), "utf8")).version as string;

/** The versions on the registry, none when it does not know the package. */
function published(): string[] {
  try {
    return [JSON.parse(run("npm", "view", NAME, "versions", "--json"))].flat();
  } catch (error) {
    if (/E404/.test(String((error as { stderr: string }).stderr))) return [];
    throw error;
  }
}

function addChangeset(bump: string, summary: string) {
  writeFileSync(join(repo, ".changeset/rehearsal.md"), `---\n"${NAME}": ${bump}\n---\n\n${summary}\n`);
}

// Replaces a pattern in a source file, and says so when the source no longer has it.
function edit(file: string, pattern: RegExp, replacement: string) {
  const source = readFileSync(join(repo, file), "utf8");
  if (!pattern.test(source)) throw new Error(`${file} no longer matches ${pattern}: update this test's edit`);
  writeFileSync(join(repo, file), source.replace(pattern, replacement));
}

function commitAll(message: string) {
  git("add", "--all");
  git("commit", "-q", "-m", message);
}

// A copy has no dist/, as a fresh clone: prepack builds it, quietly, so that npm pack --json stays JSON.
test("npm pack on a fresh copy builds the package first", () => {
  expect(existsSync(join(repo, "dist"))).toBe(false);
  const [packed] = JSON.parse(run("npm", "pack", "--dry-run", "--json"));
  expect(packed.files.map((file: { path: string }) => file.path)).toEqual(
    expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/mock/cli.js", "dist/index.d.ts"]),
  );
});

test("npm run version refuses a working tree with uncommitted changes", () => {
  writeFileSync(join(repo, "uncommitted.txt"), "");
  expect(refusal(repo, "npm", "run", "version")).toContain(
    "npm run version failed: the working tree has uncommitted changes; commit or stash them first:\n?? uncommitted.txt",
  );
  rmSync(join(repo, "uncommitted.txt"));
  expect(version()).toBe("0.0.0");
});

test("npm version, npm's own command, is refused after its bump, with how to undo it", () => {
  expect(refusal(repo, "npm", "version", "patch")).toContain(
    "npm run version failed: releases are not made with npm version: undo its change (git checkout -- .)",
  );
  git("checkout", "--", ".");
  expect(version()).toBe("0.0.0");
  expect(tags()).toEqual([]);
});

test("npm run version applies the changesets: 0.1.0, CHANGELOG.md, the spec's version, a release commit, no tag", () => {
  const summaries = pending().map(
    (name) =>
      readFileSync(join(repo, ".changeset", name), "utf8")
        .split("---")
        .at(-1)!
        .trim()
        .split("\n")[0]!,
  );
  expect(summaries.length).toBeGreaterThan(0);
  expect(run("npm", "run", "version")).toContain("No release yet");
  expect(version()).toBe("0.1.0");
  const changelog = readFileSync(join(repo, "CHANGELOG.md"), "utf8");
  expect(changelog).toContain("## 0.1.0");
  for (const summary of summaries) expect(changelog).toContain(summary);
  expect(pending()).toEqual([]);
  expect(readFileSync(join(repo, "openapi/openapi.yaml"), "utf8")).toContain("  version: 0.1.0");
  expect(JSON.parse(readFileSync(join(repo, "generated/openapi.json"), "utf8")).info.version).toBe("0.1.0");
  expect(git("status", "--porcelain")).toBe("");
  expect(git("log", "-1", "--format=%s")).toBe("Release v0.1.0");
  expect(tags()).toEqual([]);
});

test("npm run release -- --dry-run checks everything, uploads nothing and tags nothing", () => {
  // npm publish --dry-run lists the tarball on stderr.
  const dryRun = spawnSync("npm", ["run", "release", "--", "--dry-run"], { cwd: repo, encoding: "utf8", env: env() });
  expect(dryRun.status).toBe(0);
  const output = dryRun.stdout + dryRun.stderr;
  expect(output).toContain("All good!"); // publint
  expect(output).toContain("No problems found"); // attw
  expect(output).toContain("The changes need a minor release; the pending changesets declare minor");
  expect(output).toMatch(/npm notice .*dist\/index\.js/);
  expect(published()).toEqual([]);
  expect(tags()).toEqual([]);
});

test("npm's own --dry-run is a dry run too, and a flag it does not know is refused", () => {
  const npmFlag = spawnSync("npm", ["run", "release", "--dry-run"], { cwd: repo, encoding: "utf8", env: env() });
  expect(npmFlag.status).toBe(0);
  expect(npmFlag.stderr).toMatch(/npm notice .*dist\/index\.js/);
  expect(refusal(repo, "npm", "run", "release", "--", "--dry-run=true")).toContain(
    "npm run release failed: Option '--dry-run' does not take an argument",
  );
  expect(published()).toEqual([]);
  expect(tags()).toEqual([]);
});

test("npm run release publishes 0.1.0, with its build, and tags it v0.1.0", () => {
  run("npm", "run", "release");
  expect(published()).toEqual(["0.1.0"]);
  expect(git("tag", "--points-at", "HEAD")).toBe("v0.1.0");
  expect(refusal(repo, "npm", "run", "version")).toContain("no changeset is pending, so there is nothing to release");
  const [tarball] = JSON.parse(runIn(work, "npm", "pack", "--dry-run", "--json", `${NAME}@0.1.0`));
  const files = tarball.files.map((file: { path: string }) => file.path);
  expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/index.cjs", "dist/mock/cli.js"]));
});

test("a new project installs ^0.1.0 from the registry, type-checks against it and calls the mock with it", async () => {
  mkdirSync(project);
  runIn(project, "npm", "init", "-y");
  runIn(project, "npm", "install", "--prefer-online", "--no-audit", "--no-fund", `${NAME}@^0.1.0`);
  expect(installed()).toBe("0.1.0");
  expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).dependencies[NAME]).toBe("^0.1.0");
  writeFileSync(
    join(project, "main.mts"),
    `import { createQualificationsClient, type CustomerQualification } from "${NAME}";

const client = createQualificationsClient({ baseUrl: "${mock.url}", accessToken: "token" });
const tenant = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const created: CustomerQualification = await client.createCustomerQualification(tenant, {
  qualification: "StateOwnedEntity",
});
const listed = await client.getCustomerQualifications(tenant);
console.log(JSON.stringify({ created: created.qualification, listed: listed.map((item) => item.qualification) }));
`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, module: "nodenext", target: "es2022", lib: ["es2022", "dom"], types: [] },
    }),
  );
  runIn(project, process.execPath, resolve("node_modules/typescript/bin/tsc"), "-p", ".");
  // Asynchronous: the stateful mock's engine answers from this process.
  const { stdout } = await promisify(execFile)("node", ["main.mjs"], { cwd: project, env: env() });
  const answer = JSON.parse(stdout);
  expect(answer.created).toBe("StateOwnedEntity");
  expect(answer.listed).toContain("StateOwnedEntity");
});

test("a patch release reaches the project through npm update", () => {
  edit("src/client/vetting-date.ts", /^\/\*\*\n/m, "/**\n * (Reworded in a patch.)\n");
  addChangeset("patch", "A reworded comment.");
  commitAll("A patch");
  run("npm", "run", "version");
  expect(version()).toBe("0.1.1");
  run("npm", "run", "release");
  expect(published()).toEqual(["0.1.0", "0.1.1"]);
  runIn(project, "npm", "update", "--prefer-online", "--no-audit", "--no-fund");
  expect(installed()).toBe("0.1.1");
});

// The vettingDate export removed, with api-report/ left as it was: the guard builds the API from the code.
let breaking: string;
test.each(["minor", "patch"])(
  "a breaking change with a %s changeset is stopped by npm run version: no release commit, no tag, no upload",
  (bump) => {
    edit("src/client/index.ts", /^export \{ vettingDate \} from .*\n/m, "");
    addChangeset(bump, "vettingDate removed.");
    commitAll(`vettingDate removed, as a ${bump}`);
    breaking = git("rev-parse", "HEAD");
    const output = refusal(repo, "npm", "run", "version");
    expect(output).toMatch(/^major TypeScript: removed or changed {2}export function vettingDate\(/m);
    expect(output).toContain(`The changes need a major release; the pending changesets declare ${bump}`);
    expect(git("rev-parse", "HEAD")).toBe(breaking);
    expect(git("status", "--porcelain")).toBe("");
    expect(version()).toBe("0.1.1");
    expect(tags()).toEqual(["v0.1.0", "v0.1.1"]);
    expect(published()).toEqual(["0.1.0", "0.1.1"]);
    git("reset", "-q", "--hard", "HEAD~1");
  },
);

test("publishing refuses pending changesets, and a release made by hand, tag and all, that the guard would not pass", () => {
  edit("src/client/index.ts", /^export \{ vettingDate \} from .*\n/m, "");
  addChangeset("patch", "vettingDate removed.");
  commitAll("vettingDate removed, as a patch");
  // 0.1.1 is published, so npm run release has nothing to do; a bare npm publish meets the release check.
  expect(run("npm", "run", "release")).toContain("partner-center-qualifications@0.1.1 is published already");
  expect(refusal(repo, "npm", "publish")).toContain(
    "The release check failed, so nothing is published: 1 changesets are pending: run npm run version first",
  );
  // The changeset consumed, the version raised and tagged by hand, past npm run version's guard.
  rmSync(join(repo, ".changeset/rehearsal.md"));
  run("npm", "pkg", "set", "version=0.1.2");
  commitAll("Release v0.1.2, by hand");
  git("tag", "v0.1.2");
  // The last release is the registry's newest, 0.1.1, whatever tags say; plain npm publish is checked too.
  for (const publish of [["run", "release"], ["publish"]]) {
    const output = refusal(repo, "npm", ...publish);
    expect(output).toContain('check:api failed: add a changeset of type "major"');
    expect(output).toMatch(/^ {2}major TypeScript: removed or changed {2}export function vettingDate\(/m);
  }
  expect(published()).toEqual(["0.1.0", "0.1.1"]);
  git("tag", "-d", "v0.1.2");
  git("reset", "-q", "--hard", "HEAD~2");
});

test("with a major changeset the change is released as 1.0.0, which the project's ^0.1.0 keeps out", () => {
  edit("src/client/index.ts", /^export \{ vettingDate \} from .*\n/m, "");
  addChangeset("major", "vettingDate removed.");
  commitAll("vettingDate removed, as a major");
  run("npm", "run", "api:report");
  commitAll("API report");
  run("npm", "run", "version");
  expect(version()).toBe("1.0.0");
  run("npm", "run", "release");
  expect(published()).toEqual(["0.1.0", "0.1.1", "1.0.0"]);
  expect(git("tag", "--points-at", "HEAD")).toBe("v1.0.0");
  runIn(project, "npm", "update", "--prefer-online", "--no-audit", "--no-fund");
  expect(installed()).toBe("0.1.1");
  expect(JSON.parse(runIn(project, "npm", "view", NAME, "dist-tags", "--json")).latest).toBe("1.0.0");
});
