// The measuring tools of the benchmarks (run.mjs, mocks.mjs): rounds of calls, medians, figures.
import { performance } from "node:perf_hooks";

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
export const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

// Runs every contender `count` times per round, the order rotating each round. Returns, per contender,
// the median ops/s and p50/p99 latency (ms), and `cost(name, reference)`: the median over the rounds of
// the ratio of time per call, each ratio taken within one round, so that a slow spell of the machine
// weighs on both sides of it.
export async function compare(calls, { count, concurrency = 1 }) {
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
  const results = Object.fromEntries(
    names.map((name) => [
      name,
      {
        opsPerSecond: median(samples[name].opsPerSecond),
        p50: median(samples[name].p50),
        p99: median(samples[name].p99),
      },
    ]),
  );
  const cost = (name, reference) =>
    median(samples[name].opsPerSecond.map((ops, round) => samples[reference].opsPerSecond[round] / ops));
  const microseconds = (name) => median(samples[name].opsPerSecond.map((ops) => 1e6 / ops));
  return { results, cost, microseconds };
}
