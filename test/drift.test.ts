// generated/ must be exactly what the spec in openapi/ produces now.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const fresh = mkdtempSync(join(tmpdir(), "pcq-generated-"));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe("generated/ is in sync with openapi/", () => {
  test("bundling and generating again reproduces every committed file", { timeout: 60_000 }, () => {
    for (const script of ["scripts/bundle.mjs", "scripts/generate.mjs"]) {
      execFileSync(process.execPath, [script, fresh], { stdio: "pipe" });
    }
    const committed = readdirSync("generated").sort();
    expect(readdirSync(fresh).sort()).toEqual(committed);
    expect(committed).toEqual(expect.arrayContaining(["openapi.json", "openapi.yaml", "schema.d.ts"]));
    for (const file of committed) {
      const message = `generated/${file} differs from what the spec produces: run npm run bundle && npm run generate`;
      expect(readFileSync(join("generated", file), "utf8"), message).toBe(readFileSync(join(fresh, file), "utf8"));
    }
  });
});

// src/client/schema.ts checks only the keywords the spec uses: a spec that starts using another must stop
// generation, or the client would accept a body that breaks it.
test("generation refuses a spec that uses a keyword the schema checker does not check", () => {
  const dir = mkdtempSync(join(tmpdir(), "pcq-unevaluated-"));
  try {
    const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8"));
    spec.components.schemas.ValidationCode.unevaluatedProperties = false;
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
    expect(() => execFileSync(process.execPath, ["scripts/generate.mjs", dir], { stdio: "pipe" })).toThrow(/the spec uses unevaluatedProperties \(in ValidationCode\), which src\/client\/schema.ts does not check/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
