// The semver guard on fixture specs: each change against the committed spec, with changesets of each size.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

type Spec = Record<string, any>;
const execFileAsync = promisify(execFile);
const base = resolve("generated/openapi.json");
const work = mkdtempSync(join(tmpdir(), "pcq-check-api-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixtures: Record<string, { needs: "major" | "minor" | "patch"; change: (spec: Spec) => void }> = {
  "removing a response field": {
    needs: "major",
    change: (spec) => delete spec.components.schemas.CustomerQualification.properties.vettingReason,
  },
  "adding a required request field": {
    needs: "major",
    change: (spec) => {
      const request = spec.components.schemas.StateOwnedEntityQualificationRequest;
      request.properties.country = { type: "string" };
      request.required.push("country");
    },
  },
  "adding a required parameter": {
    needs: "major",
    change: (spec) => {
      spec.paths["/v1/customers/all/validations"].get.parameters = [{ name: "region", in: "query", required: true, schema: { type: "string" } }];
    },
  },
  "adding an optional response field": {
    needs: "minor",
    change: (spec) => {
      spec.components.schemas.CustomerQualification.properties.vettingUpdatedDate = { type: "string", format: "date-time" };
    },
  },
  "changing a description": {
    needs: "patch",
    change: (spec) => {
      spec.components.schemas.ValidationCode.properties.eTag.description = "The entity tag of the validation record, for concurrency checks.";
    },
  },
};

// A project with the given pending changeset, and the fixture spec as the spec now.
function project(name: string, change: (spec: Spec) => void, bump: string | undefined): string {
  const dir = join(work, `${name.replace(/\W+/g, "-")}-${bump ?? "none"}`);
  mkdirSync(join(dir, ".changeset"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "partner-center-qualifications", version: "0.1.0" }));
  writeFileSync(join(dir, ".changeset/config.json"), readFileSync(".changeset/config.json"));
  if (bump) writeFileSync(join(dir, ".changeset/fixture.md"), `---\n"partner-center-qualifications": ${bump}\n---\n\n${name}\n`);
  const spec = JSON.parse(readFileSync(base, "utf8"));
  change(spec);
  writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec, null, 2));
  return dir;
}

// Asynchronous, so that the concurrent tests below run their guards side by side.
async function guard(dir: string): Promise<{ passed: boolean; output: string }> {
  try {
    const { stdout } = await execFileAsync(process.execPath, ["scripts/check-api.mjs", "--base", base, "--revision", join(dir, "openapi.json"), "--cwd", dir], { encoding: "utf8" });
    return { passed: true, output: stdout };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { passed: false, output: stdout + stderr };
  }
}

const BUMPS = ["none", "patch", "minor", "major"] as const;

describe.concurrent.each(Object.entries(fixtures))("%s", (name, { needs, change }) => {
  test(`needs a ${needs} release, and passes with a ${needs} changeset`, { timeout: 30_000 }, async () => {
    const result = await guard(project(name, change, needs));
    expect(result.output).toContain(`The contract's changes need a ${needs} release; the pending changesets declare ${needs}`);
    expect(result.passed).toBe(true);
  });

  // The next smaller declaration is refused (so every smaller one is).
  const smaller = BUMPS[BUMPS.indexOf(needs) - 1]!;
  test(`fails with ${smaller}`, { timeout: 30_000 }, async () => {
    const result = await guard(project(name, change, smaller === "none" ? undefined : smaller));
    expect(result.passed).toBe(false);
    expect(result.output).toContain(`add a changeset of type "${needs}"`);
  });
});

test("a breaking change that carries only a patch changeset is refused", { timeout: 30_000 }, async () => {
  const result = await guard(project("removing a response field", fixtures["removing a response field"]!.change, "patch"));
  expect(result.passed).toBe(false);
  expect(result.output).toContain('add a changeset of type "major"');
});

test("an unchanged spec needs nothing", { timeout: 30_000 }, async () => {
  const result = await guard(project("unchanged", () => {}, undefined));
  expect(result).toMatchObject({ passed: true });
  expect(result.output).toContain("need a none release");
});

test("main as it stands passes", { timeout: 30_000 }, () => {
  const output = execFileSync(process.execPath, ["scripts/check-api.mjs"], { encoding: "utf8" });
  expect(output).toMatch(/The contract's changes need a (none|patch|minor|major) release; the pending changesets declare/);
});
