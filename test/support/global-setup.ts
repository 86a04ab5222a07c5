// Builds dist/ once for the tests that run the built package (the mock command, the packed tarball),
// and starts one Prism mock on the bundled spec for the whole run, on a free loopback port, ended by its
// process id afterwards, whether the tests passed or not.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
    mockPid: number;
  }
}

export default async function setup(project: TestProject) {
  execFileSync("node_modules/.bin/tsup", ["--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  // From the build, not src/: vitest runs every test for a change in what the global setup imports, so an import
  // of src/mock here would make each mutant of the mock's and the contract's files run the whole suite.
  const built = pathToFileURL(resolve("dist/mock/index.js")).href;
  const { startMock } = (await import(built)) as typeof import("../../src/mock/index.js");
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
