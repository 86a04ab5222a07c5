// Starts one Prism mock on the bundled spec for the whole run, on a free loopback port, and ends it
// by its process id afterwards, whether the tests passed or not.
import type { TestProject } from "vitest/node";
// @ts-expect-error: a plain ESM script without type declarations
import { startMock } from "../../scripts/mock.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock: { url: string; pid: number; stop: () => Promise<void> } = await startMock();
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
  return async () => {
    process.off("exit", killMock);
    await mock.stop();
  };
}
