// The installed package's ./schemas validators in a real Standard Schema consumer: Hono's
// @hono/standard-validator passes a body that keeps the contract to the handler and answers one that breaks
// it with a 400 carrying our issue, from ESM and CommonJS on Node 20, 22 and 24 (ESM on Bun and Deno too).
// TypeScript 5.9 and 7 hold the validators to @standard-schema/spec's own declarations, and type Hono's
// body by the package's named types.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, inject, test } from "vitest";
import { run } from "../support/consumer.js";

const consumer = inject("consumer");
const installed = (...path: string[]) => join(consumer, "node_modules", ...path);
const runtimes: [string, string, string[]][] = [
  ["Node 20", installed("node20", "bin", "node"), []],
  ["Node 22", installed("node22", "bin", "node"), []],
  ["Node 24", process.execPath, []],
  ["Bun", installed(".bin", "bun"), []],
  // Deno may read the project, and nothing else.
  ["Deno", installed(".bin", "deno"), ["run", "--allow-read=."]],
];

const valid = { qualification: "Education", educationSegment: "K12" };
const invalid = { qualification: "Education" };
const issue = { message: "educationSegment is required", path: ["educationSegment"] };

test.each(
  runtimes.flatMap(([name, command, args]) => [
    [name, "run-standard-schema.mjs", command, args, "esm"] as const,
    ...(name === "Bun" || name === "Deno" ? [] : [[name, "run-standard-schema.cjs", command, args, "cjs"] as const]),
  ]),
)("%s runs %s: Hono passes a valid body on, and answers an invalid one with a 400 and our issue", (...cell) => {
  const [, script, command, args, module] = cell;
  expect(JSON.parse(run(command, [...args, script], consumer))).toEqual({
    module,
    valid: { status: 201, body: { created: valid } },
    invalid: { status: 400, body: { data: invalid, error: [issue], success: false } },
  });
});

test.each(["typescript", "typescript7"])(
  "%s: the validators are Standard Schemas typed by the package's types",
  (compiler) => {
    const tsc = spawnSync(
      process.execPath,
      [installed(compiler, "bin", "tsc"), "-p", "tsconfig.standard-schema.json"],
      {
        cwd: consumer,
        encoding: "utf8",
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  },
);
