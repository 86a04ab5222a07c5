// What an editor shows on hover: the names of the client's types, not their members spelled out.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { expect, test } from "vitest";

const probe = resolve("test/package/hover-probe.ts");
const code = `
import { createQualificationsClient, isPartnerCenterClientError } from "../../src/client/index.js";
const client = createQualificationsClient({ accessToken: "t" });
const qualifications = await client.getCustomerQualifications("id");
const created = await client.createCustomerQualification("id", { qualification: "StateOwnedEntity" });
const codes = await client.getValidationCodes();
const answer = await client.withResponse.getCustomerQualifications("id");
declare const caught: unknown;
if (isPartnerCenterClientError(caught) && caught.kind === "http") { const body = caught.body; }
`;

test("hovers name the client's types", { timeout: 60_000 }, () => {
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [probe],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => ts.ScriptSnapshot.fromString(file === probe ? code : readFileSync(file, "utf8")),
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === probe || ts.sys.fileExists(file),
    readFile: (file) => (file === probe ? code : ts.sys.readFile(file)),
  };
  const service = ts.createLanguageService(host);
  const hover = (name: string) => {
    const info = service.getQuickInfoAtPosition(probe, code.indexOf(`const ${name} `) + "const ".length);
    return ts.displayPartsToString(info?.displayParts);
  };
  expect(["client", "qualifications", "created", "codes", "answer", "body"].map(hover)).toEqual([
    "const client: QualificationsClient",
    "const qualifications: CustomerQualification[]",
    "const created: CustomerQualification",
    "const codes: ValidationCode[]",
    "const answer: WithResponse<CustomerQualification[]>",
    "const body: PartnerCenterErrorBody",
  ]);
});
