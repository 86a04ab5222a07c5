// The semver guard's rules on small git repositories that released v0.1.0 (the committed spec and API
// report), the current API given as files (--spec, --reports): each change with changesets of each size,
// and a clear refusal wherever the last release cannot be found in git or the input is bad. That it
// builds the current API from the code is shown by the release rehearsal (release.test.ts).
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

type Spec = Record<string, any>;
const execFileAsync = promisify(execFile);
const guardScript = resolve("scripts/check-api.mjs");
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
      spec.paths["/v1/customers/all/validations"].get.parameters = [
        { name: "region", in: "query", required: true, schema: { type: "string" } },
      ];
    },
  },
  // `required` as a boolean, on a parameter and on a request body.
  "making an optional parameter required": {
    needs: "major",
    change: (spec) => {
      spec.components.parameters.XLocale.required = true;
    },
  },
  "making a required request body optional": {
    needs: "minor",
    change: (spec) => {
      spec.paths["/v1/customers/{customer-tenant-id}/qualifications"].post.requestBody.required = false;
    },
  },
  "adding an optional response field": {
    needs: "minor",
    change: (spec) => {
      spec.components.schemas.CustomerQualification.properties.vettingUpdatedDate = {
        type: "string",
        format: "date-time",
      };
    },
  },
  // The required path parameter reused by $ref: rated as the parameter it points at.
  "reusing a required parameter by $ref in another operation": {
    needs: "major",
    change: (spec) => {
      spec.paths["/v1/customers/all/validations"].get.parameters = [
        { $ref: "#/components/parameters/CustomerTenantId" },
      ];
    },
  },
  "changing a description": {
    needs: "patch",
    change: (spec) => {
      spec.components.schemas.ValidationCode.properties.eTag.description =
        "The entity tag of the validation record, for concurrency checks.";
    },
  },
};

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

// A repository at the given version, tagged v<version> unless it is 0.0.0 (no release yet).
function repository(name: string, version = "0.1.0"): string {
  const dir = join(work, name.replace(/\W+/g, "-"));
  for (const folder of [".changeset", "generated", "api-report"]) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "partner-center-qualifications", version }));
  for (const file of [
    ".changeset/config.json",
    "generated/openapi.json",
    "api-report/partner-center-qualifications.api.md",
  ])
    copyFileSync(file, join(dir, file));
  git(dir, "init", "-q");
  git(dir, "add", "--all");
  git(dir, "commit", "-qm", `Release v${version}`);
  if (version !== "0.0.0") git(dir, "tag", `v${version}`);
  return dir;
}

// The released repository with a change to its spec and a pending changeset of the given size.
function changed(name: string, change: (spec: Spec) => void, bump: string | undefined): string {
  const dir = repository(`${name}-${bump ?? "none"}`);
  const specFile = join(dir, "generated/openapi.json");
  const spec = JSON.parse(readFileSync(specFile, "utf8"));
  change(spec);
  writeFileSync(specFile, JSON.stringify(spec, null, 2));
  if (bump)
    writeFileSync(
      join(dir, ".changeset/fixture.md"),
      `---\n"partner-center-qualifications": ${bump}\n---\n\n${name}\n`,
    );
  return dir;
}

// Asynchronous, so that the concurrent tests below run their guards side by side.
async function guard(dir: string, ...options: string[]): Promise<{ passed: boolean; output: string }> {
  const current = ["--spec", "generated/openapi.json", "--reports", "api-report"];
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [guardScript, ...current, ...options], {
      cwd: dir,
      encoding: "utf8",
    });
    return { passed: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { passed: false, output: stdout + stderr };
  }
}

const BUMPS = ["none", "patch", "minor", "major"] as const;

describe.concurrent.each(Object.entries(fixtures))("%s", (name, { needs, change }) => {
  test(`needs a ${needs} release, and passes with a ${needs} changeset`, { timeout: 30_000 }, async () => {
    const result = await guard(changed(name, change, needs));
    expect(result.output).toContain(`The changes need a ${needs} release; the pending changesets declare ${needs}`);
    expect(result.passed).toBe(true);
  });

  // The next smaller declaration is refused (so every smaller one is).
  const smaller = BUMPS[BUMPS.indexOf(needs) - 1]!;
  test(`fails with ${smaller}`, { timeout: 30_000 }, async () => {
    const result = await guard(changed(name, change, smaller === "none" ? undefined : smaller));
    expect(result.passed).toBe(false);
    expect(result.output).toContain(`add a changeset of type "${needs}"`);
  });
});

