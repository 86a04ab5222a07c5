// Builds dist/ once for the tests that run the built package (the mock command, the packed tarball),
// and starts one Prism mock on the bundled spec for the whole run, on a free loopback port, ended by its
// process id afterwards, whether the tests passed or not.
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startMock } from "../../src/mock/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
    mockPid: number;
  }
}

export default async function setup(project: TestProject) {
  execFileSync("node_modules/.bin/tsup", ["--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  const mock = await startMock();
  // If the runner itself is killed, the mock must not outlive it.
  const killMock = () => {
    try {
      process.kill(mock.pid);
    } catch {
      // already gone
    }
  };
  process.once("exit", killMock);
  project.provide("mockUrl", mock.url);
  project.provide("mockPid", mock.pid);
  return async () => {
    process.off("exit", killMock);
    await mock.stop();
  };
}
