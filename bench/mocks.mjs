// `npm run bench:mocks` (and section 4 of `npm run bench`): the three mocks read with the same GET of a
// customer who has an approved Education qualification: static Prism (`npm start`), the stateful mock
// (`npm start -- --stateful`) and the MSW handlers in process. Start to first answer, then requests/s and
// latency at 1 and 64 concurrent; with the goals of issue 24 (the stateful mock ready within 1.5 s, the
// MSW handlers at least 10 times cheaper per call than Prism).
import { performance } from "node:perf_hooks";
import { setupServer } from "msw/node";
import { startMock } from "../dist/mock/index.js";
import { createQualificationsHandlers } from "../dist/mock/msw.js";
import { compare, fmt } from "./measure.mjs";

const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";
const PATH = `/v1/customers/${TENANT}/qualifications`;
const HEADERS = { Authorization: "Bearer bench-token" };
const APPROVED = { customers: { [TENANT]: [{ qualification: "Education", vettingStatus: "Approved" }] } };
const READY_GOAL_MS = 1_500;
const MSW_CHEAPER_GOAL = 10;

/** Measures each mock; resolves to the report's Markdown sections. */
export async function benchMocks() {
  const rows = [];
  const costs = {};
  const measure = async (label, url, readyMs) => {
    const calls = {
      "fetch + JSON.parse": async () => JSON.parse(await (await fetch(url + PATH, { headers: HEADERS })).text()),
    };
    for (const concurrency of [1, 64]) {
      const { opsPerSecond, p50, p99 } = (await compare(calls, { count: 500, concurrency })).results[
        "fetch + JSON.parse"
      ];
      if (concurrency === 1) costs[label] = 1000 / opsPerSecond;
      rows.push(
        `| ${label} | ${concurrency === 1 ? fmt(readyMs) : ""} | ${concurrency} | ${fmt(opsPerSecond)} | ${fmt(p50, 2)} | ${fmt(p99, 2)} |`,
      );
    }
  };
  const ready = {};
  for (const [label, options] of [
    ["static Prism (`npm start`)", {}],
    ["stateful (`npm start -- --stateful`)", { stateful: true, seed: APPROVED }],
  ]) {
    const startedAt = performance.now();
    const mock = await startMock(options);
    ready[label] = performance.now() - startedAt;
    try {
      await measure(label, mock.url, ready[label]);
    } finally {
      await mock.stop();
    }
  }
  // In process: no port, no child process; the same GET through the global fetch that MSW patches.
  const startedAt = performance.now();
  const { handlers, engine } = createQualificationsHandlers();
  engine.seed(APPROVED);
  const msw = setupServer(...handlers);
  // msw 3's name for the option and msw 2's: each ignores the other's.
  msw.listen({ onUnhandledFrame: "error", onUnhandledRequest: "error" });
  try {
    await measure(
      "MSW handlers (`./msw`, in process)",
      "https://api.partnercenter.microsoft.com",
      performance.now() - startedAt,
    );
  } finally {
    msw.close();
  }

  const statefulReady = ready["stateful (`npm start -- --stateful`)"];
  const mswCheaper =
    Math.min(costs["static Prism (`npm start`)"], costs["stateful (`npm start -- --stateful`)"]) /
    costs["MSW handlers (`./msw`, in process)"];
  return [
    [
      "### The mocks",
      "",
      "| Mock | start to first answer, ms | concurrency | requests/s | p50 ms | p99 ms |",
      "|---|---:|---:|---:|---:|---:|",
      ...rows,
    ].join("\n"),
    [
      "### The mocks' goals (issue 24)",
      "",
      "| Goal | measured | limit | met? |",
      "|---|---:|---:|---|",
      `| stateful mock, start to first answer | ${fmt(statefulReady)} ms | ${fmt(READY_GOAL_MS)} ms | ${statefulReady <= READY_GOAL_MS ? "yes" : "no"} |`,
      `| MSW handlers cheaper per call than the cheaper Prism mock (1 concurrent) | ${fmt(mswCheaper, 1)}× | at least ${MSW_CHEAPER_GOAL}× | ${mswCheaper >= MSW_CHEAPER_GOAL ? "yes" : "no"} |`,
    ].join("\n"),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const text of await benchMocks()) console.log(`${text}\n`);
}
