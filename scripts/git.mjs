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
