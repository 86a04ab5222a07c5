// The contract fuzz test: requests generated from the spec's own schemas, ones that keep the contract and
// ones that break one rule of it, sent to the static mock, the stateful mock and the MSW handlers. Every
// answer must have a status the contract declares for the call and a body its schema accepts (by the
// tests' own oracle, Ajv); a request that breaks a rule is refused with a 4xx; and no request kills a mock.
// Bounded: a fixed number of runs per mock. FUZZ_REPORT=1 prints what each mock answered.
import { request } from "node:http";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createQualificationsHandlers } from "../../src/mock/msw.js";
import { startMock, type RunningMock } from "../../src/mock/index.js";
import { invalidRequest, validRequest, type FuzzRequest } from "../support/requests.js";
import { operationById, operations, resolve, validationErrors } from "../support/spec.js";
import { TENANT } from "../support/harness.js";

const RUNS = 150;
const RETIRED = ["getCustomerQualificationLegacy", "updateCustomerQualificationLegacy"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

const JSON_AUTHORIZED = { Authorization: "Bearer fuzz", "Content-Type": "application/json" };
const known = (
  operationId: string,
  valid: boolean,
  broken: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: string,
): [FuzzRequest] => [
  { operationId, valid, broken, method, target, headers, ...(body !== undefined && { body: Buffer.from(body) }) },
];
/** What an API fuzzer, a hostile review and a new user broke before (issue 24): tried first, on every run. */
const KNOWN: [FuzzRequest][] = [
  known(
    "createCustomerQualification",
    false,
    "body {}",
    "POST",
    `/v1/customers/${TENANT}/qualifications`,
    JSON_AUTHORIZED,
    "{}",
  ),
  known("getCustomerQualifications", false, "tenant abc", "GET", "/v1/customers/abc/qualifications", JSON_AUTHORIZED),
  known("getCustomerQualifications", false, "MS-RequestId nope", "GET", `/v1/customers/${TENANT}/qualifications`, {
    ...JSON_AUTHORIZED,
    "MS-RequestId": "nope",
  }),
  known(
    "getCustomerQualificationLegacy",
    true,
    "nothing",
    "GET",
    `/v1/customers/${TENANT}/qualification`,
    JSON_AUTHORIZED,
  ),
  known(
    "updateCustomerQualificationLegacy",
    false,
    "body null",
    "PUT",
    `/v1/customers/${TENANT}/qualification`,
    JSON_AUTHORIZED,
    "null",
  ),
  known(
    "createCustomerQualification",
    true,
    "nothing",
    "POST",
    `/v1/customers/${TENANT}/qualifications?code=12345`,
    JSON_AUTHORIZED,
    '{"qualification":"GovernmentCommunityCloud","validationCode":"12345"}',
  ),
  known(
    "createCustomerQualification",
    true,
    "nothing",
    "POST",
    `/v1/customers/${TENANT}/qualifications`,
    { ...JSON_AUTHORIZED, "MS-RequestId": "" },
    '{"qualification":"StateOwnedEntity"}',
  ),
  known(
    "getCustomerQualifications",
    false,
    "method DELETE",
    "DELETE",
    `/v1/customers/${TENANT}/qualifications`,
    JSON_AUTHORIZED,
  ),
  known("getCustomerQualifications", false, "tenant %", "GET", "/v1/customers/%/qualifications", JSON_AUTHORIZED),
  known(
    "createCustomerQualification",
    false,
    "Content-Type utf-16le",
    "POST",
    `/v1/customers/${TENANT}/qualifications`,
    { ...JSON_AUTHORIZED, "Content-Type": "application/json; charset=utf-16le" },
    '{"qualification":"StateOwnedEntity"}',
  ),
  known(
    "createCustomerQualification",
    false,
    "a body over 1 MiB",
    "POST",
    `/v1/customers/${TENANT}/qualifications`,
    JSON_AUTHORIZED,
    " ".repeat(1024 * 1024 + 1),
  ),
];

const anyRequest = (usable: (request: FuzzRequest) => boolean) =>
  fc
    .constantFrom(...operations)
    .chain((operation) => fc.oneof(validRequest(operation), invalidRequest(operation)))
    .filter(usable);

/** What each mock answered, by status: printed with FUZZ_REPORT=1, for the record. */
const seen: Record<string, Record<string, number>> = {};
afterAll(() => {
  if (process.env.FUZZ_REPORT) console.log(JSON.stringify(seen, null, 2));
});

/** The checks every answer passes, whatever it was asked. */
function judge(mock: string, asked: FuzzRequest, { status, headers, text }: Answer): void {
  const counts = (seen[mock] ??= {});
  counts[status] = (counts[status] ?? 0) + 1;
  counts[asked.valid ? "valid" : "invalid"] = (counts[asked.valid ? "valid" : "invalid"] ?? 0) + 1;
  const what = `${mock}: ${asked.method} ${asked.target} (broken: ${asked.broken}) answered ${status} ${text.slice(0, 300)}`;
  const response = operationById(asked.operationId).operation.responses[String(status)];
  expect(response, `${what}: a status the call does not declare`).toBeDefined();
  const schema = resolve(response).content["application/json"].schema;
  let body: unknown;
  expect(() => (body = JSON.parse(text)), `${what}: a body that is not JSON`).not.toThrow();
  expect(validationErrors(schema, body), `${what}: a body its schema refuses`).toBeUndefined();
  const requestId = headers.get("MS-RequestId");
  if (requestId !== null) expect(requestId, `${what}: an MS-RequestId that is no uuid`).toMatch(UUID);
  if (status === 405)
    expect(headers.get("Allow"), `${what}: a 405 without Allow`).toMatch(/^(GET|POST|PUT)(, (GET|POST|PUT))*$/);
  if (!asked.valid)
    expect(status, `${what}: a request that breaks the contract must be refused`).toBeGreaterThanOrEqual(400);
  if (!asked.valid)
    expect(status, `${what}: a request that breaks the contract must be refused with a 4xx`).toBeLessThan(500);
  if (asked.valid && status >= 500)
    expect(
      status === 501 && RETIRED.includes(asked.operationId),
      `${what}: a server error for a request that keeps the contract`,
    ).toBe(true);
}

/** One request over HTTP, sent as it was generated (node:http leaves the target and the headers alone). */
function sendHttp(base: string, asked: FuzzRequest): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((answered, failed) => {
    const sent = request(
      { host: hostname, port, method: asked.method, path: asked.target, headers: asked.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined) headers.set(name, String(value));
          answered({ status: response.statusCode!, headers, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    // A hang is a failure of its own: the mock must answer every request.
    sent.setTimeout(10_000, () => sent.destroy(new Error(`no answer within 10 s to ${asked.method} ${asked.target}`)));
    sent.on("error", failed);
    sent.end(asked.body);
  });
}

async function stillServes(mock: RunningMock): Promise<void> {
  expect(() => process.kill(mock.pid, 0), "Prism is still running").not.toThrow();
  const probe = await fetch(`${mock.url}/v1/customers/all/validations`, { headers: { Authorization: "Bearer fuzz" } });
  expect(probe.status).toBe(200);
}

describe.each([
  ["the static mock", false],
  ["the stateful mock", true],
] as const)("%s keeps the contract under fuzzing", (name, stateful) => {
  let mock: RunningMock;
  beforeAll(async () => {
    // The run's shared static mock (global setup) or one of this file's own.
    mock = stateful
      ? await startMock({ stateful: true })
      : ({ url: inject("mockUrl"), pid: inject("mockPid") } as RunningMock);
  }, 45_000);
  afterAll(() => (stateful ? mock?.stop() : undefined));

  test(`${RUNS} requests, valid and broken, each answered as the contract declares; the mock lives on`, {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        anyRequest(() => true),
        async (asked) => judge(name, asked, await sendHttp(mock.url, asked)),
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), examples: KNOWN },
    );
    await stillServes(mock);
  });
});

describe("the MSW handlers keep the contract under fuzzing", () => {
  const base = "https://api.partnercenter.microsoft.com";
  const { handlers } = createQualificationsHandlers();
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  // MSW answers only the contract's paths and methods: a request to any other is no business of the
  // handlers (MSW lets it through or fails it, as the user chose). fetch also resolves ".." in a URL.
  const reachesAHandler = (asked: FuzzRequest) =>
    !/^(method|path suffix)/.test(asked.broken) && !asked.target.includes("..");

  test(`${RUNS} requests, valid and broken, each answered as the contract declares`, { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest(reachesAHandler), async (asked) => {
        const response = await fetch(base + asked.target, {
          method: asked.method,
          headers: asked.headers,
          ...(asked.body && { body: new Uint8Array(asked.body) }),
        });
        judge("msw", asked, { status: response.status, headers: response.headers, text: await response.text() });
      }),
      {
        numRuns: RUNS,
        seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
        examples: KNOWN.filter(([asked]) => reachesAHandler(asked)),
      },
    );
  });
});
