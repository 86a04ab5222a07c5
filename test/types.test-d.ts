// Pins the generated types and the client's signatures.
import { describe, expectTypeOf, test } from "vitest";
import {
  createQualificationsClient,
  isPartnerCenterClientError,
  isPartnerCenterError,
  PartnerCenterClientError,
  PartnerCenterError,
  vettingDate,
  type PartnerCenterErrorKind,
  type QualificationsClientOptions,
  type WaitForVettingOptions,
  type CallOptions,
  type CreateCallOptions,
  type CustomerQualification,
  type CustomerQualificationRequest,
  type paths,
  type Qualification,
  type ValidationCode,
  type VettingStatus,
} from "../src/client/index.js";

const client = createQualificationsClient({ accessToken: "token" });

describe("open value sets (decision 3)", () => {
  test("Qualification keeps every known value as a literal and accepts any other string", () => {
    expectTypeOf<Extract<Qualification, "Education">>().toEqualTypeOf<"Education">();
    expectTypeOf<Extract<Qualification, "GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None">>().toEqualTypeOf<
      "GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None"
    >();
    expectTypeOf<"SomethingNew">().toExtend<Qualification>();
    expectTypeOf<Qualification>().toExtend<string>();
    expectTypeOf<number>().not.toExtend<Qualification>();
  });

  test("VettingStatus keeps Approved, InReview and Denied and accepts any other string", () => {
    expectTypeOf<Extract<VettingStatus, "Approved" | "InReview" | "Denied">>().toEqualTypeOf<"Approved" | "InReview" | "Denied">();
    expectTypeOf<"Expired">().toExtend<VettingStatus>();
  });
});

describe("generated schema types", () => {
  test("CustomerQualification has both date spellings, optional (decision 2)", () => {
    expectTypeOf<CustomerQualification["qualification"]>().toEqualTypeOf<Qualification>();
    expectTypeOf<CustomerQualification>().toHaveProperty("vettingCreateDate");
    expectTypeOf<CustomerQualification>().toHaveProperty("vettingCreatedDate");
    expectTypeOf<{ qualification: "Education" }>().toExtend<CustomerQualification>();
  });

  test("a create request must satisfy decision 4", () => {
    expectTypeOf<{ qualification: "Education"; educationSegment: "K12" }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "GovernmentCommunityCloud"; validationCode: "123456" }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "StateOwnedEntity" }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "Education" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "GovernmentCommunityCloud" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "Nonprofit" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "Education"; educationSegment: "University" }>().not.toExtend<CustomerQualificationRequest>();
    // The website belongs to Education only.
    expectTypeOf<{ qualification: "Education"; educationSegment: "K12"; website: "contoso.edu" }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "StateOwnedEntity"; website: "contoso.gov" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "GovernmentCommunityCloud"; validationCode: "1"; website: "contoso.gov" }>().not.toExtend<CustomerQualificationRequest>();
  });

  test("ValidationCode follows the documented fields", () => {
    expectTypeOf<ValidationCode["maxCreates"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ValidationCode["validationId"]>().toEqualTypeOf<string | number | undefined>();
  });

  test("paths holds every operation of the contract", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<
      "/v1/customers/{customer-tenant-id}/qualifications" | "/v1/customers/all/validations" | "/v1/customers/{customer-tenant-id}/qualification"
    >();
    expectTypeOf<paths["/v1/customers/{customer-tenant-id}/qualifications"]["get"]["parameters"]["path"]>().toEqualTypeOf<{ "customer-tenant-id": string }>();
  });
});

