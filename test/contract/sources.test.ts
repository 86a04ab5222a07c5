// Every element of the contract is traced to Microsoft's sources, or says why it has none
// (the rules are in scripts/sources.mjs; `node scripts/sources.mjs` prints the coverage).
import { describe, expect, test } from "vitest";
// @ts-expect-error: a plain ESM script without type declarations
import { elementsOf, enumsOf, sourceLink, tracingProblems, withRenderedSources } from "../../scripts/sources.mjs";
import { spec } from "../support/spec.js";

type Node = Record<string, any>;
const catalogue = spec["x-sources"] as Record<string, Node>;

describe("traceability", () => {
  test("every element names its sources or states an assumption, every enum value too, and every source is used", () => {
    expect(tracingProblems(spec)).toEqual([]);
  });

  test("the walk reaches every kind of element the contract has", () => {
    const kinds = new Set(elementsOf(spec).map((element: { kind: string }) => element.kind));
    expect([...kinds].sort()).toEqual([
      "example",
      "header",
      "operation",
      "parameter",
      "property",
      "request body",
      "response",
      "schema",
      "security scheme",
      "server",
    ]);
    expect(enumsOf(spec).length).toBeGreaterThanOrEqual(4);
  });

  // The check must be able to fail: each kind of gap, made in a copy of the spec, is reported.
  test.each([
    [
      "an operation without a source",
      (copy: Node) => delete copy.paths["/v1/customers/all/validations"].get["x-source"],
      "GET /v1/customers/all/validations: no x-source and no x-assumption",
    ],
    [
      "a property without a source",
      (copy: Node) => delete copy.components.schemas.CustomerQualification.properties.vettingReason["x-source"],
      "schema CustomerQualification.vettingReason: no x-source and no x-assumption",
    ],
    [
      "a named example without a source",
      (copy: Node) => delete copy.components.examples.QualificationsApproved["x-source"],
      "example QualificationsApproved: no x-source and no x-assumption",
    ],
    [
      "a header without a source",
      (copy: Node) => delete copy.components.headers["MS-CV"]["x-source"],
      "header MS-CV: no x-source and no x-assumption",
    ],
    [
      "an id that is not in the catalogue",
      (copy: Node) => (copy.components.parameters.XLocale["x-source"] = ["rest-headerz"]),
      'parameter XLocale: x-source names "rest-headerz", which is not in x-sources',
    ],
    [
      "an empty assumption",
      (copy: Node) => (copy.servers[2]["x-assumption"] = " "),
      "server http://127.0.0.1:4010: x-assumption must say why, in words",
    ],
    [
      "an enum value without a source",
      (copy: Node) => delete copy.components.schemas.EducationSegment["x-enum-sources"].K12,
      "enum value K12 has no entry in x-enum-sources",
    ],
    [
      "a source nothing names",
      (copy: Node) => (copy["x-sources"].unused = { title: "Unused", url: "https://example.invalid", seen: "2026" }),
      "x-sources unused: no element names it",
    ],
    [
      "a source without a date",
      (copy: Node) => delete copy["x-sources"]["error-codes"].seen,
      "x-sources error-codes: needs the date it was seen",
    ],
  ])("the check reports %s", (_name, breakIt, expected) => {
    const copy = structuredClone(spec);
    breakIt(copy);
    expect(tracingProblems(copy).join("\n")).toContain(expected);
  });

  test("the rendered reference lists each operation's sources as links, and the whole catalogue", () => {
    const rendered = withRenderedSources(spec);
    const get = rendered.paths["/v1/customers/{customer-tenant-id}/qualifications"].get;
    expect(get.description).toContain(
      `[${catalogue["get-qualifications"]!.title}](https://learn.microsoft.com/partner-center/developer/get-customer-qualification-asynchronous)`,
    );
    expect(get.description).toContain(`- Not in any source: ${get["x-assumption"]}`);
    for (const [id, entry] of Object.entries(catalogue))
      expect(rendered.info.description).toContain(`- \`${id}\`: [${entry.title}](${sourceLink(entry)})`);
    expect(sourceLink(catalogue["hu-reference"]!)).toBe(
      "https://github.com/isabella232/partner-center-sdk-pr.hu-hu/blob/0439c81e/develop/get-customer-qualification-asynchronous.md",
    );
  });
});

describe("what the fidelity audit asked for", () => {
  const get200 =
    spec.paths["/v1/customers/{customer-tenant-id}/qualifications"].get.responses["200"].content["application/json"];

  test("the GET's default example is a bare array, and the reference document's three wrapped examples keep their names", () => {
    const names = Object.keys(get200.examples);
    expect(names[0]).toBe("approvedArray");
    expect(Array.isArray(spec.components.examples.QualificationsApprovedArray.value)).toBe(true);
    for (const name of ["approved", "inReview", "denied"]) expect(names).toContain(name);
    expect(spec.components.schemas.CustomerQualificationsResponse.oneOf[0].$ref).toBe(
      "#/components/schemas/CustomerQualificationArray",
    );
    expect(spec.components.schemas.CustomerQualificationsResponse.description).toContain(
      "Updating to correct GET response contract",
    );
  });

  test("the create declares 201 with one qualification and 200 with the wrapper", () => {
    const responses = spec.paths["/v1/customers/{customer-tenant-id}/qualifications"].post.responses;
    expect(responses["201"].content["application/json"].schema.$ref).toBe("#/components/schemas/CustomerQualification");
    expect(responses["200"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/CustomerQualificationsEnvelope",
    );
  });

  test("the token URLs are URIs, their tenant is explained in words, and each flow names its Partner Center scope", () => {
    const { appOnly, appPlusUser } = spec.components.securitySchemes;
    const urls = [
      appOnly.flows.clientCredentials.tokenUrl,
      appPlusUser.flows.authorizationCode.tokenUrl,
      appPlusUser.flows.authorizationCode.authorizationUrl,
    ];
    for (const url of urls)
      expect(url).toMatch(/^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/(token|authorize)$/);
    for (const scheme of [appOnly, appPlusUser])
      expect(scheme.description).toMatch(/replaces? it with the tenant id|Replace `common` in `tokenUrl`/);
    expect(Object.keys(appOnly.flows.clientCredentials.scopes)).toEqual([
      "https://api.partnercenter.microsoft.com/.default",
    ]);
    expect(Object.keys(appPlusUser.flows.authorizationCode.scopes)).toEqual([
      "https://api.partnercenter.microsoft.com/user_impersonation",
    ]);
    expect(appOnly.description).toContain("graph.windows.net");
    expect(spec.servers[1].description).toContain("https://login.chinacloudapi.cn");
  });
});
