// The semver guard: the pending changesets must declare at least the bump that the changes since the
// last release need, in the contract (compared by redocly diff and rated by the rules below, stricter than
// Redocly's own rating where a client could break), in the TypeScript API (API Extractor's reports) and in
// package.json's promises (scripts/package-changes.mjs).
// Both sides are what ships: the last release as its tag v<version> holds it (read from git, never from a
// file the change could edit), and the code as it stands, built now: the spec bundled from openapi/ and
// the reports of a fresh build, never the committed generated/ or api-report/ that a change may leave stale.
// Usage: node scripts/check-api.mjs [--since <tag> | --first-release] [--spec <file> --reports <dir>]
//   --since <tag>     the last release is this tag (the release check names the registry's newest release)
//   --first-release   no tag yet, and the registry has no version of the package (the release check asked it)
//   --spec, --reports the current API given as files (the guard's own tests), instead of built from the code
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import semver from "semver";
import { apiReports } from "./api-report.mjs";
import { git, releaseTags } from "./git.mjs";
import { packageChanges } from "./package-changes.mjs";
import { npm } from "./steps.mjs";
import { redocly } from "./redocly.mjs";

const BUMPS = ["none", "patch", "minor", "major"];
const ANNOTATIONS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);
const SPEC = "generated/openapi.json";
const REPORTS = "api-report";

