// Runs git in the current directory and returns what it printed; a failure names the command and
// git's own message, so a missing tag or a missing repository reads as such rather than as a crash.
import { execFileSync } from "node:child_process";

export function git(...args) {
  try {
    return execFileSync("git", args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 26,
    }).trimEnd();
  } catch (error) {
    throw new Error(`git ${args.join(" ")} failed: ${error.stderr?.trim() || error.message}`);
  }
}

/** Throws unless the working tree is clean, so that a release commit or a publication holds only what was committed. */
export function requireCleanTree() {
  const changes = git("status", "--porcelain");
  if (changes !== "")
    throw new Error(`the working tree has uncommitted changes; commit or stash them first:\n${changes}`);
}

/** The release tags (v<major>.<minor>.<patch>, no prerelease) in HEAD's history, newest first. */
export function releaseTags() {
  const tags = git("tag", "--merged", "HEAD", "--list", "v[0-9]*", "--sort=-version:refname");
  return tags.split("\n").filter((tag) => /^v\d+\.\d+\.\d+$/.test(tag));
}
