// Runs the Redocly CLI from the dev dependencies, on this Node, with telemetry off.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

export function redocly(args, { stdio = ["ignore", "ignore", "pipe"] } = {}) {
  return execFileSync(process.execPath, [cli, ...args], { stdio, env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
}