const scratch = mkdtempSync(join(tmpdir(), "check-api-"));
try {
  const { values: options } = parseArgs({
    options: {
      since: { type: "string" },
      "first-release": { type: "boolean" },
      spec: { type: "string" },
      reports: { type: "string" },
    },
  });
  const { name, version } = JSON.parse(readFileSync("package.json", "utf8"));
  const release = lastRelease(version, options);
  const declared = max(versionBump(release?.slice(1) ?? "0.0.0", version), await declaredBump(name));
  const current = release ? currentApi(options) : undefined;
  const changes = release
    ? [
        ...contractChanges(git("show", `${release}:${SPEC}`), current.spec),
        ...typeScriptChanges(release, current.reports),
        ...packageChanges(JSON.parse(git("show", `${release}:package.json`)), current.packageJson),
      ]
    : [{ bump: "minor", what: "the contract and the TypeScript API", why: "the first release: everything is new" }];
  const needed = changes.reduce((highest, { bump }) => max(highest, bump), "none");

  console.log(release ? `Changes since the last release, ${release}:` : "No release yet (no release tag):");
  for (const { bump, what, why } of changes) console.log(`${bump.padEnd(5)} ${what}  (${why})`);
  const since = release ?? "0.0.0";
  const applied = version === since.replace(/^v/, "") ? "" : ` (with the version ${version} since ${since})`;
  console.log(`\nThe changes need a ${needed} release; the pending changesets declare ${declared}${applied}.`);
  if (BUMPS.indexOf(declared) < BUMPS.indexOf(needed)) {
    // The changes over the declared bump, on stderr too, where a caller that keeps only stderr finds them.
    const over = changes.filter(({ bump }) => BUMPS.indexOf(bump) > BUMPS.indexOf(declared));
    const listed = over
      .slice(0, 5)
      .map(({ bump, what }) => `\n  ${bump} ${what}`)
      .join("");
    const more = over.length > 5 ? `\n  and ${over.length - 5} more above` : "";
    console.error(
      `check:api failed: add a changeset of type "${needed}" for ${name} (npx changeset), or undo the change:${listed}${more}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`check:api failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// The last release as git records it: the newest release tag in HEAD's history (made when it was
// published), at or below the version in package.json. Undefined before the first release; an error
// wherever this clone cannot tell.
function lastRelease(version, { since, "first-release": firstRelease }) {
  if (since !== undefined && git("tag", "--merged", "HEAD", "--list", since) !== since)
    throw new Error(`${since} is not a tag in HEAD's history: git fetch --tags`);
  const [tag] = since === undefined ? releaseTags() : [since];
  if (tag === undefined) {
    if (git("rev-parse", "--is-shallow-repository") === "true") {
      throw new Error(
        "this is a shallow clone and no release tag is in its history, so the last release cannot be found: run git fetch --unshallow --tags",
      );
    }
    if (version !== "0.0.0" && !firstRelease) {
      throw new Error(
        `package.json says ${version}, but no release tag is in this clone: fetch them (git fetch --tags); if ${version} is the first release and not published yet, publish it (npm run release)`,
      );
    }
    return undefined;
  }
  if (versionBump(tag.slice(1), version) === "older") {
    throw new Error(
      `package.json says ${version}, but the last release is ${tag}: the version changes only through npm run version, which only raises it`,
    );
  }
  return tag;
}

// The bump from one version to the next, as changesets names it: "older" when it goes down.
function versionBump(from, to) {
  if (semver.lt(to, from)) return "older";
  const bump = semver.diff(from, to);
  return { premajor: "major", preminor: "minor", prepatch: "patch", prerelease: "patch" }[bump] ?? bump ?? "none";
}

// The highest bump that the pending changesets declare for this package.
async function declaredBump(name) {
  let changesets;
  try {
    changesets = await readChangesets(".");
  } catch (error) {
    throw new Error(`a pending changeset in .changeset/ cannot be read: ${error.message}`);
  }
  const releases = changesets.flatMap((changeset) => changeset.releases);
  const strangers = releases.filter((release) => release.name !== name).map((release) => `"${release.name}"`);
  if (strangers.length > 0)
    throw new Error(`a pending changeset names ${strangers.join(", ")}, but this package is "${name}"`);
  return releases.reduce((highest, release) => max(highest, release.type), "none");
}

// The API as the code stands: the spec bundled from openapi/ and the reports of a fresh build (API
// Extractor writes each entry's report to temp/ on every run), unless the caller names the files.
function currentApi(options) {
  const packageJson = JSON.parse(readFileSync("package.json", "utf8"));
  if (options.spec !== undefined || options.reports !== undefined) {
    if (options.spec === undefined || options.reports === undefined)
      throw new Error("--spec and --reports go together");
    return { spec: readFileSync(options.spec, "utf8"), reports: reportsIn(options.reports), packageJson };
  }
  const bundled = join(scratch, "bundled");
  mkdirSync(bundled);
  execFileSync(process.execPath, ["scripts/bundle.mjs", bundled], { stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(npm, ["run", "--silent", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const reports = apiReports();
  return { spec: readFileSync(join(bundled, "openapi.json"), "utf8"), reports, packageJson };
}

function reportsIn(dir) {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".api.md"))
      .map((file) => [file, readFileSync(join(dir, file), "utf8")]),
  );
}

function contractChanges(releasedSpec, currentSpec) {
  const base = join(scratch, "released-openapi.json");
  const revision = join(scratch, "current-openapi.json");
  const report = join(scratch, "diff.json");
  writeFileSync(base, releasedSpec);
  writeFileSync(revision, currentSpec);
  try {
    redocly(["diff", base, revision, "--format", "json", "--fail-on", "none", "--output", report]);
  } catch (error) {
    throw new Error(`redocly diff could not compare the specs: ${error.stderr?.toString().trim() || error.message}`);
  }
  const specs = { base: JSON.parse(releasedSpec), revision: JSON.parse(currentSpec) };
  return JSON.parse(readFileSync(report, "utf8")).changes.map((change) => ({
    what: `contract: ${change.kind} ${change.property ?? ""} ${change.path}`,
    ...rate(dereferenced(change, specs)),
  }));
}

// The change with its values' local $refs replaced by what they point at in their own spec (a parameter
// reused by $ref is rated as the parameter it is); a $ref that leads nowhere cannot be rated.
function dereferenced(change, specs) {
  const resolve = (value, spec) => {
    if (Array.isArray(value)) return value.map((item) => resolve(item, spec));
    const ref = value?.$ref;
    if (typeof ref !== "string") return value;
    const target = ref.startsWith("#/")
      ? ref
          .slice(2)
          .split("/")
          .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
          .reduce((node, part) => (node !== null && typeof node === "object" ? node[part] : undefined), spec)
      : undefined;
    if (target === undefined) throw new Error(`the $ref ${ref} leads nowhere in ${change.path}`);
    return target;
  };
  try {
    return {
      ...change,
      base: change.base && { ...change.base, value: resolve(change.base.value, specs.base) },
      revision: change.revision && { ...change.revision, value: resolve(change.revision.value, specs.revision) },
    };
  } catch (error) {
    return { ...change, unresolved: error.message };
  }
}

// Our rating of one contract change, never below Redocly's own.
function rate(change) {
  const ours = ruleFor(change);
  return BUMPS.indexOf(ours.bump) >= BUMPS.indexOf(change.impact)
    ? ours
    : { bump: change.impact, why: "rated so by redocly diff" };
}

function ruleFor({ kind, property, path, base, revision, unresolved }) {
  if (unresolved) return { bump: "major", why: `cannot be rated: ${unresolved}` };
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
function typeScriptChanges(release, current) {
  const released = git("ls-tree", "--name-only", `${release}:${REPORTS}`)
    .split("\n")
    .filter((file) => file.endsWith(".api.md"));
  return [...new Set([...released, ...Object.keys(current)])].flatMap((file) =>
    entryChanges(released.includes(file) ? git("show", `${release}:${REPORTS}/${file}`) : "", current[file] ?? ""),
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
