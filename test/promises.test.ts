// What the client promises under attack, over loopback against servers that misbehave on purpose:
// the token does not travel over plain http to another machine.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createQualificationsClient, type QualificationsClientOptions } from "../src/index.js";
import { reply, startFaultServer, type FaultServer } from "./support/fault-server.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const APPROVED = [{ qualification: "Education", vettingStatus: "Approved" }];

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

function clientFor(options: Partial<QualificationsClientOptions> = {}) {
  return createQualificationsClient({ baseUrl: server.url, accessToken: "token", retry: false, timeoutMs: 5_000, ...options });
}

describe("the token travels over https, or plain http only to this machine", () => {
  test.each(["http://example.com", "http://10.0.0.5:4010", "http://partner.example.com/api"])("a plain-http baseUrl to %s is refused before anything is sent", (baseUrl) => {
    expect(() => createQualificationsClient({ accessToken: "token", baseUrl })).toThrowError(
      `baseUrl must be https, or http to this machine (127.0.0.1, localhost, [::1]) unless allowInsecureHttp is true; got "${baseUrl}"`,
    );
  });

  test("allowInsecureHttp: true lets it through", () => {
    expect(() => createQualificationsClient({ accessToken: "token", baseUrl: "http://example.com", allowInsecureHttp: true })).not.toThrow();
  });

  test.each(["http://127.0.0.1:4010", "http://127.1.2.3", "http://localhost:4010", "http://[::1]:4010", "https://example.com"])("%s is allowed", (baseUrl) => {
    expect(() => createQualificationsClient({ accessToken: "token", baseUrl })).not.toThrow();
  });

  test("the loopback server gets the token over http", async () => {
    server.script(reply.json(200, APPROVED));
    await clientFor({ accessToken: "loopback-token" }).getCustomerQualifications(TENANT);
    expect(server.received[0]!.headers.authorization).toBe("Bearer loopback-token");
  });
});
