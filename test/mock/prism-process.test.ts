// Prism's process as startPrism runs it: how its end is reported, and stop() on a Prism that is gone or hangs.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, vi } from "vitest";
import { examples } from "../../generated/examples.js";
import {
  freePort,
  isReady,
  READINESS_PROBE,
  startPrism,
  type PrismOptions,
  type RunningPrism,
} from "../../src/mock/prism.js";
import { connectionTo } from "../support/connection.js";

// How a new connection to the URL's port ends: ECONNREFUSED once nothing listens there.
const refusal = (url: string) => connectionTo(Number(new URL(url).port));
const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

/** Starts a Prism for `check`, and ends it by its process id afterwards, also when the check fails. */
async function withPrism(check: (prism: RunningPrism) => Promise<void>, options?: PrismOptions): Promise<void> {
  const prism = await startPrism(options);
  try {
    await check(prism);
  } finally {
    try {
      // SIGKILL: it ends a Prism that ignores SIGTERM too.
      process.kill(prism.pid, "SIGKILL");
    } catch {
      // gone, as the tests expect
    }
  }
}

test(
  "Prism killed: died resolves with the signal, the port closes with it, and stop() after that is harmless",
  { timeout: 45_000 },
  () =>
    withPrism(async (prism) => {
      process.kill(prism.pid, "SIGKILL");
      expect(await prism.died).toBe("SIGKILL");
      expect(await refusal(`${prism.url}/`)).toBe("ECONNREFUSED");
      await expect(prism.stop()).resolves.toBeUndefined();
    }),
);

test("Prism stopped: the process ends, and died never settles", { timeout: 45_000 }, () =>
  withPrism(async (prism) => {
    await prism.stop();
    expect(() => process.kill(prism.pid, 0)).toThrow(/ESRCH/);
    expect(await refusal(`${prism.url}/`)).toBe("ECONNREFUSED");
    expect(await settledWithin(prism.died, 200)).toBe(false);
  }),
);

test("Prism that ignores SIGTERM: stop(), called twice, ends it with SIGKILL after the grace period", {
  timeout: 45_000,
}, async () => {
  // Prism inherits this process's environment: its Node starts with a SIGTERM handler that does nothing.
  vi.stubEnv(
    "NODE_OPTIONS",
    `${process.env.NODE_OPTIONS ?? ""} --import=data:text/javascript,${encodeURIComponent('process.on("SIGTERM", () => {});')}`,
  );
  try {
    await withPrism(
      async (prism) => {
        // A guard against a hang, not a timing goal.
        expect(await settledWithin(Promise.all([prism.stop(), prism.stop()]), 10_000)).toBe(true);
        expect(() => process.kill(prism.pid, 0)).toThrow(/ESRCH/);
        expect(await refusal(`${prism.url}/`)).toBe("ECONNREFUSED");
      },
      { stopGraceMs: 100 },
    );
  } finally {
    vi.unstubAllEnvs();
  }
});

test("Prism that exits while starting: startPrism rejects with how it ended, and the port is closed", {
  timeout: 45_000,
}, async () => {
  const port = await freePort();
  // Prism's proxy exits with code 1 at once on an upstream that is no URL.
  await expect(startPrism({ port, upstream: "not-a-url" })).rejects.toThrow(
    `Prism stopped (exit code 1) before it answered on http://127.0.0.1:${port}`,
  );
  expect(await refusal(`http://127.0.0.1:${port}/`)).toBe("ECONNREFUSED");
});

test("an upstream that never answers the probe in time, then only fails: startPrism gives up at readyTimeoutMs, stops Prism and closes the port", {
  timeout: 45_000,
}, async () => {
  let requests = 0;
  // The first probe that reaches it hangs (the probe's own time limit ends it); the others get a 500.
  const upstream: Server = createServer((_request, response) => {
    if (requests++ > 0) response.writeHead(500).end();
  });
  await new Promise<void>((listening) => upstream.listen(0, "127.0.0.1", listening));
  try {
    const port = await freePort();
    // Long enough for Prism to start and take the first probe on a loaded machine (6 s was not, on 2026-12-04).
    const readyTimeoutMs = 15_000;
    await expect(
      startPrism({ port, upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, readyTimeoutMs }),
    ).rejects.toThrow(
      `Prism did not answer the contract's example on http://127.0.0.1:${port} within ${readyTimeoutMs} ms`,
    );
    // How many probes got through before the deadline depends on how fast Prism started; at least the hanging one did.
    expect(requests).toBeGreaterThan(0);
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBe("ECONNREFUSED");
  } finally {
    upstream.closeAllConnections();
    upstream.close();
  }
});

test("ready: static Prism once it answers 200 with the contract's example; Prism's proxy once its upstream answers 200 or 429", () => {
  const example = examples.getValidationCodes.responses[200][READINESS_PROBE];
  expect(isReady("static", 200, structuredClone(example))).toBe(true);
  expect(isReady("static", 200, [example[0]])).toBe(false);
  expect(isReady("static", 201, example)).toBe(false);
  expect(isReady("static", 429, example)).toBe(false);
  expect([200, 429].map((status) => isReady("proxy", status, undefined))).toEqual([true, true]);
  expect([201, 404, 500, 502].map((status) => isReady("proxy", status, example))).toEqual([false, false, false, false]);
});
