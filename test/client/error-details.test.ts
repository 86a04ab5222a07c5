// What each kind of failure tells the caller, field by field: the message (which is the product: it is
// what ends up in logs), the request line, the ids that were sent, the attempts, the cause and toJSON.
// Over loopback against the fault server.
import { describe, expect, test } from "vitest";
import type { PartnerCenterError } from "../../src/client/index.js";
import { freePort } from "../../src/mock/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const REQUEST = `GET /v1/customers/${TENANT}/qualifications`;

const { server, client: clientFor } = useFaultServer({
  accessToken: "error-details-token",
  retry: false,
  timeoutMs: 2_000,
});

/** The ids the first request carried, as the error should report them. */
const sent = () => ({
  requestId: server.received[0]!.headers["ms-requestid"],
  correlationId: server.received[0]!.headers["ms-correlationid"],
});

describe("network, timeout, aborted and http failures carry the request line, the ids sent, the attempts and their cause", () => {
  test("network: the message names undici's code; the cause is a redacted copy of fetch's error and its cause; toJSON gives the cause's message", async () => {
    server.script(reply.reset());
    const error = await rejectionOf(clientFor().getCustomerQualifications(TENANT));
    const message = `${REQUEST} failed on the network: fetch failed (UND_ERR_SOCKET) (1 attempt)`;
    expect(error).toMatchObject({ kind: "network", message, request: REQUEST, attempts: 1, ...sent() });
    expect(error.cause).toMatchObject({
      name: "TypeError",
      message: "fetch failed",
      cause: { code: "UND_ERR_SOCKET" },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterClientError",
      kind: "network",
      message,
      request: REQUEST,
      attempts: 1,
      ...sent(),
      cause: "fetch failed",
    });
  });

  test("network: a refused connection says ECONNREFUSED", async () => {
    const closed = await freePort();
    const error = await rejectionOf(
      clientFor({ baseUrl: `http://127.0.0.1:${closed}` }).getCustomerQualifications(TENANT),
    );
    expect(error).toMatchObject({
      kind: "network",
      message: `${REQUEST} failed on the network: fetch failed (ECONNREFUSED) (1 attempt)`,
      request: REQUEST,
      attempts: 1,
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("timeout: the time limit in the message, and no cause", async () => {
    server.script(reply.hang());
    const error = await rejectionOf(clientFor({ timeoutMs: 300 }).getCustomerQualifications(TENANT));
    const message = `${REQUEST} got no complete answer within 300 ms (1 attempt)`;
    expect(error).toMatchObject({ kind: "timeout", message, request: REQUEST, attempts: 1, ...sent() });
    expect("cause" in error).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterClientError",
      kind: "timeout",
      message,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
  });

  test("aborted: the signal's reason is the cause", async () => {
    server.script(reply.hang());
    const controller = new AbortController();
    const call = clientFor({ timeoutMs: 60_000 }).getCustomerQualifications(TENANT, { signal: controller.signal });
    await expect.poll(() => server.received.length).toBe(1);
    const reason = new Error("the user left the page");
    controller.abort(reason);
    const error = await rejectionOf(call);
    expect(error).toMatchObject({
      kind: "aborted",
      message: `${REQUEST} was aborted by the caller (1 attempt)`,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
    expect(error.cause).toBe(reason);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: "aborted", cause: "the user left the page" });
  });

  test("http: the body's fields and no cause", async () => {
    server.script(reply.json(404, { code: 60003, description: "Tenant not found" }));
    const error = (await rejectionOf(clientFor().getCustomerQualifications(TENANT))) as PartnerCenterError;
    expect(error).toMatchObject({
      kind: "http",
      message: `${REQUEST} failed with HTTP 404 (code 60003): Tenant not found (1 attempt)`,
      request: REQUEST,
      attempts: 1,
      ...sent(),
    });
    expect(error).toMatchObject({
      status: 404,
      code: 60003,
      description: "Tenant not found",
      body: { code: 60003, description: "Tenant not found" },
    });
    expect(error.cause).toBeUndefined();
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty("cause");
  });
});

describe("messages", () => {
  test("a description of 300 characters is quoted whole; a longer one is cut at 300 with an ellipsis", async () => {
    const client = clientFor();
    server.script(reply.json(400, { code: 1, description: "d".repeat(300) }));
    expect((await rejectionOf(client.getCustomerQualifications(TENANT))).message).toBe(
      `${REQUEST} failed with HTTP 400 (code 1): ${"d".repeat(300)} (1 attempt)`,
    );
    server.script(reply.json(400, { code: 1, description: "d".repeat(301) }));
    expect((await rejectionOf(client.getCustomerQualifications(TENANT))).message).toBe(
      `${REQUEST} failed with HTTP 400 (code 1): ${"d".repeat(300)}… (1 attempt)`,
    );
  });
});

describe("redaction of a token the server echoes", () => {
  // A token of 16 characters or more is a real one; a shorter one is a placeholder (the mock's "t"), which
  // would blank out ordinary words.
  test.each([
    ["16 characters: redacted", "0123456789abcdef", "Token [redacted] is not valid"],
    ["15 characters: left as it is", "0123456789abcde", "Token 0123456789abcde is not valid"],
  ])("a token of %s", async (_case, token, description) => {
    server.script(reply.json(401, { code: 900420, description: `Token ${token} is not valid` }));
    const error = (await rejectionOf(
      clientFor({ accessToken: token }).getCustomerQualifications(TENANT),
    )) as PartnerCenterError;
    expect(error.description).toBe(description);
  });
});
