// `npm run bench`: the client as built (dist/) side by side with bare openapi-fetch and raw fetch, in one
// process and one run, in alternating rounds; medians are reported. See BENCHMARKS.md.
import { createServer } from "node:http";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import createClient from "openapi-fetch";
import { createQualificationsClient } from "../dist/index.js";
import * as schemas from "../generated/schemas.js";
import { clientBundleSize } from "../scripts/bundle-size.mjs";
import { benchMocks } from "./mocks.mjs";
import { compare, fmt, ROUNDS } from "./measure.mjs";
// Node 24 runs the checker's TypeScript as it is (its types stripped); the bundle has no export of it.
import { validate } from "../src/contract/schema.ts";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
// As long as an Entra ID access token (a JWT of about 1.5 KB): the client reads every answer for it.
const TOKEN = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${"A".repeat(1_200)}.${"b".repeat(342)}`;
const PATH = `/v1/customers/${TENANT}/qualifications`;
const APPROVED = JSON.stringify({ qualifications: [{ qualification: "Education", vettingStatus: "Approved" }] });
const items = (count) =>
  JSON.stringify(
    Array.from({ length: count }, (_, index) => ({
      qualification: index % 2 ? "Education" : "StateOwnedEntity",
      vettingStatus: "InReview",
      vettingCreateDate: "2021-05-06T19:59:56.6832021+00:00",
    })),
  );
const THOUSAND = items(1_000);
const TWO_THOUSAND = items(2_000);

// The body as the client reads it: through a reader, bytes counted against a limit.
async function readCounted(response, limit = 4 * 1024 * 1024) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (let chunk; !(chunk = await reader.read()).done; ) {
    if ((size += chunk.value.byteLength) > limit) throw new Error("too large");
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

// The floor of issue 26: raw fetch sending the request as the client sends it, fresh ids, the same headers,
// an abort signal with a timer, no redirect followed.
function floorCall(url, fetch) {
  return async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const headers = {
        Authorization: `Bearer ${TOKEN}`,
        Accept: "application/json",
        "MS-RequestId": crypto.randomUUID(),
        "MS-CorrelationId": crypto.randomUUID(),
      };
      const response = await fetch(url, { headers, signal: controller.signal, redirect: "manual" });
      return JSON.parse(await response.text());
    } finally {
      clearTimeout(timer);
    }
  };
}

// The ways to make the same call, given a base URL and a fetch.
function contenders(baseUrl, fetch) {
  const bare = createClient({ baseUrl, fetch });
  const ours = createQualificationsClient({ baseUrl, fetch, accessToken: TOKEN });
  const oursUnchecked = createQualificationsClient({
    baseUrl,
    fetch,
    accessToken: TOKEN,
    validateResponses: false,
  });
  const headers = { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" };
  return {
    "fetch + JSON.parse": async () => JSON.parse(await (await fetch(baseUrl + PATH, { headers })).text()),
    "floor (fetch as ours sends)": floorCall(baseUrl + PATH, fetch),
    "openapi-fetch": async () =>
      (
        await bare.GET("/v1/customers/{customer-tenant-id}/qualifications", {
          params: { path: { "customer-tenant-id": TENANT } },
          headers,
        })
      ).data,
    "ours (validation on)": () => ours.getCustomerQualifications(TENANT),
    "ours (validation off)": () => oursUnchecked.getCustomerQualifications(TENANT),
  };
}

function table(title, { results, cost }, { latency = false } = {}) {
  const lines = [
    `### ${title}`,
    "",
    `| Call | ops/s |${latency ? " p50 ms | p99 ms |" : ""} cost vs openapi-fetch | cost vs raw fetch | cost vs the floor |`,
    `|---|---:|${latency ? "---:|---:|" : ""}---:|---:|---:|`,
  ];
  for (const [name, { opsPerSecond, p50, p99 }] of Object.entries(results)) {
    // Cost ratio: time per call relative to the reference (>1 means slower).
    lines.push(
      `| ${name} | ${fmt(opsPerSecond)} |${latency ? ` ${fmt(p50, 3)} | ${fmt(p99, 3)} |` : ""} ${fmt(cost(name, "openapi-fetch"), 2)}× | ${fmt(cost(name, "fetch + JSON.parse"), 2)}× | ${fmt(cost(name, "floor (fetch as ours sends)"), 2)}× |`,
    );
  }
  return lines.join("\n");
}

// The goals of issues 13 and 26 that a benchmark can check: each ratio is measured side by side in this run.
const goals = [];
function goal(name, measured, limit, unit = "×") {
  goals.push({ name, measured, limit, unit, met: measured <= limit });
}

