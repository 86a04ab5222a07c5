// Properties of the limits and checks, for every input fast-check finds (bounded runs): option values,
// and header names and values, over loopback where it matters.
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createQualificationsClient, isPartnerCenterClientError, PartnerCenterClientError, type QualificationsClientOptions } from "../src/index.js";
import { startFaultServer, type FaultServer } from "./support/fault-server.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const MAX_TIMER_MS = 2 ** 31 - 1;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

/** What a call ends with: its value, or the error it threw (anything but the client's own errors fails the property). */
async function outcome(call: () => Promise<unknown>): Promise<{ value: unknown } | { error: PartnerCenterClientError }> {
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
  const floors: Record<string, number> = { timeoutMs: 1, "retry.minDelayMs": 10, "retry.maxDelayMs": 10, "retry.maxRetryAfterMs": 0, "retry.maxElapsedMs": 0 };
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(floors)), candidates, (option, value) => {
      const [outer, inner] = option.split(".");
      const options = { accessToken: "token", ...(inner ? { retry: { [inner]: value, ...(inner === "minDelayMs" && { maxDelayMs: MAX_TIMER_MS }) } } : { [outer!]: value }) };
      const valid = typeof value === "number" && value >= floors[option]! && value <= MAX_TIMER_MS;
      let thrown: unknown;
      try {
        createQualificationsClient(options as QualificationsClientOptions);
      } catch (error) {
        thrown = error;
      }
      if (valid) return thrown === undefined;
      return isPartnerCenterClientError(thrown) && thrown.kind === "invalid-argument" && thrown.message.startsWith(`${option} must be a number of milliseconds`);
    }),
    { numRuns: 1_000 },
  );
  // waitForVetting's own time options, refused before anything is sent.
  const client = createQualificationsClient({ accessToken: "token", fetch: () => Promise.reject(new Error("nothing may be sent")) });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("intervalMs", "timeoutMs"), candidates, async (option, value) => {
      if (typeof value === "number" && value >= 1 && value <= MAX_TIMER_MS) return;
      const result = await outcome(() => client.waitForVetting(TENANT, "Education", { [option]: value }));
      expect(result).toMatchObject({ error: { kind: "invalid-argument" } });
    }),
    { numRuns: 300 },
  );
});

test("any header name and value is refused before sending, or arrives exactly as given", { timeout: 60_000 }, async () => {
  const client = createQualificationsClient({ baseUrl: server.url, accessToken: "token", retry: false });
  const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)) }));
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
