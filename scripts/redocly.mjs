// Runs the Redocly CLI from the dev dependencies, on this Node, with telemetry off.
import { execFile, execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const environment = () => ({ ...process.env, REDOCLY_TELEMETRY: "off" });

export function redocly(args, { stdio = ["ignore", "ignore", "pipe"] } = {}) {
  return execFileSync(process.execPath, [cli, ...args], { stdio, env: environment() });
}

/** The same without blocking this process (for `respect` against a server in it); resolves with the exit code and the output. */
export function redoclyAsync(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: environment() }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code : 0, output: stdout + stderr }),
    );
  });
}