describe("client signatures", () => {
  test("getCustomerQualifications returns an array of qualifications", () => {
    expectTypeOf(client.getCustomerQualifications).parameters.toEqualTypeOf<[customerTenantId: string, call?: CallOptions]>();
    expectTypeOf(client.getCustomerQualifications).returns.toEqualTypeOf<Promise<CustomerQualification[]>>();
  });

  test("createCustomerQualification takes a request and answers one qualification", () => {
    expectTypeOf(client.createCustomerQualification).parameters.toEqualTypeOf<
      [customerTenantId: string, request: CustomerQualificationRequest, call?: CreateCallOptions]
    >();
    expectTypeOf(client.createCustomerQualification).returns.toEqualTypeOf<Promise<CustomerQualification>>();
  });

  test("getValidationCodes returns the codes", () => {
    expectTypeOf(client.getValidationCodes).returns.toEqualTypeOf<Promise<ValidationCode[]>>();
  });

  test("the client does not offer the retired calls, but raw is typed by the generated paths", () => {
    expectTypeOf(client).not.toHaveProperty("getCustomerQualificationLegacy");
    expectTypeOf(client.raw.GET).parameter(0).toEqualTypeOf<"/v1/customers/{customer-tenant-id}/qualifications" | "/v1/customers/all/validations" | "/v1/customers/{customer-tenant-id}/qualification">();
  });

  test("waitForVetting takes a known or new qualification and answers one qualification", () => {
    expectTypeOf(client.waitForVetting).parameters.toEqualTypeOf<[customerTenantId: string, qualification: Qualification, wait?: WaitForVettingOptions]>();
    expectTypeOf(client.waitForVetting).returns.toEqualTypeOf<Promise<CustomerQualification>>();
    expectTypeOf<WaitForVettingOptions["onPoll"]>().toEqualTypeOf<((qualification: CustomerQualification | undefined) => void) | undefined>();
  });

  test("the options take a token or a token function, and retry settings or false", () => {
    expectTypeOf<{ accessToken: () => Promise<string> }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: "t"; retry: false }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: "t"; retry: { retries: 2; maxDelayMs: 1000 } }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ retry: false }>().not.toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: "t"; retry: true }>().not.toExtend<QualificationsClientOptions>();
  });

  test("the token function gets the attempt's signal, and may ignore it", () => {
    expectTypeOf<Parameters<Extract<QualificationsClientOptions["accessToken"], Function>>>().toEqualTypeOf<[options: { signal: AbortSignal }]>();
    expectTypeOf<{ accessToken: ({ signal }: { signal: AbortSignal }) => Promise<string> }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: () => string }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: (scope: string) => string }>().not.toExtend<QualificationsClientOptions>();
  });

  test("the size limit and the http permission are typed options", () => {
    expectTypeOf<QualificationsClientOptions["maxResponseBytes"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<QualificationsClientOptions["allowInsecureHttp"]>().toEqualTypeOf<boolean | undefined>();
  });

  test("the helpers narrow to the error classes", () => {
    const caught: unknown = undefined;
    if (isPartnerCenterError(caught)) expectTypeOf(caught).toEqualTypeOf<PartnerCenterError>();
    if (isPartnerCenterClientError(caught)) expectTypeOf(caught).toEqualTypeOf<PartnerCenterClientError>();
    expectTypeOf(isPartnerCenterError).parameters.toEqualTypeOf<[value: unknown]>();
  });

  test("vettingDate reads either spelling into a Date", () => {
    expectTypeOf(vettingDate).parameter(0).toExtend<{ vettingCreateDate?: string; vettingCreatedDate?: string }>();
    expectTypeOf(vettingDate).returns.toEqualTypeOf<Date | undefined>();
  });

  test("one error family, told apart by kind", () => {
    expectTypeOf<PartnerCenterErrorKind>().toEqualTypeOf<"http" | "timeout" | "network" | "aborted" | "invalid-response" | "response-too-large" | "invalid-argument" | "token">();
    expectTypeOf<PartnerCenterError>().toExtend<PartnerCenterClientError>();
    expectTypeOf<PartnerCenterError["kind"]>().toEqualTypeOf<"http">();
    expectTypeOf<PartnerCenterClientError["requestId"]>().toEqualTypeOf<string | undefined>();
  });

  test("PartnerCenterError carries status, code and description", () => {
    expectTypeOf<PartnerCenterError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<PartnerCenterError["code"]>().toEqualTypeOf<number | string | undefined>();
    expectTypeOf<PartnerCenterError["description"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PartnerCenterError>().toExtend<Error>();
    expectTypeOf<PartnerCenterError["retryAfter"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PartnerCenterError["isRetryable"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<PartnerCenterError["errorName"]>().toEqualTypeOf<string | undefined>();
  });
});
