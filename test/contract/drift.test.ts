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

// src/contract/schema.ts checks only what the spec uses: a spec that starts using another keyword, type,
// format or kind of enum value must stop generation, or the client would check it wrongly.
test.each([
  ["a keyword", (schema: Record<string, unknown>) => (schema.unevaluatedProperties = false), "unevaluatedProperties"],
  ["a type", (schema: Record<string, unknown>) => (schema.type = ["object", "number"]), "type number"],
  [
    "a format",
    (schema: Record<string, unknown>) =>
      ((schema.properties as Record<string, Record<string, unknown>>).eTag!.format = "uri"),
    "format uri",
  ],
  [
    "an object as an enum value",
    (schema: Record<string, unknown>) =>
      ((schema.properties as Record<string, Record<string, unknown>>).eTag!.enum = [{ a: 1 }]),
    "an object or array as an enum or const value",
  ],
])("generation refuses a spec that uses %s the schema checker does not check", (_what, change, named) => {
  const dir = mkdtempSync(join(tmpdir(), "pcq-unchecked-"));
  try {
    const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8"));
    change(spec.components.schemas.ValidationCode);
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
    const message = `the spec uses ${named} (in ValidationCode), which src/contract/schema.ts does not check`;
    expect(() => execFileSync(process.execPath, ["scripts/generate.mjs", dir], { stdio: "pipe" })).toThrow(message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
