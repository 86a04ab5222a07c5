// A real npm registry for the release rehearsal: Verdaccio on a free port of 127.0.0.1, storing in a
// throwaway folder. It holds this package only as published to it; every other package comes through it
// from the registry npm is configured with. `stop` ends it by its process id.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort } from "../../src/mock/index.js";

export interface Registry {
  /** Such as `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** An npm user configuration file naming the registry and a publisher's token: pass it as NPM_CONFIG_USERCONFIG. */
  readonly npmrc: string;
  stop(): Promise<void>;
}

const VERDACCIO = resolve("node_modules/verdaccio/bin/verdaccio");
// Verdaccio needs Node 22 or later: the pinned one.
const NODE = resolve("node_modules/.bin/node");

export async function startRegistry(dir: string, packageName: string): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const upstream = execFileSync("npm", ["config", "get", "registry"], { encoding: "utf8" }).trim();
  const config = join(dir, "verdaccio.yaml");
  writeFileSync(
    config,
    `storage: ${join(dir, "storage")}
auth:
  htpasswd:
    file: ${join(dir, "htpasswd")}
uplinks:
  upstream:
    url: ${upstream}
packages:
  "${packageName}":
    access: $all
    publish: $authenticated
  "**":
    access: $all
    proxy: upstream
log: { type: stdout, format: pretty, level: warn }
`,
  );
  const server = spawn(NODE, [VERDACCIO, "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const stop = () => stopProcess(server);
  try {
    await until(
      async () => (await fetch(`${url}-/ping`)).ok,
      () => `Verdaccio did not start:\n${output}`,
    );
    const token = await addUser(url);
    const npmrc = join(dir, "npmrc");
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, npmrc, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// npm adduser's request: Verdaccio's htpasswd store creates the user and answers its token.
async function addUser(url: string): Promise<string> {
  const name = "rehearsal";
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "rehearsal-password", type: "user", roles: [] }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== "string")
    throw new Error(`Verdaccio refused the user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

async function until(ready: () => Promise<boolean>, failure: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await ready().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(failure());
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
}
