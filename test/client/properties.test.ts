// Properties that must hold for every input, checked with fast-check over real HTTP on loopback.
import fc from "fast-check";
import { expect, test } from "vitest";
import { PartnerCenterClientError } from "../../src/client/index.js";
import { reply, type Reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";

const RUNS = 300;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const { server, client: clientFor } = useFaultServer();

// Strings near the edge of a GUID as well as anything at all.
const customerIds = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc
    .tuple(fc.uuid(), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }))
    .map(([id, before, after]) => before + id + after),
  fc.uuid().map((id) => id.replace(/-/g, "")),
  fc.constantFrom("../all/validations", "%2e%2e", "all", "00000000-0000-0000-0000-000000000000/x"),
);

test("any string is refused before I/O, or the request goes to exactly /v1/customers/{that GUID}/qualifications", {
  timeout: 60_000,
}, async () => {
  await fc.assert(
    fc.asyncProperty(customerIds, async (customerTenantId) => {
      server.script(reply.json(200, []));
      const client = clientFor({ retry: false });
      const outcome = await client.getCustomerQualifications(customerTenantId).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (GUID.test(customerTenantId)) {
        expect(outcome).toEqual({ value: [] });
        expect(server.received.map((request) => request.path)).toEqual([
          `/v1/customers/${customerTenantId}/qualifications`,
        ]);
      } else {
        expect(
          "error" in outcome &&
            outcome.error instanceof PartnerCenterClientError &&
            outcome.error.kind === "invalid-argument",
        ).toBe(true);
        expect(server.received).toEqual([]);
      }
    }),
    { numRuns: RUNS },
  );
});

// Tokens as Entra ID issues them: long runs of base64url characters and dots.
const tokens = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{8,64}$/);

const scenarios: fc.Arbitrary<(token: string) => Reply> = fc.oneof(
  fc.record({ status: fc.constantFrom(400, 401, 403, 404, 429, 500, 503), text: fc.string() }).map(
    ({ status, text }) =>
      (token: string) =>
        reply.json(
          status,
          { code: status, description: `${text} ${token} ${text}`, message: token, data: [token] },
          { "Retry-After": "0" },
        ),
  ),
  fc.constantFrom(401, 403, 502).map((status) => (token: string) => reply.json(status, `Bearer ${token} was refused`)),
  fc
    .constantFrom(401, 502)
    .map((status) => (token: string) => reply.text(status, `<html>${token}</html>`, "text/html")),
  // Echoes in JSON escapes (\u0065 for "e") and in a header that a message quotes.
  fc.constantFrom(401, 500).map((status) => (token: string) => {
    const escaped = [...token].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    return reply.text(status, `{"code":1,"description":"${escaped}","message":"${escaped}"}`, "application/json");
  }),
  fc
    .constantFrom(401, 502)
    .map((status) => (token: string) => reply.text(status, "<html></html>", `text/html; token=${token}`)),
  fc.constant((token: string) => reply.json(200, [{ qualification: token.length }])),
  fc.constant((token: string) => reply.text(200, `[{"qualification":"${token}`, "application/json")),
  fc.constant(() => reply.reset()),
  fc.constant(() => reply.hang()),
);

test("no error message, serialised error or hook event contains the token", { timeout: 60_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(tokens, scenarios, fc.boolean(), async (token, scenario, asFunction) => {
      server.script(scenario(token), scenario(token));
      const events: unknown[] = [];
      const client = clientFor({
        accessToken: asFunction ? async () => token : token,
        // One retry, so that onRetry is told too.
        retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 },
        timeoutMs: 50,
        onRequest: (event) => events.push(event),
        onResponse: (event) => events.push(event),
        onRetry: (event) => events.push(event),
      });
      const error = await client.getCustomerQualifications(TENANT).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(PartnerCenterClientError);
      const failure = error as PartnerCenterClientError;
      for (const text of [failure.message, String(failure), JSON.stringify(failure), failure.stack ?? ""])
        expect(text).not.toContain(token);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(JSON.stringify(event)).not.toContain(token);
    }),
    { numRuns: RUNS },
  );
});
