// Properties that must hold for every input fast-check finds (bounded runs), over real HTTP on loopback where
// it matters: customer ids, option values, header names and values, and body shapes. Those of the token a
// server echoes are in leaks.test.ts, those of Retry-After in retry-timing.test.ts.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { expect, test } from "vitest";
import {
  createQualificationsClient,
  isPartnerCenterClientError,
  PartnerCenterClientError,
  type QualificationsClientOptions,
} from "../../src/client/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";

const RUNS = 300;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_TIMER_MS = 2 ** 31 - 1;

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

/** What a call ends with: its value, or the error it threw (anything but the client's own errors fails the property). */
async function outcome(
  call: () => Promise<unknown>,
): Promise<{ value: unknown } | { error: PartnerCenterClientError }> {
  try {
    return { value: await call() };
  } catch (error) {
    expect(error).toBeInstanceOf(PartnerCenterClientError);
    return { error: error as PartnerCenterClientError };
  }
}

test("a time option is accepted exactly when it is a number from its floor to what a timer holds, and refused as invalid-argument otherwise", async () => {
  const candidates = fc.oneof(
    fc.integer({ min: -10, max: 50 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(MAX_TIMER_MS, MAX_TIMER_MS + 1, 3e9, Number.POSITIVE_INFINITY, Number.NaN, -0),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
  );
  const floors: Record<string, number> = {
    timeoutMs: 1,
    "retry.minDelayMs": 10,
    "retry.maxDelayMs": 10,
    "retry.maxRetryAfterMs": 0,
    "retry.maxElapsedMs": 0,
  };
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(floors)), candidates, (option, value) => {
      const [outer, inner] = option.split(".");
      const options = {
        accessToken: "token",
        ...(inner
          ? { retry: { [inner]: value, ...(inner === "minDelayMs" && { maxDelayMs: MAX_TIMER_MS }) } }
          : { [outer!]: value }),
      };
      const valid = typeof value === "number" && value >= floors[option]! && value <= MAX_TIMER_MS;
      let thrown: unknown;
      try {
        createQualificationsClient(options as QualificationsClientOptions);
      } catch (error) {
        thrown = error;
      }
      if (valid) return thrown === undefined;
      return (
        isPartnerCenterClientError(thrown) &&
        thrown.kind === "invalid-argument" &&
        thrown.message.startsWith(`${option} must be a number of milliseconds`)
      );
    }),
    { numRuns: 1_000 },
  );
  // waitForVetting's own time options, refused before anything is sent.
  const client = createQualificationsClient({
    accessToken: "token",
    fetch: () => Promise.reject(new Error("nothing may be sent")),
  });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("intervalMs", "timeoutMs"), candidates, async (option, value) => {
      if (typeof value === "number" && value >= 1 && value <= MAX_TIMER_MS) return;
      const result = await outcome(() => client.waitForVetting(TENANT, "Education", { [option]: value }));
      expect(result).toMatchObject({ error: { kind: "invalid-argument" } });
    }),
    { numRuns: 300 },
  );
});

test("any header name and value is refused before sending, or arrives exactly as given", {
  timeout: 60_000,
}, async () => {
  const client = clientFor({ retry: false });
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.string({ unit: fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)) }),
  );
  await fc.assert(
    fc.asyncProperty(text, text, async (nameTail, value) => {
      const name = `X-${nameTail}`;
      server.script((_request, response) => response.writeHead(200, { "Content-Type": "application/json" }).end("[]"));
      const result = await outcome(() => client.getCustomerQualifications(TENANT, { headers: { [name]: value } }));
      const validName = /^[\w!#$%&'*+.^`|~-]+$/.test(name);
      const validValue = /^[\t\x20-\x7e\xa0-\xff]*$/.test(value);
      if (validName && validValue) {
        expect(result).toEqual({ value: [] });
        // HTTP drops the spaces and tabs around a value.
        expect(server.received[0]!.headers[name.toLowerCase()]).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ""));
      } else {
        expect(result).toMatchObject({ error: { kind: "invalid-argument" } });
        expect(server.received).toEqual([]);
      }
    }),
    { numRuns: 200 },
  );
});

test("any body, of any shape and size, on any status: within the limit it is read, past it the call fails with response-too-large; errors serialise", {
  timeout: 60_000,
}, async () => {
  const deep = fc.nat({ max: 20_000 }).map((depth) => `{"code":1,"x":${"[".repeat(depth)}${"]".repeat(depth)}}`);
  const bodies = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string(),
    deep,
    fc.nat({ max: 5_000 }).map((size) => JSON.stringify([" ".repeat(size)])),
  );
  const delivery = fc.constantFrom("content-length", "chunked", "gzip");
  await fc.assert(
    fc.asyncProperty(
      bodies,
      fc.constantFrom(200, 400, 404, 500),
      delivery,
      fc.integer({ min: 1, max: 10_000 }),
      async (body, status, how, limit) => {
        const bytes = how === "gzip" ? gzipSync(body) : Buffer.from(body);
        server.script((_request, response) => {
          const headers = { "Content-Type": "application/json", ...(how === "gzip" && { "Content-Encoding": "gzip" }) };
          if (how === "chunked") response.writeHead(status, headers).end(bytes);
          else response.writeHead(status, { ...headers, "Content-Length": String(bytes.length) }).end(bytes);
        });
        const client = clientFor({ retry: false, maxResponseBytes: limit });
        const result = await outcome(() => client.getValidationCodes());
        // Both counts hold: the bytes on the wire (where Content-Length gives them) and the bytes decoded.
        const onTheWire = how === "chunked" ? 0 : bytes.length;
        if (Buffer.byteLength(body) > limit || onTheWire > limit) {
          expect(result).toMatchObject({ error: { kind: "response-too-large" } });
        } else if ("error" in result) {
          expect(result.error.kind).not.toBe("response-too-large");
          // Whatever the body, the error serialises, and to something small.
          expect(JSON.stringify(result.error).length).toBeLessThan(100_000);
        }
      },
    ),
    { numRuns: 200 },
  );
});
