// The semver guard: the pending changesets must declare at least the bump that the contract's
// changes since the last release need. Redocly's diff lists the changes; the rules below rate them,
// stricter than Redocly's own rating where a client could break.
// Usage: node scripts/check-api.mjs [--base FILE] [--revision FILE] [--cwd DIR]
//   base: the last release's bundled spec (default .changeset/last-release/openapi.json; none yet = empty API)
//   revision: the spec now (default generated/openapi.json); cwd: where .changeset/ lives (default .)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import { redocly } from "./redocly.mjs";

const BUMPS = ["none", "patch", "minor", "major"];
const ANNOTATIONS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);

const { values: args } = parseArgs({ options: { base: { type: "string" }, revision: { type: "string" }, cwd: { type: "string" } } });
const cwd = resolve(args.cwd ?? ".");
const revision = resolve(args.revision ?? "generated/openapi.json");
const packageName = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")).name;
const scratch = mkdtempSync(join(tmpdir(), "check-api-"));
try {
  const released = join(cwd, ".changeset/last-release/openapi.json");
  const base = args.base ? resolve(args.base) : existsSync(released) ? released : undefined;
  // Before the first release nothing can break: everything is new.
  const changes = base
    ? diff(base, revision).map((change) => ({ change, ...rate(change) }))
    : diff(emptyApi(), revision).map((change) => ({ change, bump: "minor", why: "first release" }));
  const needed = changes.reduce((highest, { bump }) => max(highest, bump), "none");
  const changesets = await readChangesets(cwd);
  const declared = changesets.flatMap((changeset) => changeset.releases).filter((release) => release.name === packageName).reduce((highest, release) => max(highest, release.type), "none");

  for (const { change, bump, why } of changes) console.log(`${bump.padEnd(5)} ${change.kind} ${change.property ?? ""} ${change.path}  (${why})`);
  console.log(`\nThe contract's changes need a ${needed} release; the pending changesets declare ${declared}.`);
  if (BUMPS.indexOf(declared) < BUMPS.indexOf(needed)) {
    console.error(`check:api failed: add a changeset of type "${needed}" for ${packageName} (npx changeset), or undo the change.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function emptyApi() {
  const file = join(scratch, "empty.json");
  writeFileSync(file, JSON.stringify({ openapi: "3.1.0", info: { title: "No release yet", version: "0.0.0" }, paths: {} }));
  return file;
}

function diff(baseFile, revisionFile) {
  const report = join(scratch, "diff.json");
  redocly(["diff", baseFile, revisionFile, "--format", "json", "--fail-on", "none", "--output", report]);
  return JSON.parse(readFileSync(report, "utf8")).changes;
}

// Our rating of one change, never below Redocly's own.
function rate(change) {
  const ours = ruleFor(change);
  return BUMPS.indexOf(ours.bump) >= BUMPS.indexOf(change.impact) ? ours : { bump: change.impact, why: "rated so by redocly diff" };
}

function ruleFor({ kind, property, path, base, revision }) {
  const side = /\/requestBody\/|\/parameters/.test(path) ? "request" : /\/responses\//.test(path) ? "response" : "other";
  if (path.startsWith("#/info")) return { bump: "patch", why: "document metadata" };
  if (ANNOTATIONS.has(property) || property?.startsWith("x-")) return { bump: "patch", why: "documentation only" };
  if (kind === "removed") return { bump: "major", why: "something clients may use is gone" };
  if (/^#\/(?:security|paths\/[^/]+\/[^/]+\/security)/.test(path)) return { bump: "major", why: "authentication requirements changed" };
  if (kind === "added") {
    const parameters = [revision?.value].flat().filter((value) => value && typeof value === "object" && "in" in value);
    if (parameters.some((parameter) => parameter.required)) return { bump: "major", why: "a new required parameter" };
    return { bump: "minor", why: side === "request" ? "a new optional input" : "a new output or operation" };
  }
  if (property === "required") {
    const before = new Set(base?.value ?? []);
    const after = new Set(revision?.value ?? []);
    if (side === "request" && [...after].some((name) => !before.has(name))) return { bump: "major", why: "a request field became required" };
    if (side === "response" && [...before].some((name) => !after.has(name))) return { bump: "major", why: "a response field is no longer guaranteed" };
    return { bump: "minor", why: "required fields relaxed or strengthened compatibly" };
  }
  if (property === "deprecated") return { bump: "minor", why: "a deprecation" };
  return { bump: "major", why: `"${property}" changed, which can break clients` };
}

function max(a, b) {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}
