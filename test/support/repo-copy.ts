import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** A throwaway git repository holding this working tree's files (committed or not), sharing node_modules. */
export function copyOfRepo(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && existsSync(file)); // deleted but not yet committed: gone
  const archive = execFileSync("tar", ["-cf", "-", "--null", "-T", "-"], {
    input: files.join("\0"),
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["-xf", "-", "-C", dir], { input: archive });
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", "copy");
  return dir;
}
