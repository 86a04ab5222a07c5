// `npm run bench`: the client as built (dist/) side by side with bare openapi-fetch and raw fetch, in one
// process and one run, in alternating rounds; medians are reported. See BENCHMARKS.md.
import { createServer } from "node:http";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import createClient from "openapi-fetch";
import { createQualificationsClient } from "../dist/index.js";
import { setupServer } from "msw/node";
import { startMock } from "../dist/mock/index.js";
import { createQualificationsHandlers } from "../dist/mock/msw.js";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const PATH = `/v1/customers/${TENANT}/qualifications`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const APPROVED = JSON.stringify({ qualifications: [{ qualification: "Education", vettingStatus: "Approved" }] });
const THOUSAND = JSON.stringify(
  Array.from({ length: 1000 }, (_, index) => ({ qualification: index % 2 ? "Education" : "StateOwnedEntity", vettingStatus: "InReview", vettingCreateDate: "2021-05-06T19:59:56.6832021+00:00" })),
);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// The three ways to make the same call, given a base URL and a fetch.
function contenders(baseUrl, fetch) {
  const bare = createClient({ baseUrl, fetch });
  const ours = createQualificationsClient({ baseUrl, fetch, accessToken: "bench-token" });
  const oursUnchecked = createQualificationsClient({ baseUrl, fetch, accessToken: "bench-token", validateResponses: false });
  const headers = { Authorization: "Bearer bench-token", Accept: "application/json" };
  return {
    "fetch + JSON.parse": async () => JSON.parse(await (await fetch(baseUrl + PATH, { headers })).text()),
    "openapi-fetch": async () => (await bare.GET("/v1/customers/{customer-tenant-id}/qualifications", { params: { path: { "customer-tenant-id": TENANT } }, headers })).data,
    "ours (validation on)": () => ours.getCustomerQualifications(TENANT),
    "ours (validation off)": () => oursUnchecked.getCustomerQualifications(TENANT),
  };
}

// Runs every contender `count` times per round, the order rotating each round; returns per-contender
// median ops/s and median p50/p99 latency (ms).
async function compare(calls, { count, concurrency = 1 }) {
  const names = Object.keys(calls);
  const samples = Object.fromEntries(names.map((name) => [name, { opsPerSecond: [], p50: [], p99: [] }]));
  for (let round = 0; round <= ROUNDS; round++) {
    const order = names.map((_, index) => names[(index + round) % names.length]);
    for (const name of order) {
      const latencies = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < count) {
            const t0 = performance.now();
            await calls[name]();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const elapsed = performance.now() - started;
      if (round === 0) continue; // warm-up
      samples[name].opsPerSecond.push((count / elapsed) * 1000);
      samples[name].p50.push(percentile(latencies, 50));
      samples[name].p99.push(percentile(latencies, 99));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { opsPerSecond: median(samples[name].opsPerSecond), p50: median(samples[name].p50), p99: median(samples[name].p99) }]));
}

function table(title, results, { latency = false } = {}) {
  const raw = results["fetch + JSON.parse"].opsPerSecond;
  const bare = results["openapi-fetch"].opsPerSecond;
  const lines = [`### ${title}`, "", `| Call | ops/s |${latency ? " p50 ms | p99 ms |" : ""} cost vs openapi-fetch | cost vs raw fetch |`, `|---|---:|${latency ? "---:|---:|" : ""}---:|---:|`];
  for (const [name, { opsPerSecond, p50, p99 }] of Object.entries(results)) {
    // Cost ratio: time per call relative to the reference (>1 means slower).
    lines.push(`| ${name} | ${fmt(opsPerSecond)} |${latency ? ` ${fmt(p50, 3)} | ${fmt(p99, 3)} |` : ""} ${fmt(bare / opsPerSecond, 2)}× | ${fmt(raw / opsPerSecond, 2)}× |`);
  }
  return lines.join("\n");
}

const report = [`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; ${ROUNDS} rounds (plus one warm-up), medians.`, ""];
const log = (text) => {
  report.push(text, "");
  console.log(`${text}\n`);
};
log(report[0]);

