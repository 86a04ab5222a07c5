// The files one version of the docs is built from: the working tree for the current docs, or a release
// tag's tree read through git, behind the same small interface so that one renderer serves both.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

/**
 * The working tree under `root`. `guide`, when given, is read in place of docs/guide/ (a draft folder
 * elsewhere), while links still resolve as if its pages were in docs/guide/.
 */
export function workingTree(root = ".", { guide } = {}) {
  const locate = (path) =>
    guide && (path === "docs/guide" || path.startsWith("docs/guide/"))
      ? join(guide, path.slice("docs/guide".length))
      : join(root, path);
  return {
    name: "the working tree",
    has: (path) => existsSync(locate(path)),
    read: (path) => (existsSync(locate(path)) ? readFileSync(locate(path)) : undefined),
    list: (dir) =>
      existsSync(locate(dir))
        ? readdirSync(locate(dir), { withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => entry.name)
            .sort()
        : undefined,
  };
}

/** The tree of `tag` in the git repository at `root`, read with `git ls-tree` and `git show`. */
export function gitTree(tag, root = ".") {
  const run = (args, encoding) =>
    execFileSync("git", args, { cwd: root, encoding, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
  const files = new Set(run(["ls-tree", "-r", "--name-only", "-z", tag], "utf8").split("\0").filter(Boolean));
  const isDir = (dir) => [...files].some((file) => file.startsWith(`${dir}/`));
  return {
    name: `tag ${tag}`,
    has: (path) => files.has(path) || isDir(path),
    read: (path) => (files.has(path) ? run(["show", `${tag}:${path}`]) : undefined),
    list: (dir) =>
      isDir(dir)
        ? [...files]
            .filter((file) => posix.dirname(file) === dir)
            .map((file) => posix.basename(file))
            .sort()
        : undefined,
  };
}

/** A file of the tree as text, or undefined when the tree has no such file. */
export const readText = (tree, path) => tree.read(path)?.toString("utf8");
