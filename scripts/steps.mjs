// The one way the release scripts run a step: its output shown as it comes, and a failure that names the
// step (the step itself has said why).
import { execFileSync } from "node:child_process";

export const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs `command` ("node" is this Node) with `args`; `env` replaces the environment when given. */
export function step(command, args, { env = process.env } = {}) {
  const file = command === "node" ? process.execPath : command;
  try {
    execFileSync(file, args, { stdio: "inherit", env }); // stdin too: npm may ask for a one-time password
  } catch (error) {
    if (error.status === undefined) throw error; // it did not start
    throw new Error(`${[command, ...args].join(" ")} failed (its output above says why)`);
  }
}
