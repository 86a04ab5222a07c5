// The errors stay safe to log whatever the body, and are recognised across the package's two builds.
import { describe, expect, test, vi } from "vitest";
import {
  isPartnerCenterClientError,
  isPartnerCenterError,
  PartnerCenterClientError,
  PartnerCenterError,
} from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const { server, client } = useFaultServer({ retry: false });

async function httpError(status: number, body: string): Promise<PartnerCenterError> {
  server.script(reply.text(status, body, "application/json"));
  return (await rejectionOf(client().getCustomerQualifications(TENANT))) as PartnerCenterError;
}

describe("toJSON and messages are safe on any body", () => {
  test("a field nested 100,000 levels deep: JSON.stringify(error) works and is cut to a few levels", async () => {
    const depth = 100_000;
    const error = await httpError(400, `{"code":1,"detail":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toMatchObject({
      name: "PartnerCenterError",
      kind: "http",
      status: 400,
      code: 1,
      body: { code: 1, detail: [[[["…"]]]] },
    });
    expect(json.length).toBeLessThan(1_000);
  });

  test("long strings and long lists are cut in toJSON, and in the message", async () => {
    const long = "a".repeat(100_000);
    const error = await httpError(
      400,
      JSON.stringify({ code: long, description: long, items: Array.from({ length: 1_000 }, (_, index) => index) }),
    );
    const { body, description, code } = JSON.parse(JSON.stringify(error));
    expect(body.items).toHaveLength(50);
    expect([body.description, description, code].map((text: string) => text.length)).toEqual([1_001, 1_001, 1_001]);
    expect(error.message.length).toBeLessThan(1_000);
    // The error itself keeps what arrived.
    expect(error.description).toBe(long);
  });

  test("toJSON carries every field of the error", async () => {
    const body = {
      code: 600074,
      description: "The account status was not found.",
      errorName: "AccountStatusNotFound",
      isRetryable: false,
    };
    const error = await httpError(404, JSON.stringify(body));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterError",
      kind: "http",
      message: error.message,
      request: `GET /v1/customers/${TENANT}/qualifications`,
      requestId: error.requestId,
      correlationId: error.correlationId,
      attempts: 1,
      status: 404,
      ...body,
      body,
    });
  });

  test("a body with a __proto__ key pollutes nothing", async () => {
    const error = await httpError(400, '{"__proto__":{"polluted":true},"code":7}');
    JSON.stringify(error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(error.code).toBe(7);
  });
});

describe("isPartnerCenterError and isPartnerCenterClientError", () => {
  test("tell the client's errors from others", async () => {
    const error = await httpError(404, '{"code":60003}');
    expect([isPartnerCenterError(error), isPartnerCenterClientError(error)]).toEqual([true, true]);
    const refused = new PartnerCenterClientError("invalid-argument", "no");
    expect([isPartnerCenterError(refused), isPartnerCenterClientError(refused)]).toEqual([false, true]);
    for (const other of [new Error("x"), { kind: "http", status: 404 }, null, undefined, "PartnerCenterError", 404]) {
      expect([isPartnerCenterError(other), isPartnerCenterClientError(other)]).toEqual([false, false]);
    }
  });

  test("recognise an error from another copy of the package, as the ESM and CommonJS builds are", async () => {
    // With its module cache emptied, the test runner loads a second, separate copy of every module.
    vi.resetModules();
    const otherCopy: typeof import("../../src/client/index.js") = await import("../../src/client/index.js");
    expect(otherCopy.PartnerCenterError).not.toBe(PartnerCenterError);
    const error = await httpError(404, '{"code":60003}');
    // instanceof cannot see across copies; the helpers can, both ways.
    expect(error instanceof otherCopy.PartnerCenterError).toBe(false);
    expect([otherCopy.isPartnerCenterError(error), otherCopy.isPartnerCenterClientError(error)]).toEqual([true, true]);
    const theirs = new otherCopy.PartnerCenterClientError("timeout", "late");
    expect([isPartnerCenterClientError(theirs), isPartnerCenterError(theirs)]).toEqual([true, false]);
  });

  test("narrow the type", () => {
    const caught: unknown = new PartnerCenterError({
      status: 429,
      body: { statusCode: 429 },
      json: true,
      retryAfter: 5,
    });
    if (isPartnerCenterError(caught)) expect(caught.retryAfter).toBe(5);
    else expect.unreachable();
  });
});

describe("PartnerCenterError built from what arrived", () => {
  test("with no request line and no attempt count, the message says 'The request' and counts nothing", () => {
    const error = new PartnerCenterError({ status: 500, body: "", json: false });
    expect(error.message).toBe("The request failed with HTTP 500: an empty body");
    expect(error.attempts).toBeUndefined();
  });

  test("a JSON body without a description adds only its code; a text body without a Content-Type is 'non-JSON'", () => {
    expect(new PartnerCenterError({ status: 400, body: { code: 5 }, json: true }).message).toBe(
      "The request failed with HTTP 400 (code 5)",
    );
    expect(new PartnerCenterError({ status: 502, body: "<html/>", json: false }).message).toBe(
      "The request failed with HTTP 502: a non-JSON body of 7 characters",
    );
  });

  test("fields of the wrong type are left out; a bare string body is trimmed", () => {
    expect(
      new PartnerCenterError({
        status: 404,
        body: { code: true, errorName: 5, isRetryable: "yes", description: 7 } as never,
        json: true,
      }),
    ).toMatchObject({
      code: undefined,
      errorName: undefined,
      isRetryable: undefined,
      description: undefined,
    });
    expect(new PartnerCenterError({ status: 403, body: "  Customer tagging denied.  ", json: true }).description).toBe(
      "Customer tagging denied.",
    );
  });

  test("the errors carry the brand other copies of the package look for, under its global name", () => {
    expect(
      (new PartnerCenterClientError("timeout", "late") as unknown as Record<symbol, unknown>)[
        Symbol.for("partner-center-qualifications.error")
      ],
    ).toBe(true);
  });
});
