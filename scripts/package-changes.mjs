// The changes to what package.json promises its users since the last release: the entry points of
// `exports` with their conditions, the commands of `bin`, the Node versions of `engines`, and the peer
// dependencies with their ranges. A promise taken back or narrowed needs a major release; a new one, or
// a range widened, a minor.
import semver from "semver";

export function packageChanges(released, current) {
  return [
    ...setChanges("entry point", exportsOf(released), exportsOf(current)),
    ...setChanges("command", Object.keys(binOf(released)), Object.keys(binOf(current))),
    ...rangeChanges("Node versions (engines.node)", released.engines?.node, current.engines?.node),
    ...peerChanges(released, current),
  ];
}

// Each entry point with each condition path through it, as `./msw › import › types`.
function exportsOf({ exports = {} }) {
  const paths = [];
  const walk = (value, trail) => {
    if (value !== null && typeof value === "object")
      for (const [key, inner] of Object.entries(value)) walk(inner, [...trail, key]);
    else paths.push(trail.join(" › "));
  };
  walk(typeof exports === "string" ? { ".": exports } : exports, []);
  return paths;
}

function binOf({ name, bin = {} }) {
  return typeof bin === "string" ? { [name]: bin } : bin;
}

function setChanges(kind, before, after) {
  return [
    ...before
      .filter((item) => !after.includes(item))
      .map((item) => ({ bump: "major", what: `package.json: removed ${kind} ${item}`, why: "users of it break" })),
    ...after
      .filter((item) => !before.includes(item))
      .map((item) => ({ bump: "minor", what: `package.json: added ${kind} ${item}`, why: "new API" })),
  ];
}

// A range that still accepts every version it accepted is widened; anything else may leave users behind.
function rangeChanges(what, before, after) {
  if (before === after) return [];
  if (before === undefined) return [{ bump: "major", what: `package.json: ${what} now ${after}`, why: "a new limit" }];
  if (after === undefined) return [{ bump: "minor", what: `package.json: ${what} no longer limited`, why: "widened" }];
  const widened = semver.validRange(before) && semver.validRange(after) && semver.subset(before, after);
  return [
    widened
      ? { bump: "minor", what: `package.json: ${what} ${before} → ${after}`, why: "widened" }
      : { bump: "major", what: `package.json: ${what} ${before} → ${after}`, why: "narrowed or changed" },
  ];
}

function peerChanges(released, current) {
  const optional = (pkg, name) => pkg.peerDependenciesMeta?.[name]?.optional === true;
  const names = new Set([
    ...Object.keys(released.peerDependencies ?? {}),
    ...Object.keys(current.peerDependencies ?? {}),
  ]);
  return [...names].flatMap((name) => {
    const [before, after] = [released, current].map((pkg) => pkg.peerDependencies?.[name]);
    const what = `peer dependency ${name}`;
    if (before === undefined && optional(current, name))
      return [{ bump: "minor", what: `package.json: ${what} ${after}, optional`, why: "new, optional" }];
    const changes = rangeChanges(what, before, after);
    if (before !== undefined && after !== undefined && optional(released, name) && !optional(current, name))
      changes.push({ bump: "major", what: `package.json: ${what} no longer optional`, why: "now required" });
    return changes;
  });
}
