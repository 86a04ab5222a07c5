// The engine over HTTP, on 127.0.0.1: parses each request for the engine and writes its answer. The
// stateful mock puts Prism's validating proxy in front of it (see prism.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import type { Engine } from "./engine.js";
import { headersOf } from "./request-errors.js";
import { matchRoute } from "../contract/routes.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startEngineServer(engine: Engine, port = 0): Promise<RunningServer> {
  const server = createServer((request, response) => {
    const method = request.method!;
    const [path, query] = targetOf(request.url!);
    const headers = headersOf(request);
    text(request).then(
      (body) => {
        const answer = engine.handle({ ...matchRoute(method, path), method, path, query, headers, body });
        response.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
      },
      // The client went away before its body ended, its connection with it: nobody to answer, nothing for the engine.
      () => {},
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((listening, failed) => server.once("error", failed).listen(port, "127.0.0.1", listening));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

// The request target's path and query. An absolute-form target (http://host/path) gives its own; one that
// does not parse as a URL is no path of the contract (new URL would throw in the handler).
function targetOf(target: string): [path: string, query: string] {
  if (target.startsWith("/"))
    return target.includes("?")
      ? [target.slice(0, target.indexOf("?")), target.slice(target.indexOf("?") + 1)]
      : [target, ""];
  return URL.canParse(target) ? [new URL(target).pathname, new URL(target).search.slice(1)] : [target, ""];
}
