// The GitHub workflows, checked offline: each file against GitHub's workflow schema (action-validator, from
// the npm registry), and what each must do to run this repository's own commands.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";

const VALIDATOR = resolve("node_modules/@action-validator/cli/cli.mjs");
const FOLDER = ".github/workflows";
const files = readdirSync(FOLDER).filter((file) => /\.ya?ml$/.test(file));
const scratch = mkdtempSync(join(tmpdir(), "pcq-workflows-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(file: string) {
  return spawnSync(process.execPath, [VALIDATOR, file], { encoding: "utf8" });
}

const workflow = (name: string): any => parse(readFileSync(join(FOLDER, name), "utf8"));
const steps = (name: string): any[] => Object.values(workflow(name).jobs).flatMap((job: any) => job.steps);
const scripts: Record<string, string> = JSON.parse(readFileSync("package.json", "utf8")).scripts;

test("the repository has its CI, release and docs workflows", () => {
  expect(files.sort()).toEqual(["ci.yml", "docs.yml", "release.yml"]);
});

test.each(files)("%s is a valid workflow", (file) => {
  const result = validate(join(FOLDER, file));
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("the validator refuses a misspelt key, so the check above can fail", () => {
  const broken = join(scratch, "broken.yml");
  writeFileSync(broken, readFileSync(join(FOLDER, "ci.yml"), "utf8").replace("runs-on:", "run-on:"));
  const result = validate(broken);
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain("Additional property 'run-on' is not allowed");
});

describe("ci.yml", () => {
  test("runs .ci/run in a Debian 12 container, with the tags, on pushes to main and pull requests", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    expect(ci.jobs.test.container).toBe("debian:12");
    expect(steps("ci.yml").at(-1).run).toBe("bash .ci/run");
    expect(steps("ci.yml").find((step) => step.uses?.startsWith("actions/checkout@")).with["fetch-depth"]).toBe(0);
  });
});

describe("release.yml", () => {
  const release = workflow("release.yml");
  const changesets = steps("release.yml").find((step) => step.uses?.startsWith("changesets/action@"));

  test("runs once CI has passed on a push to main, on the commit CI tested", () => {
    expect(release.on.workflow_run).toEqual({ workflows: ["ci"], types: ["completed"], branches: ["main"] });
    expect(release.jobs.release.if).toContain("github.event.workflow_run.conclusion == 'success'");
    const checkout = steps("release.yml").find((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkout.with.ref).toBe("${{ github.event.workflow_run.head_sha }}");
  });

  test("may publish with trusted publishing: an OIDC token for its job only, with provenance, on Node 24", () => {
    expect(release.permissions).toEqual({});
    expect(release.jobs.release.permissions["id-token"]).toBe("write");
    expect(changesets.env.NPM_CONFIG_PROVENANCE).toBe("true");
    const node = steps("release.yml").find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(node.with["node-version"]).toBe(24);
    // setup-node's registry-url writes a placeholder token, which may keep npm from asking for an OIDC one.
    expect(node.with["registry-url"]).toBeUndefined();
    // No token: trusted publishing needs none, and a long-lived one would be a secret to leak.
    expect(JSON.stringify(release)).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN/);
  });

  test("versions and publishes with this repository's scripts, and the guard sees the tags", () => {
    expect(changesets.with["version-script"]).toBe("npm run version -- --no-commit");
    expect(changesets.with["publish-script"]).toBe("npm run release");
    expect(scripts.version).toBe("node scripts/version.mjs");
    expect(scripts.release).toBe("node scripts/release.mjs");
    expect(steps("release.yml").find((step) => step.uses?.startsWith("actions/checkout@")).with["fetch-depth"]).toBe(0);
  });

  test("attaches the SBOM of npm run sbom to the release it published", () => {
    const sbom = steps("release.yml").at(-1);
    expect(sbom.if).toBe("steps.changesets.outputs.published == 'true'");
    expect(sbom.run).toContain("npm run --silent sbom >");
    expect(sbom.run).toContain('gh release upload "v$version"');
  });
});

test("npm run sbom writes a CycloneDX SBOM of the package and its runtime dependencies only", () => {
  const bom = JSON.parse(execFileSync("npm", ["run", "--silent", "sbom"], { encoding: "utf8" }));
  expect(bom.bomFormat).toBe("CycloneDX");
  expect(bom.metadata.component.purl).toMatch(/^pkg:npm\/partner-center-qualifications@/);
  expect(bom.metadata.component.name).toBe("partner-center-qualifications");
  const names = bom.components.map((component: { name: string }) => component.name);
  expect(names).toContain("openapi-fetch");
  expect(names).not.toContain("vitest");
});
