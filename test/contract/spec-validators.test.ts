// The shipped bundle passes the official OpenAPI schema and has no Spectral error under `spectral:oas`
// (scripts/validate-spec.mjs, run by npm run lint). Each check must be able to fail: a defect of its kind,
// made in a copy of the bundle, is reported where it is, and npm run lint fails on it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { afterAll, describe, expect, test } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { BUNDLES, bundleProblems, officialSchemaProblems, spectralProblems } from "../../scripts/validate-spec.mjs";

type Node = Record<string, any>;
interface Problem {
  severity?: string;
  rule: string;
  path: string;
  message: string;
}

const work = mkdtempSync(join(tmpdir(), "pcq-spec-validators-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundle with `change` made to it, written as `name` (JSON or YAML by its extension). */
function brokenCopy(name: string, change: (spec: Node) => void): string {
  const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8"));
  change(spec);
  const file = join(work, name);
  writeFileSync(file, name.endsWith(".json") ? JSON.stringify(spec, null, 2) : stringify(spec));
  return file;
}

const TENANT_TOKEN_URL = "https://login.microsoftonline.com/{tenantId}/oauth2/token";
const withTenantInTokenUrl = (spec: Node) =>
  (spec.components.securitySchemes.appOnly.flows.clientCredentials.tokenUrl = TENANT_TOKEN_URL);
const withDuplicateOperationId = (spec: Node) =>
  (spec.paths["/v1/customers/{customer-tenant-id}/qualifications"].post.operationId =
    spec.paths["/v1/customers/{customer-tenant-id}/qualifications"].get.operationId);

describe("the committed bundle", () => {
  test.each(BUNDLES as string[])("%s passes the official OpenAPI schema", async (file) => {
    expect(await officialSchemaProblems(file)).toEqual([]);
  });

  test.each(BUNDLES as string[])("%s has no error under Spectral's spectral:oas", async (file) => {
    const problems: Problem[] = await spectralProblems(file);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });
});

describe("the official OpenAPI schema", () => {
  test.each(["json", "yaml"])(
    "refuses an OAuth2 tokenUrl with {tenantId} in it, which is no URI, in the %s form",
    async (extension) => {
      const file = brokenCopy(`tenant-in-token-url.${extension}`, withTenantInTokenUrl);
      expect(await officialSchemaProblems(file)).toContainEqual({
        rule: "format",
        path: "/components/securitySchemes/appOnly/flows/clientCredentials/tokenUrl",
        message: 'must match format "uri-reference"',
      });
    },
  );

  test("refuses a response without a description", async () => {
    const file = brokenCopy(
      "response-without-description.json",
      (spec) => delete spec.paths["/v1/customers/all/validations"].get.responses["200"].description,
    );
    expect(await officialSchemaProblems(file)).toContainEqual({
      rule: "required",
      path: "/paths/~1v1~1customers~1all~1validations/get/responses/200",
      message: "must have required property 'description'",
    });
  });
});

describe("Spectral's spectral:oas", () => {
  test("reports two operations with the same operationId as an error", async () => {
    const file = brokenCopy("duplicate-operation-id.json", withDuplicateOperationId);
    expect(await spectralProblems(file)).toContainEqual({
      severity: "error",
      rule: "operation-operationId-unique",
      path: "/paths/~1v1~1customers~1{customer-tenant-id}~1qualifications/post/operationId",
      message: 'Every operation must have unique "operationId".',
    });
  });

  test("reports a path parameter that the operation does not declare as an error", async () => {
    const file = brokenCopy("undeclared-path-parameter.json", (spec) => {
      spec.paths["/v1/partners/{partner-id}/validations"] = spec.paths["/v1/customers/all/validations"];
      delete spec.paths["/v1/customers/all/validations"];
    });
    expect(await spectralProblems(file)).toContainEqual({
      severity: "error",
      rule: "path-params",
      path: "/paths/~1v1~1partners~1{partner-id}~1validations/get",
      message:
        'Operation must define parameter "{partner-id}" as expected by path "/v1/partners/{partner-id}/validations".',
    });
  });

  test("a warning is shown but does not fail", async () => {
    const file = brokenCopy("info-without-description.json", (spec) => delete spec.info.description);
    const { failed, lines } = await bundleProblems([file]);
    expect(failed).toBe(false);
    expect(lines).toContain(
      `${file} /info: Info "description" must be present and non-empty string. (Spectral warning, info-description)`,
    );
  });
});

describe("npm run lint", () => {
  // lint.mjs in a directory of its own, with this repository's sources and packages and a broken bundle.
  test("fails and names each problem when the bundle breaks the official schema and has a Spectral error", {
    timeout: 60_000,
  }, () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, "scripts"), { recursive: true });
    for (const script of ["lint.mjs", "redocly.mjs", "validate-spec.mjs"])
      cpSync(join("scripts", script), join(repo, "scripts", script));
    cpSync("redocly.yaml", join(repo, "redocly.yaml"));
    cpSync("openapi", join(repo, "openapi"), { recursive: true });
    symlinkSync(resolve("node_modules"), join(repo, "node_modules"));
    const broken = (spec: Node) => {
      withTenantInTokenUrl(spec);
      withDuplicateOperationId(spec);
    };
    mkdirSync(join(repo, "generated"));
    for (const bundle of BUNDLES as string[])
      cpSync(brokenCopy(bundle.replace("generated/", "lint-"), broken), join(repo, bundle));

    // spawnSync returns once the child has ended; past the timeout it kills it first.
    const lint = spawnSync(process.execPath, ["scripts/lint.mjs"], { cwd: repo, encoding: "utf8", timeout: 50_000 });
    expect(lint.status).toBe(1);
    const bundles = BUNDLES.join(", ");
    expect(lint.stderr).toContain(
      `${bundles} /components/securitySchemes/appOnly/flows/clientCredentials/tokenUrl: must match format "uri-reference" (official OpenAPI schema, format)`,
    );
    expect(lint.stderr).toContain(
      `${bundles} /paths/~1v1~1customers~1{customer-tenant-id}~1qualifications/post/operationId: Every operation must have unique "operationId". (Spectral error, operation-operationId-unique)`,
    );
  });
});
