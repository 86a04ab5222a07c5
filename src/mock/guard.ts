// The guard: a small HTTP proxy on 127.0.0.1 in front of Prism (prism.ts). Prism answers a request that
// breaks the contract with its own 422, 404 or 405 (statuses and bodies the contract does not declare),
// dies on a malformed escape in a path parameter, and never answers a body it cannot decode. So the guard
// answers every such request itself, as the contract says (refusals.ts), and sends Prism only requests
// that keep the contract, whole, with their body read and limited.
import { Agent, createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { BODY_LIMIT_BYTES, errorBody, idsOf, preferenceProblem, refusalOf, RETIRED_DETAIL, type Refusal } from "./refusals.js";
import { isRetired, matchRoute } from "./routes.js";

const HOST = "127.0.0.1";
// A caller that has not sent its whole request by then is answered 408 (declared) and let go.
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The guard for a Prism on `prismPort`. In front of Prism's proxy (the stateful mock), the retired calls
 * are answered 501 here: Prism's proxy would replace an upstream's 501 with an example of its own.
 */
export function createGuard(prismPort: number, mode: "static" | "proxy") {
  const agent = new Agent({ keepAlive: true });
  const server = createHttpServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (request, response) => {
    const headers = { get: (name: string) => request.headersDistinct[name.toLowerCase()]?.join(", ") ?? null };
    const refuse = ({ status, detail, headers: extra }: Refusal) => {
      // The rest of a refused body is not read: the connection closes after the answer.
      response.writeHead(status, { ...idsOf(headers), "Content-Type": "application/json", Connection: "close", ...extra }).end(JSON.stringify(errorBody(status, detail)));
    };
    // An absolute-form target (http://host/path) is no path of the contract: Prism never sees it.
    const [path, query] = request.url!.startsWith("/") ? request.url!.split("?", 2) : [request.url!, ""];
    const match = matchRoute(request.method!, path!);
    readBody(request).then(
      (body) => {
        if (body === undefined) return refuse({ status: 413, detail: `the body is longer than ${BODY_LIMIT_BYTES} bytes` });
        const refusal = refusalOf({ ...match, method: request.method!, path: path!, query, headers, body: body.toString("utf8") });
        if (refusal) return refuse(refusal);
        if (mode === "proxy" && isRetired(match.operationId)) return refuse({ status: 501, detail: RETIRED_DETAIL });
        // The static mock's Prefer header picks Prism's answer; the stateful engine reads only its own preferences.
        const unfollowable = mode === "static" ? preferenceProblem(match.operationId!, headers) : undefined;
        if (unfollowable) return refuse({ status: 400, detail: unfollowable });
        forward(request, body, response);
      },
      // The caller went away (or its request timed out) before its body ended: nobody to answer.
      () => response.destroy(),
    );
  });

  function forward(request: IncomingMessage, body: Buffer, response: ServerResponse) {
    const upstream = httpRequest({ host: HOST, port: prismPort, agent, method: request.method, path: request.url, headers: withLength(request.headers, body.length) }, (answer) => {
      // A caller who left before Prism answered has no one to answer (pipeline would throw).
      if (response.destroyed) return void answer.destroy();
      response.writeHead(answer.statusCode!, answer.statusMessage, endToEnd(answer.headers));
      pipeline(answer, response, () => {});
    });
    upstream.on("error", () => response.destroy());
    upstream.end(body);
  }

  // What Node's HTTP parser refuses (a request it cannot read, or one that took too long) gets the
  // contract's error body too, rather than Node's bare 400.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const body = JSON.stringify(errorBody(status, status === 408 ? "the request took too long to arrive" : "the request is not valid HTTP"));
    const { "MS-RequestId": requestId, "MS-CorrelationId": correlationId } = idsOf({ get: () => null });
    socket.end(
      `HTTP/1.1 ${status} ${status === 408 ? "Request Timeout" : "Bad Request"}\r\nContent-Type: application/json\r\nMS-RequestId: ${requestId}\r\nMS-CorrelationId: ${correlationId}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  server.once("close", () => agent.destroy());
  return server;
}

// The whole body, or undefined once it passes the limit (the rest is not read).
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"]) > BODY_LIMIT_BYTES) return resolve(undefined);
    const chunks: Buffer[] = [];
    let length = 0;
    request.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > BODY_LIMIT_BYTES) {
        request.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
    request.once("close", () => (request.complete ? undefined : reject(new Error("the caller went away"))));
  });
}

// Connection and Keep-Alive describe one hop (client to proxy, or proxy to Prism); each hop sets its own.
function endToEnd({ connection: _connection, "keep-alive": _keepAlive, ...headers }: IncomingHttpHeaders): IncomingHttpHeaders {
  return headers;
}

// The request's headers for Prism: the body goes on whole, with its length instead of its chunking.
function withLength(headers: IncomingHttpHeaders, length: number): IncomingHttpHeaders {
  const { "transfer-encoding": _encoding, ...rest } = endToEnd(headers);
  return { ...rest, "content-length": String(length) };
}