describe.concurrent("the guard", () => {
  test("refuses a breaking change that carries only a patch changeset", { timeout: 30_000 }, async () => {
    const result = await guard(
      changed("removing a response field", fixtures["removing a response field"]!.change, "patch"),
    );
    expect(result.passed).toBe(false);
    expect(result.output).toContain('add a changeset of type "major"');
  });

  test("needs nothing for an unchanged spec", { timeout: 30_000 }, async () => {
    const result = await guard(changed("unchanged", () => {}, undefined));
    expect(result.output).toContain("Changes since the last release, v0.1.0:");
    expect(result.output).toContain("need a none release");
    expect(result.passed).toBe(true);
  });

  test("an entry point's report added since the release is a minor change; one removed is a major one", {
    timeout: 30_000,
  }, async () => {
    const added = repository("entry point added");
    writeFileSync(
      join(added, "api-report/partner-center-qualifications-mock.api.md"),
      "export function startMock(options?: MockOptions): Promise<RunningMock>;\n",
    );
    const addedResult = await guard(added);
    expect(addedResult.output).toMatch(/^minor TypeScript: added {2}export function startMock\(/m);
    expect(addedResult.output).toContain("The changes need a minor release");

    const removed = repository("entry point removed");
    writeFileSync(
      join(removed, "api-report/partner-center-qualifications-mock.api.md"),
      "export function startMock(options?: MockOptions): Promise<RunningMock>;\n",
    );
    // Part of the release: the release commit amended and tagged again.
    git(removed, "add", "--all");
    git(removed, "commit", "-q", "--amend", "--no-edit");
    git(removed, "tag", "-f", "v0.1.0");
    rmSync(join(removed, "api-report/partner-center-qualifications-mock.api.md"));
    const removedResult = await guard(removed);
    expect(removedResult.output).toMatch(/^major TypeScript: removed or changed {2}export function startMock\(/m);
    expect(removedResult.output).toContain("The changes need a major release");
  });

  test("before the first release (version 0.0.0, no tag), needs a minor for everything", async () => {
    const result = await guard(repository("first release", "0.0.0"));
    expect(result.output).toContain("No release yet");
    expect(result.output).toContain("The changes need a minor release; the pending changesets declare none");
    expect(result.passed).toBe(false);
  });

  // npm run version raises the version and consumes the changesets: the raise is the bump it declares.
  test.each([
    ["0.1.1", "patch", false],
    ["0.2.0", "minor", false],
    ["1.0.0", "major", true],
  ] as const)(
    "a removed response field with the version raised to %s (a %s) passes: %s",
    async (version, bump, passes) => {
      const dir = changed(`raised to ${version}`, fixtures["removing a response field"]!.change, undefined);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "partner-center-qualifications", version }));
      const result = await guard(dir);
      expect(result.output).toContain(
        `The changes need a major release; the pending changesets declare ${bump} (with the version ${version} since v0.1.0)`,
      );
      expect(result.passed).toBe(passes);
    },
  );

  test("refuses a package.json version below the tagged last release", async () => {
    const dir = repository("version lowered");
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "partner-center-qualifications", version: "0.0.9" }),
    );
    const result = await guard(dir);
    expect(result.passed).toBe(false);
    expect(result.output).toContain("check:api failed: package.json says 0.0.9, but the last release is v0.1.0");
  });

  // npm run release passes --first-release once the registry has confirmed that nothing is published.
  test("with --first-release, a version and no tag is the first release, declared by its version", async () => {
    const dir = repository("first release applied", "0.0.0");
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "partner-center-qualifications", version: "0.1.0" }),
    );
    const result = await guard(dir, "--first-release");
    expect(result.output).toContain(
      "The changes need a minor release; the pending changesets declare minor (with the version 0.1.0 since 0.0.0)",
    );
    expect(result.passed).toBe(true);
  });

  test("refuses --spec without --reports", async () => {
    const dir = repository("half the current API");
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [guardScript, "--spec", "generated/openapi.json"],
      {
        cwd: dir,
        encoding: "utf8",
      },
    ).catch((error: { stdout: string; stderr: string }) => error);
    expect(stdout + stderr).toContain("check:api failed: --spec and --reports go together");
  });

  test("package.json: an entry point, a command or a peer range taken back needs a major; one added a minor", async () => {
    const promises = (pkg: Record<string, unknown>) => ({
      name: "partner-center-qualifications",
      version: "0.1.0",
      engines: { node: ">=20" },
      peerDependencies: { msw: "^2.10.5 || ^3" },
      peerDependenciesMeta: { msw: { optional: true } },
      ...pkg,
    });
    const dir = repository("package promises");
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify(
        promises({ exports: { ".": { import: "./a.js" }, "./msw": { import: "./m.js" } }, bin: { mock: "m" } }),
      ),
    );
    git(dir, "add", "--all");
    git(dir, "commit", "-q", "--amend", "--no-edit");
    git(dir, "tag", "-f", "v0.1.0");
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify(
        promises({
          exports: { ".": { import: "./a.js", require: "./a.cjs" } },
          engines: { node: ">=22" },
          peerDependencies: { msw: "^2.10.5 || ^3 || ^4" },
        }),
      ),
    );
    const result = await guard(dir);
    expect(result.output).toMatch(/^major package\.json: removed entry point \.\/msw › import /m);
    expect(result.output).toMatch(/^minor package\.json: added entry point \. › require /m);
    expect(result.output).toMatch(/^major package\.json: removed command mock /m);
    expect(result.output).toMatch(/^major package\.json: Node versions \(engines\.node\) >=20 → >=22 /m);
    expect(result.output).toMatch(/^minor package\.json: peer dependency msw \^2\.10\.5 \|\| \^3 → .* \(widened\)/m);
    expect(result.output).toContain("The changes need a major release");
  });

  test("refuses a changeset that names another package", async () => {
    const dir = repository("stranger");
    writeFileSync(join(dir, ".changeset/typo.md"), `---\n"partner-center-qualification": major\n---\n\nA typo.\n`);
    const result = await guard(dir);
    expect(result.passed).toBe(false);
    expect(result.output).toContain(
      'check:api failed: a pending changeset names "partner-center-qualification", but this package is "partner-center-qualifications"',
    );
  });

  // The release check names the registry's newest release, so a tag made by hand cannot stand in for it.
  test("--since names the last release, whatever newer tags say", async () => {
    const dir = changed("tagged by hand", fixtures["removing a response field"]!.change, undefined);
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "partner-center-qualifications", version: "0.1.1" }),
    );
    git(dir, "add", "--all");
    git(dir, "commit", "-qm", "Release v0.1.1, by hand");
    git(dir, "tag", "v0.1.1");
    expect((await guard(dir)).passed).toBe(true);
    const result = await guard(dir, "--since", "v0.1.0");
    expect(result.output).toContain("Changes since the last release, v0.1.0:");
    expect(result.output).toContain("need a major release; the pending changesets declare patch");
    expect(result.passed).toBe(false);
    expect((await guard(dir, "--since", "v9.9.9")).output).toContain(
      "check:api failed: v9.9.9 is not a tag in HEAD's history",
    );
  });

  test("refuses a clone without tags", async () => {
    const tagless = join(work, "tagless");
    execFileSync("git", ["clone", "-q", "--no-tags", repository("tagged"), tagless]);
    const result = await guard(tagless);
    expect(result.passed).toBe(false);
    expect(result.output).toContain(
      "check:api failed: package.json says 0.1.0, but no release tag is in this clone: fetch them (git fetch --tags)",
    );
  });

  test("refuses a shallow clone that does not reach the release tag", async () => {
    const dir = repository("released then changed");
    git(dir, "commit", "-q", "--allow-empty", "-m", "a change after the release");
    const shallow = join(work, "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, shallow]);
    const result = await guard(shallow);
    expect(result.passed).toBe(false);
    expect(result.output).toContain("check:api failed: this is a shallow clone and no release tag is in its history");
    expect(result.output).toContain("git fetch --unshallow --tags");
  });

  test("refuses a malformed changeset with the reason", async () => {
    const dir = repository("malformed changeset");
    writeFileSync(join(dir, ".changeset/typo.md"), `---\n"partner-center-qualifications": majr\n---\n\nA typo.\n`);
    const result = await guard(dir);
    expect(result.passed).toBe(false);
    expect(result.output).toContain("check:api failed: a pending changeset in .changeset/ cannot be read");
    expect(result.output).toContain('invalid version type "majr"');
  });

  test("refuses to run outside a git repository", async () => {
    const dir = join(work, "not a repository");
    mkdirSync(join(dir, ".changeset"), { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "partner-center-qualifications", version: "0.0.0" }),
    );
    const result = await guard(dir);
    expect(result.passed).toBe(false);
    expect(result.output).toMatch(/check:api failed: git tag .* failed: fatal: not a git repository/);
  });
});

test("the repository as it stands passes", { timeout: 30_000 }, () => {
  const output = execFileSync(process.execPath, [guardScript], { encoding: "utf8" });
  expect(output).toMatch(/The changes need a (none|patch|minor|major) release; the pending changesets declare/);
});
