// What the configured npm registry has of a package: its versions, none when it does not know it (E404).
import { execFileSync } from "node:child_process";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export function publishedVersions(name) {
  try {
    const versions = JSON.parse(
      execFileSync(npm, ["view", name, "versions", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    );
    return [versions].flat();
  } catch (error) {
    if (/E404/.test(`${error.stdout}${error.stderr}`)) return [];
    throw new Error(`npm view ${name} failed: ${`${error.stderr}`.trim() || error.message}`);
  }
}

/** The highest of x.y.z versions (a prerelease below its release), undefined for none. */
export function newest(versions) {
  const key = (version) => {
    const [core, pre] = version.split(/-(.*)/s);
    return [...core.split(".").map(Number), pre === undefined ? 1 : 0];
  };
  const compare = (a, b) => {
    const [x, y] = [key(a), key(b)];
    const index = x.findIndex((part, i) => part !== y[i]);
    return index === -1 ? 0 : x[index] - y[index];
  };
  return versions.toSorted(compare).at(-1);
}
