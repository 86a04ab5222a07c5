// The guard: a small HTTP proxy on 127.0.0.1 in front of Prism (prism.ts), which answers what Prism
// cannot and streams everything else through as it came.
import { Agent, createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { pipeline } from "node:stream";
import { buffer } from "node:stream/consumers";

const HOST = "127.0.0.1";

// Prism never answers a request whose JSON body does not parse (it waits for a request end that has
// already passed), so the guard answers those with the contract's 400 and streams all else through as is.
export function createGuard(prismPort: number, badRequest: unknown) {
  const agent = new Agent({ keepAlive: true });
  const forward = (request: import("node:http").IncomingMessage, body: Buffer | undefined, response: import("node:http").ServerResponse) => {
    const upstream = httpRequest({ host: HOST, port: prismPort, agent, method: request.method, path: request.url, headers: endToEnd(request.headers) }, (answer) => {
      // A caller who left before Prism answered has no one to answer (pipeline would throw).
      if (response.destroyed) return void answer.destroy();
      response.writeHead(answer.statusCode!, answer.statusMessage, endToEnd(answer.headers));
      pipeline(answer, response, () => {});
    });
    upstream.on("error", () => response.destroy());
    if (body) upstream.end(body);
    else pipeline(request, upstream, () => {});
  };
  const server = createHttpServer((request, response) => {
    if (!hasJsonBody(request.headers)) return forward(request, undefined, response);
    buffer(request).then(
      (body) => {
        if (parsesAsJson(body)) return forward(request, body, response);
        response.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify(badRequest));
      },
      () => response.destroy(),
    );
  });
  server.once("close", () => agent.destroy());
  return server;
}

// The requests whose body Prism parses as JSON: a non-empty body with a JSON media type.
function hasJsonBody(headers: IncomingHttpHeaders): boolean {
  const hasBody = headers["transfer-encoding"] !== undefined || (headers["content-length"] ?? "0") !== "0";
  return hasBody && /^\s*application\/([^\s/;]+\+)?json\s*(;|$)/i.test(headers["content-type"] ?? "");
}

function parsesAsJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

// Connection and Keep-Alive describe one hop (client to proxy, or proxy to Prism); each hop sets its own.
function endToEnd({ connection: _connection, "keep-alive": _keepAlive, ...headers }: IncomingHttpHeaders): IncomingHttpHeaders {
  return headers;
}

