// The credential option: with a real credential class of @azure/identity, ClientSecretCredential, which
// gets its tokens from a fake Entra ID on loopback (test/support/fake-entra.ts), and with the
// TokenCredential interface itself where a test has to watch what the client asks.
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createQualificationsClient, type TokenCredential } from "../../src/client/index.js";
import { startFakeEntra, type FakeEntra } from "../support/fake-entra.js";
import { reply } from "../support/fault-server.js";
import { APPROVED, TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const SCOPE = "https://api.partnercenter.microsoft.com/.default";
const CLIENT_SECRET = "client-secret-for-the-fake-entra-id";
const ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.issued-by-the-fake-entra-id.signature";

// Its clients take a credential rather than an accessToken: they are made below, against this server.
const { server } = useFaultServer();
let entra: FakeEntra;
beforeAll(async () => {
  entra = await startFakeEntra({ clientSecret: CLIENT_SECRET, accessToken: ACCESS_TOKEN });
});
afterAll(() => entra.close());

const clientSecretCredential = (secret: string) =>
  new ClientSecretCredential("72f988bf-86f1-41af-91ab-2d7cd011db47", "00000000-0000-0000-0000-000000000001", secret, {
    authorityHost: entra.authorityHost,
    // Instance discovery would ask login.microsoftonline.com; the fake authority is to be trusted as it is.
    disableInstanceDiscovery: true,
    tlsOptions: { ca: entra.ca },
  });

const clientWith = (credential: TokenCredential) =>
  createQualificationsClient({
    baseUrl: server.url,
    credential,
    retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 },
  });

describe("with ClientSecretCredential of @azure/identity", () => {
  test("the token it gets for the Partner Center scope is sent, and its own cache serves the later attempts and calls", async () => {
    entra.tokenRequests.length = 0;
    server.script(reply.json(503, {}), reply.json(200, APPROVED), reply.json(200, APPROVED));
    const client = clientWith(clientSecretCredential(CLIENT_SECRET));
    expect(await client.getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(await client.getCustomerQualifications(TENANT)).toEqual(APPROVED);
    expect(server.received.map((request) => request.headers.authorization)).toEqual(
      Array(3).fill(`Bearer ${ACCESS_TOKEN}`),
    );
    expect(entra.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(entra.tokenRequests[0]!)).toMatchObject({
      grant_type: "client_credentials",
      scope: SCOPE,
      client_secret: CLIENT_SECRET,
    });
  });

  test("a credential Entra ID refuses: a token error whose message and JSON carry its AADSTS code, and nothing is sent", async () => {
    const wrongSecret = "a-wrong-client-secret-that-must-not-leak";
    server.script(reply.json(200, APPROVED));
    const error = await rejectionOf(clientWith(clientSecretCredential(wrongSecret)).getCustomerQualifications(TENANT));
    expect(error).toMatchObject({ kind: "token", attempts: 1, cause: expect.any(Error) });
    expect(error.message).toMatch(
      new RegExp(`^GET /v1/customers/${TENANT}/qualifications got no access token: .*AADSTS7000215`),
    );
    const json = JSON.parse(JSON.stringify(error));
    expect(json.message).toContain("AADSTS7000215");
    expect(json.cause).toContain("AADSTS7000215");
    for (const text of [error.message, JSON.stringify(error)]) expect(text).not.toContain(wrongSecret);
    expect(server.received).toEqual([]);
  });
});

describe("with the TokenCredential interface", () => {
  test("for Partner Center operated by 21Vianet, getToken is asked for that cloud's own scope", async () => {
    const asked: (string | string[])[] = [];
    const credential: TokenCredential = {
      getToken: async (scopes) => {
        asked.push(scopes);
        return { token: "china-token" };
      },
    };
    const requested: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      requested.push(input instanceof Request ? input.url : String(input));
      return Response.json(APPROVED);
    };
    const client = createQualificationsClient({
      baseUrl: "https://partner.partnercenterapi.microsoftonline.cn/",
      credential,
      fetch: fetch as typeof globalThis.fetch,
    });
    await client.getCustomerQualifications(TENANT);
    expect(asked).toEqual(["https://partner.partnercenterapi.microsoftonline.cn/.default"]);
    expect(requested).toEqual([
      `https://partner.partnercenterapi.microsoftonline.cn/v1/customers/${TENANT}/qualifications`,
    ]);
  });

  test("getToken is asked for the Partner Center scope on every attempt, with the attempt's signal", async () => {
    const asked: { scopes: string | string[]; signal: AbortSignal | undefined }[] = [];
    const credential: TokenCredential = {
      getToken: async (scopes, options) => {
        asked.push({ scopes, signal: options?.abortSignal });
        return { token: "interface-token", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    server.script(reply.json(503, {}), reply.json(200, APPROVED));
    await clientWith(credential).getCustomerQualifications(TENANT);
    expect(asked.map(({ scopes }) => scopes)).toEqual([SCOPE, SCOPE]);
    expect(asked.every(({ signal }) => signal instanceof AbortSignal)).toBe(true);
    expect(server.received.map((request) => request.headers.authorization)).toEqual([
      "Bearer interface-token",
      "Bearer interface-token",
    ]);
  });

  test("cancelling the call fires the signal the credential was given, and nothing is sent", async () => {
    let given: AbortSignal | undefined;
    const credential: TokenCredential = {
      getToken: (_scopes, options) => {
        given = options?.abortSignal;
        return new Promise(() => {});
      },
    };
    server.script(reply.json(200, APPROVED));
    const controller = new AbortController();
    const call = clientWith(credential).getCustomerQualifications(TENANT, { signal: controller.signal });
    await expect.poll(() => given).toBeDefined();
    controller.abort();
    expect(await rejectionOf(call)).toMatchObject({ kind: "aborted", attempts: 1 });
    expect(given?.aborted).toBe(true);
    expect(server.received).toEqual([]);
  });

  test("a credential that gives no token (null) is a token error", async () => {
    server.script(reply.json(200, APPROVED));
    const error = await rejectionOf(clientWith({ getToken: async () => null }).getCustomerQualifications(TENANT));
    expect(error.kind).toBe("token");
    expect(error.message).toContain("got undefined");
    expect(server.received).toEqual([]);
  });
});
