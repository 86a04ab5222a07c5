// The semver guard: the pending changesets must declare at least the bump that the changes since the
// last release need, in the contract (generated/openapi.json, compared by redocly diff and rated by the
// rules below, stricter than Redocly's own rating where a client could break) and in the TypeScript API
// (the API Extractor report in api-report/). The last release is the tag v<version> that
// `npm run version` made, read from git, never from a file that the change itself could edit.
// Usage: node scripts/check-api.mjs, in the repository.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import readChangesets from "@changesets/read";
import { git } from "./git.mjs";
import { redocly } from "./redocly.mjs";

const BUMPS = ["none", "patch", "minor", "major"];
const ANNOTATIONS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);
const SPEC = "generated/openapi.json";
const REPORTS = "api-report";

const scratch = mkdtempSync(join(tmpdir(), "check-api-"));
try {
  const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
  const release = lastRelease(version);
  const declared = await declaredBump(name);
  const changes = release
    ? [...contractChanges(git("show", `${release}:${SPEC}`)), ...typeScriptChanges(release)]
    : [{ bump: "minor", what: "the contract and the TypeScript API", why: "the first release: everything is new" }];
  const needed = changes.reduce((highest, { bump }) => max(highest, bump), "none");

  console.log(
    release ? `Changes since the last release, ${release}:` : "No release yet (version 0.0.0, no release tag):",
  );
  for (const { bump, what, why } of changes) console.log(`${bump.padEnd(5)} ${what}  (${why})`);
  console.log(`\nThe changes need a ${needed} release; the pending changesets declare ${declared}.`);
  if (BUMPS.indexOf(declared) < BUMPS.indexOf(needed)) {
    console.error(
      `check:api failed: add a changeset of type "${needed}" for ${name} (npx changeset), or undo the change.`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`check:api failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// The last release as git records it: the newest release tag in HEAD's history, which must be the
// version in package.json (only `npm run version` changes it, and it tags what it commits).
// Undefined before the first release; an error wherever this clone cannot tell.
function lastRelease(version) {
  if (git("tag", "--merged", "HEAD", "--list", "v[0-9]*") === "") {
    if (git("rev-parse", "--is-shallow-repository") === "true") {
      throw new Error(
        "this is a shallow clone and no release tag is in its history, so the last release cannot be found: run git fetch --unshallow --tags",
      );
    }
    if (version !== "0.0.0") {
      throw new Error(
        `package.json says ${version}, but no release tag is in this clone: fetch them (git fetch --tags); npm run version tags every release`,
      );
    }
    return undefined;
  }
  const tag = git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD");
  if (tag !== `v${version}`) {
    throw new Error(
      `package.json says ${version}, but the last release is ${tag}: the version changes only through npm run version, which releases and tags it`,
    );
  }
  return tag;
}

// The highest bump that the pending changesets declare for this package.
async function declaredBump(name) {
  let changesets;
  try {
    changesets = await readChangesets(".");
  } catch (error) {
    throw new Error(`a pending changeset in .changeset/ cannot be read: ${error.message}`);
  }
  const releases = changesets.flatMap((changeset) => changeset.releases).filter((release) => release.name === name);
  return releases.reduce((highest, release) => max(highest, release.type), "none");
}

function contractChanges(releasedSpec) {
  const base = join(scratch, "released-openapi.json");
  const report = join(scratch, "diff.json");
  writeFileSync(base, releasedSpec);
  try {
    redocly(["diff", base, SPEC, "--format", "json", "--fail-on", "none", "--output", report]);
  } catch (error) {
    throw new Error(`redocly diff could not compare the specs: ${error.stderr?.toString().trim() || error.message}`);
  }
  return JSON.parse(readFileSync(report, "utf8")).changes.map((change) => ({
    what: `contract: ${change.kind} ${change.property ?? ""} ${change.path}`,
    ...rate(change),
  }));
}

// Our rating of one contract change, never below Redocly's own.
function rate(change) {
  const ours = ruleFor(change);
  return BUMPS.indexOf(ours.bump) >= BUMPS.indexOf(change.impact)
    ? ours
    : { bump: change.impact, why: "rated so by redocly diff" };
}

function ruleFor({ kind, property, path, base, revision }) {
  const side = /\/requestBody\b|\/parameters\b/.test(path)
    ? "request"
    : /\/responses\//.test(path)
      ? "response"
      : "other";
  if (path.startsWith("#/info")) return { bump: "patch", why: "document metadata" };
  if (ANNOTATIONS.has(property) || String(property).startsWith("x-"))
    return { bump: "patch", why: "documentation only" };
  if (kind === "removed") return { bump: "major", why: "something clients may use is gone" };
  if (/^#\/(?:security|paths\/[^/]+\/[^/]+\/security)/.test(path))
    return { bump: "major", why: "authentication requirements changed" };
  if (kind === "added") {
    // A parameter or request body is required by `required: true`.
    const requiredInput = side === "request" && [revision?.value].flat().some((value) => value?.required === true);
    if (requiredInput) return { bump: "major", why: "a new required input" };
    return { bump: "minor", why: side === "request" ? "a new optional input" : "a new output or operation" };
  }
  if (property === "required") return rateRequired(side, requiredNames(base?.value), requiredNames(revision?.value));
  if (property === "deprecated") return { bump: "minor", why: "a deprecation" };
  return { bump: "major", why: `"${property}" changed, which can break clients` };
}

// `required` is a list of property names in a schema, and true or false on a parameter, a header or a
// request body (which then stands for itself); any other value cannot be rated, so it counts as breaking.
function requiredNames(value) {
  if (value === undefined || value === false) return [];
  if (value === true) return ["(itself)"];
  if (Array.isArray(value) && value.every((name) => typeof name === "string")) return value;
  return undefined;
}

function rateRequired(side, before, after) {
  if (!before || !after) return { bump: "major", why: "required changed to or from a value that cannot be rated" };
  const added = after.some((name) => !before.includes(name));
  const dropped = before.some((name) => !after.includes(name));
  if (side === "request" && added) return { bump: "major", why: "an input became required" };
  if (side === "response" && dropped) return { bump: "major", why: "an output is no longer guaranteed" };
  if (side === "other" && (added || dropped))
    return { bump: "major", why: "required changed where its direction is unknown" };
  return { bump: "minor", why: "required relaxed for an input or strengthened for an output" };
}

// The TypeScript API report as a set of elements: each line, qualified by the lines that enclose it
// (by indentation, as the report is laid out), so that a member is told apart from the same text in
// another declaration. Comments (release tags, warnings) are left out.
function apiElements(report) {
  const elements = new Set();
  const enclosing = [];
  for (const raw of report.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("//")) continue;
    const indent = raw.length - raw.trimStart().length;
    const closes = line.startsWith("}");
    // A closing line (`};`, `}[];`, `} | {`) belongs to the block it closes; any other line ends the blocks at its indent.
    while (
      enclosing.length > 0 &&
      (enclosing.at(-1).indent > indent || (!closes && enclosing.at(-1).indent === indent))
    )
      enclosing.pop();
    elements.add([...enclosing.map((parent) => parent.line), line].join(" › "));
    if (closes && enclosing.at(-1)?.indent === indent) enclosing.pop();
    enclosing.push({ indent, line });
  }
  return elements;
}

// A removed element (a removed or renamed export, method, option or field, or a changed type) breaks
// someone; an added one does not. Each entry point has its report (api-report/<name>[-<entry>].api.md);
// an entry point added since the release is all additions, one removed all removals.
function typeScriptChanges(release) {
  const released = git("ls-tree", "--name-only", `${release}:${REPORTS}`)
    .split("\n")
    .filter((file) => file.endsWith(".api.md"));
  const current = readdirSync(REPORTS).filter((file) => file.endsWith(".api.md"));
  return [...new Set([...released, ...current])].flatMap((file) =>
    entryChanges(
      released.includes(file) ? git("show", `${release}:${REPORTS}/${file}`) : "",
      current.includes(file) ? readFileSync(join(REPORTS, file), "utf8") : "",
    ),
  );
}

function entryChanges(releasedReport, currentReport) {
  const before = apiElements(releasedReport);
  const after = apiElements(currentReport);
  return [
    ...[...before]
      .filter((element) => !after.has(element))
      .map((element) => ({
        bump: "major",
        what: `TypeScript: removed or changed  ${element}`,
        why: "code using it breaks",
      })),
    ...[...after]
      .filter((element) => !before.has(element))
      .map((element) => ({ bump: "minor", what: `TypeScript: added  ${element}`, why: "new API" })),
  ];
}

function max(a, b) {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
