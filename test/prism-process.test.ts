// Prism's process as startPrism runs it: how its end is reported, and stop() on a Prism that is gone.
import { connect } from "node:net";
import { expect, test } from "vitest";
import { startPrism } from "../src/mock/prism.js";

// How a new connection to the URL's port ends: ECONNREFUSED once nothing listens there.
const refusal = (url: string) =>
  new Promise<string>((resolve) => {
    const socket = connect(Number(new URL(url).port), "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
const settledWithin = (promise: Promise<unknown>, ms: number) => Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

test("Prism killed: died resolves with the signal, the port closes with it, and stop() after that is harmless", { timeout: 45_000 }, async () => {
  const prism = await startPrism();
  try {
    process.kill(prism.pid, "SIGKILL");
    expect(await prism.died).toBe("SIGKILL");
    expect(await refusal(`${prism.url}/`)).toBe("ECONNREFUSED");
    await expect(prism.stop()).resolves.toBeUndefined();
  } finally {
    try {
      process.kill(prism.pid);
    } catch {
      // gone, as the test expects
    }
  }
});

test("Prism stopped: the process ends, and died never settles", { timeout: 45_000 }, async () => {
  const prism = await startPrism();
  try {
    await prism.stop();
    expect(() => process.kill(prism.pid, 0)).toThrow(/ESRCH/);
    expect(await refusal(`${prism.url}/`)).toBe("ECONNREFUSED");
    expect(await settledWithin(prism.died, 200)).toBe(false);
  } finally {
    try {
      process.kill(prism.pid);
    } catch {
      // gone, as the test expects
    }
  }
});
