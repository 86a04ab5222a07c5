// What the configured npm registry has of a package: its versions, none when it does not know it (E404).
import { execFileSync } from "node:child_process";
import semver from "semver";
import { npm } from "./steps.mjs";

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

/** The highest of the versions (a prerelease below its release), undefined for none. */
export function newest(versions) {
  return semver.rsort([...versions])[0];
}
