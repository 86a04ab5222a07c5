// generated/ must be exactly what the spec in openapi/ produces now.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