const report = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; ${ROUNDS} rounds (plus one warm-up), medians.`,
  "",
];
const log = (text) => {
  report.push(text, "");
  console.log(`${text}\n`);
};
log(report[0]);

// 1. Client overhead: fetch answers at once from memory, as openapi-fetch's own benchmark does.
for (const [label, body, count, items] of [
  ["approved body", APPROVED, 10_000, 1],
  ["1,000 qualifications", THOUSAND, 300, 1_000],
  ["2,000 qualifications", TWO_THOUSAND, 150, 2_000],
]) {
  const stub = async () => new Response(body, { headers: { "Content-Type": "application/json" } });
  const measured = await compare(contenders("https://api.partnercenter.microsoft.com", stub), { count });
  log(table(`Client overhead, in-memory fetch, ${label} (${fmt(count)} calls per round)`, measured));
  // The goal is set on the usual answer, one qualification; the longer ones show the cost per item.
  if (items === 1)
    goal(
      `in-memory fetch, ${label}: ours (validation on) / openapi-fetch`,
      measured.cost("ours (validation on)", "openapi-fetch"),
      1.1,
    );
}
// Linear: doubling the body from 1,000 to 2,000 items grows ours by no more than it grows raw fetch +
// JSON.parse (10% allowed for noise). Both sizes run in the same rounds, so that the ratios are taken side
// by side; a long body's parse and garbage collection need not grow linearly, and are not the client's.
{
  const sized = (body) => async () => new Response(body, { headers: { "Content-Type": "application/json" } });
  const [thousand, twoThousand] = [THOUSAND, TWO_THOUSAND].map((body) =>
    contenders("https://api.partnercenter.microsoft.com", sized(body)),
  );
  const measured = await compare(
    {
      "raw, 1,000": thousand["fetch + JSON.parse"],
      "raw, 2,000": twoThousand["fetch + JSON.parse"],
      "ours, 1,000": thousand["ours (validation on)"],
      "ours, 2,000": twoThousand["ours (validation on)"],
    },
    { count: 150 },
  );
  const growth = (name) => measured.cost(`${name}, 2,000`, `${name}, 1,000`);
  log(
    `### Cost per item\n\nFrom 1,000 to 2,000 qualifications (150 calls per round, in the same rounds), the time per call grows ${fmt(growth("ours"), 2)}× for ours (validation on) and ${fmt(growth("raw"), 2)}× for raw fetch + JSON.parse.`,
  );
  goal(
    "in-memory fetch, 1,000 to 2,000 items: growth of ours / growth of raw fetch",
    growth("ours") / growth("raw"),
    1.1,
  );
}

// 2. End to end over loopback, against a keep-alive node:http server.
const server = createServer((_request, response) =>
  response.writeHead(200, { "Content-Type": "application/json" }).end(APPROVED),
);
server.keepAliveTimeout = 60_000;
await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
const local = `http://127.0.0.1:${server.address().port}`;
for (const concurrency of [1, 64]) {
  const measured = await compare(contenders(local, globalThis.fetch), { count: 2_000, concurrency });
  log(
    table(`End to end over loopback, ${concurrency} concurrent (2,000 calls per round)`, measured, { latency: true }),
  );
  goal(
    `loopback, ${concurrency} concurrent: ours (validation on) / the floor (fetch as ours sends)`,
    measured.cost("ours (validation on)", "floor (fetch as ours sends)"),
    1.1,
  );
}

