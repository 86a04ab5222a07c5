// Pins the generated types and the client's signatures.
import type { ClientSecretCredential } from "@azure/identity";
import type { TokenCredential as AzureTokenCredential } from "@azure/core-auth";
import type { HttpHandler } from "msw";
import type { Tracer as OpenTelemetryTracer } from "@opentelemetry/api";
import { describe, expectTypeOf, test } from "vitest";
import type { operations } from "../../generated/schema.js";
import { contractHandler, type ContractResponse } from "../../src/mock/msw-http.js";
import { createQualificationsHandlers } from "../../src/mock/msw.js";
import { startMock, type Engine, type RunningMock, type RunningStatefulMock } from "../../src/mock/index.js";
import {
  createQualificationsClient,
  isPartnerCenterClientError,
  isPartnerCenterError,
  type PartnerCenterClientError,
  type PartnerCenterError,
  vettingDate,
  isKnownVettingStatus,
  KnownVettingStatus,
  type KnownQualification,
  type AttemptEvent,
  type ErrorBody,
  type ThrottlingErrorBody,
  type PartnerCenterErrorBody,
  type RetryEvent,
  type ResponseEvent,
  type TokenCredential,
  type WithResponse,
  type AnyPartnerCenterClientError,
  type PartnerCenterErrorKind,
  type QualificationsClientOptions,
  type WaitForVettingOptions,
  type CallOptions,
  type CreateCallOptions,
  type CustomerQualification,
  type CustomerQualificationRequest,
  type paths,
  type Qualification,
  type CreatableQualification,
  type GccValidationRelationship,
  type ValidationCode,
  type VettingStatus,
} from "../../src/client/index.js";

const client = createQualificationsClient({ accessToken: "token" });

describe("open value sets (decision 3)", () => {
  test("Qualification keeps every known value as a literal and accepts any other string", () => {
    expectTypeOf<Extract<Qualification, "Education">>().toEqualTypeOf<"Education">();
    expectTypeOf<
      Extract<Qualification, "GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None">
    >().toEqualTypeOf<"GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None">();
    expectTypeOf<"SomethingNew">().toExtend<Qualification>();
    expectTypeOf<Qualification>().toExtend<string>();
    expectTypeOf<number>().not.toExtend<Qualification>();
  });

  test("VettingStatus keeps Approved, InReview and Denied and accepts any other string", () => {
    expectTypeOf<Extract<VettingStatus, "Approved" | "InReview" | "Denied">>().toEqualTypeOf<
      "Approved" | "InReview" | "Denied"
    >();
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
    expectTypeOf<{
      qualification: "GovernmentCommunityCloud";
      validationCode: "123456";
    }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "StateOwnedEntity" }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "Education" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "GovernmentCommunityCloud" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "Nonprofit" }>().not.toExtend<CustomerQualificationRequest>();
    expectTypeOf<{
      qualification: "Education";
      educationSegment: "University";
    }>().not.toExtend<CustomerQualificationRequest>();
    // The types offer the website on Education only; elsewhere the service ignores it, so a literal that
    // writes one there is an excess property, while a wider object that carries one is still a request.
    expectTypeOf<{
      qualification: "Education";
      educationSegment: "K12";
      website: "contoso.edu";
    }>().toExtend<CustomerQualificationRequest>();
    expectTypeOf<{ qualification: "StateOwnedEntity"; website: string }>().toExtend<CustomerQualificationRequest>();
    // @ts-expect-error website is not offered on a state-owned entity request
    const stateOwned: CustomerQualificationRequest = { qualification: "StateOwnedEntity", website: "contoso.gov" };
    const gcc: CustomerQualificationRequest = {
      qualification: "GovernmentCommunityCloud",
      validationCode: "1",
      // @ts-expect-error website is not offered on a GCC request
      website: "contoso.gov",
    };
    expectTypeOf([stateOwned, gcc]).items.toEqualTypeOf<CustomerQualificationRequest>();
  });

  test("ValidationCode follows the documented fields", () => {
    expectTypeOf<ValidationCode["maxCreates"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<ValidationCode["validationId"]>().toEqualTypeOf<string | number | undefined>();
  });

  test("paths holds every operation of the contract", () => {
    expectTypeOf<keyof paths>().toEqualTypeOf<
      | "/v1/customers/{customer-tenant-id}/qualifications"
      | "/v1/customers/all/validations"
      | "/v1/customers/{customer-tenant-id}/validations"
      | "/v1/customers/{customer-tenant-id}/qualification"
    >();
    expectTypeOf<
      paths["/v1/customers/{customer-tenant-id}/qualifications"]["get"]["parameters"]["path"]
    >().toEqualTypeOf<{ "customer-tenant-id": string }>();
  });
});

