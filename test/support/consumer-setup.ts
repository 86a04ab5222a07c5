// The consumer matrix's one project (npm run test:consumers): builds and packs the package, installs it
// into a fresh project with both TypeScript lines, every runtime, msw 2 with vitest and jest, and the peer
// OpenAPI generators, and starts the installed package's mock command; the mock is ended by its process
// id and the project deleted afterwards, pass or fail. (msw.consumer-test.ts installs msw 3 in a project
// of its own inside this one, from the same tarball.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { installConsumer, startMockCommand } from "./consumer.js";

declare module "vitest" {
  export interface ProvidedContext {
    consumer: string;
    tarball: string;
  }
}

// Majors pinned, so that the guide's list of what is tested stays true; the latest release of each.
const TOOLS = [
  "typescript@5.9",
  "typescript7@npm:typescript@7",
  "node20@npm:node@20",
  "node22@npm:node@22",
  "bun@1",
  "deno@2",
  "@types/node@24",
  "@stoplight/prism-cli@5.16",
  "msw@2",
  // The test runners the guide's MSW setups are written for.
  "vitest@5",
  "jest@30",
  // The generators that generators.consumer-test.ts feeds the installed spec. Kubb 4, because the
  // registry has Kubb 5's CLI but no Kubb 5 TypeScript or client plugin.
  "@hey-api/openapi-ts@0",
  "orval@8",
  "@kubb/cli@4",
  "@kubb/core@4",
  "@kubb/plugin-oas@4",
  "@kubb/plugin-ts@4",
  "@kubb/plugin-client@4",
  // The Standard Schema consumer that standard-schema.consumer-test.ts feeds the ./schemas validators, and
  // the standard's own declarations, which its type check holds them to.
  "hono@4",
  "@hono/standard-validator@0",
  "@standard-schema/spec@1",
];

export default async function setup(project: TestProject) {
  execFileSync("node_modules/.bin/tsup", ["--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  const work = mkdtempSync(join(tmpdir(), "pcq-consumers-"));
  const remove = () => rmSync(work, { recursive: true, force: true });
  try {
    // The runtimes' install scripts put their binaries in place.
    const { consumer, tarball } = installConsumer(work, TOOLS, ["node", "bun", "deno"]);
    const mock = await startMockCommand(consumer);
    project.provide("consumer", consumer);
    project.provide("tarball", tarball);
    project.provide("mockUrl", mock.url);
    return async () => {
      await mock.stop();
      remove();
    };
  } catch (error) {
    remove();
    throw error;
  }
}
