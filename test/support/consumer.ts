// The package as users get it: packed, and installed into a fresh project made from
// test/fixtures/consumer. The package test (npm test) and the consumer matrix (npm run test:consumers)
// both start from here.
import { execFileSync, spawn } from "node:child_process";
import { cpSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { freePort } from "../../src/mock/index.js";

const root = resolve(".");

export const run = (command: string, args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });

/** What the consumer's run scripts get from the mock's documented examples, whatever runs them. */
export const FROM_THE_MOCK = {
  inReview: [{ qualification: "Education", vettingStatus: "InReview", vettingCreatedDate: "2020-12-03T10:37:38.885Z" }],
  date: "2020-12-03T10:37:38.885Z",
  error: { isPartnerCenterError: true, status: 404, code: 60003 },
};

export interface PackedFile {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/**
 * Packs the built package into `work` and installs the tarball and `devTools` into `work/consumer`.
 * `allowScripts` names the dependencies whose install scripts npm may run (it runs none by default).
 */
export function installConsumer(work: string, devTools: string[], allowScripts: string[] = []) {
  // Without prepack's build: the global setup built dist/, which other tests read while this one packs.
  const [packed]: PackedFile[] = JSON.parse(
    run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work]),
  );
  const tarball = join(work, packed!.filename);
  const consumer = join(work, "consumer");
  cpSync("test/fixtures/consumer", consumer, { recursive: true });
  run("npm", ["init", "-y"], consumer);
  if (allowScripts.length > 0)
    run("npm", ["pkg", "set", "--json", ...allowScripts.map((name) => `allowScripts.${name}=true`)], consumer);
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, ...devTools], consumer);
  return { packed: packed!, tarball, consumer };
}

/**
 * Starts the documented consumer command, `partner-center-qualifications-mock`, from the installed package
 * (it serves that package's own spec) on a free port of 127.0.0.1; `stop` ends it by its process id.
 */
export async function startMockCommand(consumer: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const mock = spawn(join(consumer, "node_modules", ".bin", "partner-center-qualifications-mock"), [], {
    cwd: consumer,
    // The pinned Node first: the Prism it starts needs Node 24.
    env: {
      ...process.env,
      PORT: String(port),
      PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // If the runner itself is killed, the mock must not outlive it.
  const kill = () => mock.kill("SIGTERM");
  process.once("exit", kill);
  const exited = new Promise((done) => mock.once("exit", done));
  const stop = async () => {
    process.off("exit", kill);
    if (mock.exitCode === null && mock.signalCode === null) kill();
    await exited;
  };
  await new Promise<void>((ready, fail) => {
    let output = "";
    mock.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("Press Ctrl+C to stop.")) ready();
    });
    mock.once("exit", (code) =>
      fail(new Error(`the mock command exited with ${code} before it was ready:\n${output}`)),
    );
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, stop };
}
