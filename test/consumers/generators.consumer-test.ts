// Peer OpenAPI generators fed the installed package's spec, as users feed them: hey-api, orval and Kubb
// each generate a client with a config from test/fixtures/generators, and TypeScript type-checks the
// output under strict. A spec change that one of them refuses, or whose output does not compile, fails
// here instead of in a user's build.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, inject, test } from "vitest";

const consumer = inject("consumer");
const installed = (...path: string[]) => join(consumer, "node_modules", ...path);
// Inside the consumer project, so the global setup deletes it with the project, pass or fail.
const project = join(consumer, "generators");
// hey-api and orval need Node 22.18 or later; 22 is the oldest line that runs all three.
const node22 = installed("node22", "bin", "node");
// TypeScript 5.9: in every generator's supported range, and the version Kubb itself depends on.
const tsc = installed("typescript", "bin", "tsc");
// A generator that hangs is killed by its process id before the test's own timeout.
const options = { cwd: project, encoding: "utf8", timeout: 45_000 } as const;

type Spec = { paths: Record<string, Record<string, { operationId?: string }>> };
const spec: Spec = JSON.parse(
  readFileSync(installed("partner-center-qualifications", "generated", "openapi.json"), "utf8"),
);
const operationIds = Object.values(spec.paths).flatMap((pathItem) =>
  Object.values(pathItem).flatMap((operation) => operation.operationId ?? []),
);

// Each writes under its output folder (the one its config and its tsconfig name) and declares the
// operations in the file named by `operations`.
const generators = [
  {
    name: "hey-api",
    output: "hey-api",
    command: [installed(".bin", "openapi-ts"), "--file", "openapi-ts.config.ts"],
    files: ["index.ts", "types.gen.ts", "sdk.gen.ts", "client.gen.ts"],
    operations: "sdk.gen.ts",
  },
  {
    name: "orval",
    output: "orval",
    command: [installed(".bin", "orval"), "--config", "orval.config.ts"],
    files: ["qualifications.ts"],
    operations: "qualifications.ts",
  },
  {
    name: "Kubb",
    output: "kubb",
    command: [installed(".bin", "kubb"), "generate", "--config", "kubb.config.ts"],
    files: ["index.ts", "types/index.ts", "clients/index.ts", ".kubb/fetch.ts"],
    operations: "clients/index.ts",
  },
];

beforeAll(() => cpSync("test/fixtures/generators", project, { recursive: true }));

test.each(generators)(
  "$name generates a client from the spec, and it type-checks under strict",
  ({ output, command, files, operations }) => {
    const generated = spawnSync(node22, command, options);
    expect(generated.status, generated.stdout + generated.stderr).toBe(0);
    // hey-api exits 0 when it cannot read the spec, and warns about a spec it only partly understood,
    // both on stderr; none of them writes anything there on success.
    expect(generated.stderr).toBe("");
    for (const file of files) expect(existsSync(join(project, output, file)), `${output}/${file}`).toBe(true);
    // So that an empty list cannot pass.
    expect(operationIds).toContain("createCustomerQualification");
    const source = readFileSync(join(project, output, operations), "utf8");
    for (const operationId of operationIds) expect(source).toMatch(new RegExp(`\\b${operationId}\\b`));

    const checked = spawnSync(process.execPath, [tsc, "-p", `tsconfig.${output}.json`], options);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
  },
);