describe("client signatures", () => {
  test("getCustomerQualifications returns an array of qualifications", () => {
    expectTypeOf(client.getCustomerQualifications).parameters.toEqualTypeOf<
      [customerTenantId: string, call?: CallOptions]
    >();
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

  test("getCustomerValidation takes a customer and returns the validation its GCC qualification used", () => {
    expectTypeOf(client.getCustomerValidation).parameters.toEqualTypeOf<
      [customerTenantId: string, call?: CallOptions]
    >();
    expectTypeOf(client.getCustomerValidation).returns.toEqualTypeOf<Promise<GccValidationRelationship>>();
    expectTypeOf<GccValidationRelationship["validationId"]>().toEqualTypeOf<string | undefined>();
  });

  test("the client does not offer the retired calls, but raw is typed by the generated paths", () => {
    expectTypeOf(client).not.toHaveProperty("getCustomerQualificationLegacy");
    expectTypeOf(client.raw.GET)
      .parameter(0)
      .toEqualTypeOf<
        | "/v1/customers/{customer-tenant-id}/qualifications"
        | "/v1/customers/all/validations"
        | "/v1/customers/{customer-tenant-id}/validations"
        | "/v1/customers/{customer-tenant-id}/qualification"
      >();
  });

  test("the tracer option takes OpenTelemetry's own Tracer", () => {
    expectTypeOf<OpenTelemetryTracer>().toExtend<NonNullable<QualificationsClientOptions["tracer"]>>();
    expectTypeOf<{ startSpan: string }>().not.toExtend<NonNullable<QualificationsClientOptions["tracer"]>>();
  });

  test("waitForVetting takes a qualification the client can create, another only by a cast", () => {
    expectTypeOf(client.waitForVetting).parameters.toEqualTypeOf<
      [customerTenantId: string, qualification: CreatableQualification, wait?: WaitForVettingOptions]
    >();
    expectTypeOf<CreatableQualification>().toEqualTypeOf<
      "Education" | "GovernmentCommunityCloud" | "StateOwnedEntity"
    >();
    // @ts-expect-error a misspelt qualification does not compile
    void client.waitForVetting("t", "Educaton");
    void client.waitForVetting("t", "Nonprofit" as string as CreatableQualification);
    expectTypeOf(client.waitForVetting).returns.toEqualTypeOf<Promise<CustomerQualification>>();
    expectTypeOf<WaitForVettingOptions["onPoll"]>().toEqualTypeOf<
      ((qualification: CustomerQualification | undefined) => void) | undefined
    >();
  });

  test("the options take a token or a token function, and retry settings or false", () => {
    expectTypeOf<{ accessToken: () => Promise<string> }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: "t"; retry: false }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{
      accessToken: "t";
      retry: { retries: 2; maxDelayMs: 1000 };
    }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ retry: false }>().not.toExtend<QualificationsClientOptions>();
    expectTypeOf<{ accessToken: "t"; retry: true }>().not.toExtend<QualificationsClientOptions>();
  });

  test("the token function gets the attempt's signal, and may ignore it", () => {
    expectTypeOf<Parameters<Extract<QualificationsClientOptions["accessToken"], Function>>>().toEqualTypeOf<
      [options: { signal: AbortSignal }]
    >();
    expectTypeOf<{
      accessToken: ({ signal }: { signal: AbortSignal }) => Promise<string>;
    }>().toExtend<QualificationsClientOptions>();
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
    if (isPartnerCenterClientError(caught)) expectTypeOf(caught).toEqualTypeOf<AnyPartnerCenterClientError>();
    expectTypeOf(isPartnerCenterError).parameters.toEqualTypeOf<[value: unknown]>();
  });

  test("vettingDate reads either spelling into a Date", () => {
    expectTypeOf(vettingDate).parameter(0).toExtend<{ vettingCreateDate?: string; vettingCreatedDate?: string }>();
    expectTypeOf(vettingDate).returns.toEqualTypeOf<Date | undefined>();
  });

  test("one error family, told apart by kind", () => {
    expectTypeOf<PartnerCenterErrorKind>().toEqualTypeOf<
      | "http"
      | "timeout"
      | "network"
      | "aborted"
      | "invalid-response"
      | "response-too-large"
      | "invalid-argument"
      | "token"
    >();
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

describe("issue 12: the client fits strict setups", () => {
  test("kind narrows any error of the client: http gives a PartnerCenterError", () => {
    const caught: unknown = undefined;
    if (isPartnerCenterClientError(caught)) {
      if (caught.kind === "http") {
        expectTypeOf(caught).toEqualTypeOf<PartnerCenterError>();
        expectTypeOf(caught.status).toEqualTypeOf<number>();
      } else {
        expectTypeOf(caught.kind).toEqualTypeOf<Exclude<PartnerCenterErrorKind, "http">>();
        // @ts-expect-error: only an http error has a status
        void caught.status;
      }
      expectTypeOf(caught.attempts).toEqualTypeOf<number | undefined>();
    }
  });

  test("the error body is typed: the contract's bodies, text, or another JSON value", () => {
    expectTypeOf<PartnerCenterError["body"]>().toEqualTypeOf<PartnerCenterErrorBody>();
    expectTypeOf<ErrorBody["parameters"]>().toEqualTypeOf<Record<string, unknown> | undefined>();
    expectTypeOf<{ code: 600074; parameters: { accountId: "1" } }>().toExtend<ErrorBody>();
    const body = {} as PartnerCenterErrorBody;
    if (typeof body === "object" && body !== null && !Array.isArray(body))
      expectTypeOf(body).toEqualTypeOf<ErrorBody | ThrottlingErrorBody>();
    // @ts-expect-error: the body may be text or another JSON value, so narrow it first
    void body.code;
  });

  test("a known value set narrows an open one, so that a switch can be exhaustive", () => {
    const status = {} as VettingStatus;
    if (isKnownVettingStatus(status)) {
      switch (status) {
        case "Approved":
        case "InReview":
        case "Denied":
          break;
        default:
          status satisfies never;
      }
    }
    expectTypeOf<KnownVettingStatus>().toEqualTypeOf<"Approved" | "InReview" | "Denied">();
    expectTypeOf(KnownVettingStatus.Denied).toEqualTypeOf<"Denied">();
    expectTypeOf<KnownQualification>().toEqualTypeOf<
      "Education" | "GovernmentCommunityCloud" | "StateOwnedEntity" | "Nonprofit" | "None"
    >();
    // @ts-expect-error: not a known value
    void KnownVettingStatus.Expired;
  });

  test("every option takes undefined where it may be left out (exactOptionalPropertyTypes)", () => {
    const maybe = {} as {
      url: string | undefined;
      signal: AbortSignal | undefined;
      ms: number | undefined;
      id: string | undefined;
    };
    createQualificationsClient({
      accessToken: "t",
      baseUrl: maybe.url,
      timeoutMs: maybe.ms,
      retry: { retries: maybe.ms, maxDelayMs: undefined },
      headers: undefined,
      locale: undefined,
      onRequest: undefined,
    });
    void client.getCustomerQualifications("id", {
      signal: maybe.signal,
      correlationId: maybe.id,
      headers: undefined,
      retry: undefined,
      timeoutMs: maybe.ms,
    });
    void client.createCustomerQualification("id", { qualification: "StateOwnedEntity" }, { requestId: maybe.id });
    void client.waitForVetting("id", "Education", {
      intervalMs: maybe.ms,
      timeoutMs: maybe.ms,
      signal: maybe.signal,
      onPoll: undefined,
    });
    // @ts-expect-error: retry is settings or false
    void client.getCustomerQualifications("id", { retry: true });
    // @ts-expect-error: a time limit is a number
    void client.getValidationCodes({ timeoutMs: "5000" });
  });

  test("credential takes any TokenCredential of @azure/identity, instead of accessToken", () => {
    expectTypeOf<ClientSecretCredential>().toExtend<TokenCredential>();
    expectTypeOf<AzureTokenCredential>().toExtend<TokenCredential>();
    expectTypeOf<{ credential: ClientSecretCredential }>().toExtend<QualificationsClientOptions>();
    expectTypeOf<{ credential: TokenCredential; accessToken: "t" }>().not.toExtend<QualificationsClientOptions>();
    expectTypeOf<{ baseUrl: "https://example.com" }>().not.toExtend<QualificationsClientOptions>();
    // @ts-expect-error: a token or a credential, not both
    createQualificationsClient({ credential: {} as TokenCredential, accessToken: "t" });
  });

  test("the hooks get events without headers", () => {
    expectTypeOf<QualificationsClientOptions["onRequest"]>().toEqualTypeOf<
      ((event: AttemptEvent) => void) | undefined
    >();
    expectTypeOf<QualificationsClientOptions["onResponse"]>().toEqualTypeOf<
      ((event: ResponseEvent) => void) | undefined
    >();
    expectTypeOf<keyof RetryEvent>().toEqualTypeOf<
      "method" | "url" | "attempt" | "requestId" | "correlationId" | "reason" | "status" | "delayMs" | "retryAfterMs"
    >();
    expectTypeOf<ResponseEvent["durationMs"]>().toEqualTypeOf<number>();
    createQualificationsClient({
      accessToken: "t",
      // An async hook fits too; the client does not wait for it.
      onRetry: async (event) => void event.delayMs,
      // @ts-expect-error: an event holds no headers, so no token
      onRequest: (event) => void event.headers,
    });
  });

  test("withResponse gives each call's data with the answer and the ids", () => {
    expectTypeOf<WithResponse<number>>().toEqualTypeOf<{
      data: number;
      response: Response;
      requestId: string;
      correlationId: string;
    }>();
    expectTypeOf(client.withResponse.getCustomerQualifications).returns.toEqualTypeOf<
      Promise<WithResponse<CustomerQualification[]>>
    >();
    expectTypeOf(client.withResponse.createCustomerQualification).returns.toEqualTypeOf<
      Promise<WithResponse<CustomerQualification>>
    >();
    expectTypeOf(client.withResponse.getValidationCodes).returns.toEqualTypeOf<
      Promise<WithResponse<ValidationCode[]>>
    >();
    expectTypeOf(client.withResponse.waitForVetting).returns.toEqualTypeOf<
      Promise<WithResponse<CustomerQualification>>
    >();
    expectTypeOf(client.withResponse.getCustomerQualifications).parameters.toEqualTypeOf<
      [customerTenantId: string, call?: CallOptions]
    >();
    // @ts-expect-error: the plain calls give the data alone
    void client.getCustomerQualifications("id").then((answer) => answer.response);
  });
});

describe("the MSW handlers are typed by the generated paths", () => {
  const baseUrl = "https://api.partnercenter.microsoft.com";
  const qualifications = "/v1/customers/{customer-tenant-id}/qualifications";
  const headers = {};

  test("a handler answers what its call declares; another status or a body of another shape does not compile", () => {
    contractHandler(baseUrl, "GET", qualifications, async () => ({
      status: 200,
      body: [{ qualification: "Education", vettingStatus: "InReview" }],
      headers,
    }));
    contractHandler(baseUrl, "POST", qualifications, async () => ({
      status: 201,
      body: { qualification: "StateOwnedEntity" },
      headers,
    }));
    contractHandler(baseUrl, "POST", qualifications, async () => ({
      status: 429,
      body: { statusCode: 429, message: "Rate limit is exceeded" },
      headers,
    }));
    // @ts-expect-error: the GET declares no 202
    contractHandler(baseUrl, "GET", qualifications, async () => ({ status: 202, body: [], headers }));
    // @ts-expect-error: a qualification's name is a string
    contractHandler(baseUrl, "GET", qualifications, async () => ({
      status: 200,
      body: [{ qualification: 42 }],
      headers,
    }));
    // @ts-expect-error: the 429 body is the throttling error's, whose statusCode is a number
    contractHandler(baseUrl, "GET", qualifications, async () => ({
      status: 429,
      body: { statusCode: "429" },
      headers,
    }));
    // @ts-expect-error: the partner's validation codes have no PUT
    contractHandler(baseUrl, "PUT", "/v1/customers/all/validations", async () => ({ status: 200, body: [], headers }));
  });

  test("the resolver gets the path parameter under the contract's name, and the call's answers are its statuses", () => {
    contractHandler(baseUrl, "GET", qualifications, async ({ params }) => {
      expectTypeOf(params).toEqualTypeOf<{ "customer-tenant-id": string }>();
      return { status: 404, body: { code: 60003, description: "not found" }, headers };
    });
    expectTypeOf<201>().toExtend<ContractResponse<operations["createCustomerQualification"]>["status"]>();
    expectTypeOf<201>().not.toExtend<ContractResponse<operations["getCustomerQualifications"]>["status"]>();
  });

  test("createQualificationsHandlers gives msw's own handlers", () => {
    expectTypeOf(createQualificationsHandlers().handlers).toEqualTypeOf<HttpHandler[]>();
  });
});

describe("startMock", () => {
  test("with stateful: true written in the call, the engine is typed present; otherwise it may be undefined", () => {
    expectTypeOf(startMock({ stateful: true })).resolves.toEqualTypeOf<RunningStatefulMock>();
    expectTypeOf<RunningStatefulMock["engine"]>().toEqualTypeOf<Engine>();
    expectTypeOf(startMock()).resolves.toEqualTypeOf<RunningMock>();
    expectTypeOf(startMock({ stateful: false })).resolves.toEqualTypeOf<RunningMock>();
    expectTypeOf<RunningMock["engine"]>().toEqualTypeOf<Engine | undefined>();
  });
});