// 1. Client overhead: fetch answers at once from memory, as openapi-fetch's own benchmark does.
for (const [label, body, count] of [
  ["approved body", APPROVED, 10_000],
  ["1,000 qualifications", THOUSAND, 300],
]) {
  const stub = async () => new Response(body, { headers: { "Content-Type": "application/json" } });
  log(table(`Client overhead, in-memory fetch, ${label} (${fmt(count)} calls per round)`, await compare(contenders("https://api.partnercenter.microsoft.com", stub), { count })));
}

// 2. End to end over loopback, against a keep-alive node:http server.
const server = createServer((request, response) => response.writeHead(200, { "Content-Type": "application/json" }).end(APPROVED));
server.keepAliveTimeout = 60_000;
await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
const local = `http://127.0.0.1:${server.address().port}`;
for (const concurrency of [1, 64]) {
  log(table(`End to end over loopback, ${concurrency} concurrent (2,000 calls per round)`, await compare(contenders(local, globalThis.fetch), { count: 2_000, concurrency }), { latency: true }));
}

// Soak: 100,000 sequential calls through one client; the heap after a forced GC must stay flat.
const SOAK_CALLS = 100_000;
const HEAP_BOUND_MIB = 2;
{
  const client = createQualificationsClient({ baseUrl: local, accessToken: "bench-token" });
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

// 3. The mocks: static Prism (`npm start`) and the stateful mock (`npm start -- --stateful`), each read
// with the same GET of a customer who has an approved Education qualification.
const mockRows = [];
for (const [label, options] of [
  ["static Prism (`npm start`)", {}],
  ["stateful (`npm start -- --stateful`)", { stateful: true, seed: { customers: { [TENANT]: [{ qualification: "Education", vettingStatus: "Approved" }] } } }],
]) {
  const startedAt = performance.now();
  const mock = await startMock(options);
  const readyMs = performance.now() - startedAt;
  try {
    const headers = { Authorization: "Bearer bench-token" };
    const mockCalls = { "fetch + JSON.parse": async () => JSON.parse(await (await fetch(mock.url + PATH, { headers })).text()) };
    for (const concurrency of [1, 64]) {
      const { opsPerSecond, p50, p99 } = (await compare(mockCalls, { count: 500, concurrency }))["fetch + JSON.parse"];
      mockRows.push(`| ${label} | ${concurrency === 1 ? fmt(readyMs) : ""} | ${concurrency} | ${fmt(opsPerSecond)} | ${fmt(p50, 2)} | ${fmt(p99, 2)} |`);
    }
  } finally {
    await mock.stop();
  }
}
server.close();
// The MSW handlers answer in process: no port, no child process; the same GET through the global fetch.
{
  const startedAt = performance.now();
  const { handlers, engine } = createQualificationsHandlers();
  engine.seed({ customers: { [TENANT]: [{ qualification: "Education", vettingStatus: "Approved" }] } });
  const msw = setupServer(...handlers);
  msw.listen({ onUnhandledRequest: "error" });
  const readyMs = performance.now() - startedAt;
  try {
    const url = `https://api.partnercenter.microsoft.com${PATH}`;
    const headers = { Authorization: "Bearer bench-token" };
    const mswCalls = { "fetch + JSON.parse": async () => JSON.parse(await (await fetch(url, { headers })).text()) };
    for (const concurrency of [1, 64]) {
      const { opsPerSecond, p50, p99 } = (await compare(mswCalls, { count: 500, concurrency }))["fetch + JSON.parse"];
      mockRows.push(`| MSW handlers (\`./msw\`, in process) | ${concurrency === 1 ? fmt(readyMs) : ""} | ${concurrency} | ${fmt(opsPerSecond)} | ${fmt(p50, 2)} | ${fmt(p99, 2)} |`);
    }
  } finally {
    msw.close();
  }
}
log(["### The mocks", "", "| Mock | start to first answer, ms | concurrency | requests/s | p50 ms | p99 ms |", "|---|---:|---:|---:|---:|---:|", ...mockRows].join("\n"));
