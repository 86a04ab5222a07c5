// The installed package's ESM and CommonJS builds, run by the consumer's scripts against the installed
// package's mock, on every runtime the guide names (docs/guide/getting-started.md).
import { join } from "node:path";
import { expect, inject, test } from "vitest";
import { FROM_THE_MOCK, run } from "../support/consumer.js";

const consumer = inject("consumer");
const mockUrl = inject("mockUrl");
const bin = (name: string) => join(consumer, "node_modules", ".bin", name);

// Node 20 and 22 from the npm registry, Node 24 the pinned one that runs these tests.
const runtimes = [
  {
    name: "Node 20",
    command: join(consumer, "node_modules", "node20", "bin", "node"),
    args: [],
    runtime: /^node 20\./,
  },
  {
    name: "Node 22",
    command: join(consumer, "node_modules", "node22", "bin", "node"),
    args: [],
    runtime: /^node 22\./,
  },
  { name: "Node 24", command: process.execPath, args: [], runtime: /^node 24\./ },
  { name: "Bun", command: bin("bun"), args: [], runtime: /^bun 1\./ },
  // Deno may reach the mock, read the project and its MOCK_URL, and nothing else.
  {
    name: "Deno",
    command: bin("deno"),
    args: ["run", `--allow-net=${new URL(mockUrl).host}`, "--allow-read=.", "--allow-env=MOCK_URL"],
    runtime: /^deno 2\./,
  },
];

test.each(
  runtimes.flatMap(
    (runtime) =>
      [
        [runtime.name, "run.mjs", runtime, { module: "esm", acrossBuilds: true }],
        [runtime.name, "run.cjs", runtime, { module: "cjs" }],
      ] as const,
  ),
)("%s runs %s against the mock", (_name, script, { command, args, runtime }, module) => {
  const result = JSON.parse(run(command, [...args, script], consumer, { MOCK_URL: mockUrl }));
  expect(result).toMatchObject({ ...module, ...FROM_THE_MOCK });
  expect(result.runtime).toMatch(runtime);
});