// 3. The floor, over the same socket: raw fetch, then each of the client's features added to it one at a
// time, written as plainly as they can be; beside them bare openapi-fetch and ours. What a feature costs
// is its step over the one before; what ours costs above the last step is the price of its design.
{
  const url = local + PATH;
  const noHook = async () => {};
  const step = (level) => async () => {
    const headers = { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" };
    if (level >= 4 && validate(schemas.customerTenantIdParameter, TENANT).length) throw new Error("not a GUID");
    const sent =
      level >= 1
        ? { ...headers, "MS-RequestId": crypto.randomUUID(), "MS-CorrelationId": crypto.randomUUID() }
        : headers;
    const controller = level >= 2 ? new AbortController() : undefined;
    const timer = controller && setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await fetch(url, {
        headers: sent,
        ...(controller && { signal: controller.signal, redirect: "manual" }),
      });
      const text = level >= 3 ? await readCounted(response) : await response.text();
      if (level >= 6) await noHook();
      const body = JSON.parse(text);
      if (level >= 5 && validate(schemas.getCustomerQualificationsResponse, body).length)
        throw new Error("invalid body");
      return body;
    } finally {
      clearTimeout(timer);
    }
  };
  const ladder = [
    ["raw fetch + JSON.parse", "the floor"],
    ["+ ids and headers", "two uuid v4, four headers"],
    ["+ timer and signal", "an AbortController, a 30 s timer cleared after the body, redirect: manual"],
    ["+ body read in the attempt", "a reader, bytes counted against a limit, a TextDecoder"],
    ["+ argument checks", "the tenant id checked against its schema"],
    ["+ validation", "the answer checked against its schema"],
    ["+ hooks", "one awaited hook (none set)"],
  ];
  const bare = createClient({ baseUrl: local });
  const ours = createQualificationsClient({ baseUrl: local, accessToken: TOKEN });
  const calls = {
    ...Object.fromEntries(ladder.map(([name], level) => [name, step(level)])),
    "openapi-fetch": async () =>
      (
        await bare.GET("/v1/customers/{customer-tenant-id}/qualifications", {
          params: { path: { "customer-tenant-id": TENANT } },
          headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" },
        })
      ).data,
    ours: () => ours.getCustomerQualifications(TENANT),
  };
  const measured = await compare(calls, { count: 2_000 });
  const floor = measured.microseconds("raw fetch + JSON.parse");
  const lines = [
    "### The floor, over loopback (1 concurrent, 2,000 calls per round)",
    "",
    "| Step | what it adds | µs per call | added µs |",
    "|---|---|---:|---:|",
  ];
  let previous = floor;
  for (const [name, what] of ladder) {
    const microseconds = measured.microseconds(name);
    lines.push(
      `| ${name} | ${what} | ${fmt(microseconds, 1)} | ${name === ladder[0][0] ? "" : fmt(microseconds - previous, 1)} |`,
    );
    previous = microseconds;
  }
  for (const name of ["openapi-fetch", "ours"]) {
    const microseconds = measured.microseconds(name);
    lines.push(
      `| ${name} | ${name === "ours" ? "every feature above, straight to the transport" : "bare, the same headers"} | ${fmt(microseconds, 1)} | ${fmt(microseconds - floor, 1)} over the floor |`,
    );
  }
  log(lines.join("\n"));
}

// Soak: 100,000 sequential calls through one client; the heap after a forced GC must stay flat.
const SOAK_CALLS = 100_000;
const HEAP_BOUND_MIB = 2;
{
  const client = createQualificationsClient({ baseUrl: local, accessToken: TOKEN });
  const heapAfterGc = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  for (let call = 0; call < 5_000; call++) await client.getCustomerQualifications(TENANT);
  const baseline = heapAfterGc();
  const checkpoints = [];
  const started = performance.now();
  for (let call = 1; call <= SOAK_CALLS; call++) {
    await client.getCustomerQualifications(TENANT);
    if (call % 25_000 === 0) checkpoints.push(heapAfterGc());
  }
  const seconds = (performance.now() - started) / 1000;
  const growth = checkpoints.at(-1) - baseline;
  log(
    [
      `### Soak: ${fmt(SOAK_CALLS)} sequential calls over loopback`,
      "",
      `${fmt(seconds, 1)} s. Heap after forced GC: ${fmt(baseline, 2)} MiB after 5,000 warm-up calls, then ${checkpoints.map((mib) => fmt(mib, 2)).join(" → ")} MiB every 25,000 calls; growth ${fmt(growth, 2)} MiB (bound: ${HEAP_BOUND_MIB} MiB) ${growth <= HEAP_BOUND_MIB ? "✓" : "✗ OVER THE BOUND"}.`,
    ].join("\n"),
  );
  if (growth > HEAP_BOUND_MIB) process.exitCode = 1;
}

// 4. The mocks, as bench/mocks.mjs measures them on its own (npm run bench:mocks).
server.close();
for (const text of await benchMocks()) log(text);

// The size of the client as an app's bundle carries it (npm test asserts the same budget).
goal(
  "ESM entry with its runtime dependencies, bundled and minified by esbuild (neutral platform), gzip level 9",
  await clientBundleSize(),
  10_240,
  " B",
);

log(
  [
    "### Goals",
    "",
    "| Goal | measured | limit | met? |",
    "|---|---:|---:|---|",
    ...goals.map(({ name, measured, limit, unit, met }) => {
      const digits = unit === "×" ? 2 : 0;
      return `| ${name} | ${fmt(measured, digits)}${unit} | ${fmt(limit, digits)}${unit} | ${met ? "yes" : "**no**"} |`;
    }),
  ].join("\n"),
);
if (goals.some((entry) => !entry.met)) process.exitCode = 1;
