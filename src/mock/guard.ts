// The guard: a small HTTP proxy on 127.0.0.1 in front of Prism (prism.ts). Prism answers a request that
// breaks the contract with its own 422, 404 or 405 (statuses and bodies the contract does not declare),
// dies on a malformed escape in a path parameter, and never answers a body it cannot decode. So the guard
// answers every such request itself, as the contract says (request-errors.ts), and sends Prism only requests
// that keep the contract, whole, with their body read and limited.
import {
  Agent,
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { pipeline, type Duplex } from "node:stream";
import {
  BODY_LIMIT_BYTES,
  errorBody,
  headersOf,
  idsOf,
  preferenceProblem,
  errorResponseOf,
  RETIRED_DETAIL,
  type ErrorResponse,
} from "./request-errors.js";
import { isRetired, matchRoute } from "../contract/routes.js";

const HOST = "127.0.0.1";
// A caller that has not sent its whole request by then is answered 408 (declared) and let go.
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The guard for a Prism on `prismPort`. In front of Prism's proxy (the stateful mock), the retired calls
 * are answered 501 here: Prism's proxy would replace an upstream's 501 with an example of its own.
 * `requestTimeoutMs` is shorter only in tests.
 */
export function createGuard(prismPort: number, mode: "static" | "proxy", requestTimeoutMs = REQUEST_TIMEOUT_MS) {
  const prism: Upstream = { port: prismPort, agent: new Agent({ keepAlive: true }) };
  // Node checks the request timeout every connectionsCheckingInterval (30 s by default), which would double it.
  const server = createHttpServer(
    { requestTimeout: requestTimeoutMs, connectionsCheckingInterval: 1_000 },
    (request, response) => guard(request, response, mode, prism),
  );
  // What Node's HTTP parser refuses (a request it cannot read, or one that took too long) gets the
  // contract's error body too, rather than Node's bare 400; so do CONNECT (no path of the contract) and an
  // Expect other than 100-continue (Node's bare 417, which the contract does not declare).
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ERR_HTTP_REQUEST_TIMEOUT")
      respondRaw(socket, 408, "Request Timeout", "the request took too long to arrive");
    else respondRaw(socket, 400, "Bad Request", "the request is not valid HTTP");
  });
  server.on("connect", (request: IncomingMessage, socket: Duplex) =>
    respondRaw(socket, 404, "Not Found", `CONNECT ${request.url} is not a call of this contract`),
  );
  server.on("checkExpectation", (request: IncomingMessage, response: ServerResponse) => {
    response
      .writeHead(400, { ...idsOf(headersOf(request)), "Content-Type": "application/json", Connection: "close" })
      .end(JSON.stringify(errorBody(400, `Expect: ${request.headers.expect} is not supported`)));
  });
  server.once("close", () => prism.agent.destroy());
  return server;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Prism, where the guard sends what keeps the contract. */
interface Upstream {
  port: number;
  agent: Agent;
}

// Answers a request that breaks the contract as the contract says; sends Prism the others, whole.
function guard(request: IncomingMessage, response: ServerResponse, mode: "static" | "proxy", prism: Upstream) {
  const headers = headersOf(request);
  const refuse = ({ status, detail, headers: extra }: ErrorResponse) => {
    // The rest of a body over the limit is not read: that connection closes after the answer.
    const close = status === 413 ? { Connection: "close" } : {};
    response
      .writeHead(status, { ...idsOf(headers), "Content-Type": "application/json", ...close, ...extra })
      .end(JSON.stringify(errorBody(status, detail)));
  };
  // An absolute-form target (http://host/path) is no path of the contract: Prism never sees it.
  const target = request.url!;
  const queryAt = target.startsWith("/") && target.includes("?") ? target.indexOf("?") : target.length;
  const [path, query] = [target.slice(0, queryAt), target.slice(queryAt + 1)];
  const match = matchRoute(request.method!, path);
  readBody(request).then(
    (body) => {
      if (body === undefined)
        return refuse({ status: 413, detail: `the body is longer than ${BODY_LIMIT_BYTES} bytes` });
      let text: string;
      try {
        text = UTF8.decode(body);
      } catch {
        return refuse({ status: 400, detail: "the body is not valid UTF-8" });
      }
      const refused = errorResponseOf({ ...match, method: request.method!, path, query, headers, body: text });
      if (refused) return refuse(refused);
      if (mode === "proxy" && isRetired(match.operationId)) return refuse({ status: 501, detail: RETIRED_DETAIL });
      // The static mock's Prefer header picks Prism's answer; the stateful engine reads only its own preferences.
      const unfollowable = mode === "static" ? preferenceProblem(match.operationId!, headers) : undefined;
      if (unfollowable) return refuse({ status: 400, detail: unfollowable });
      forward(prism, request, body, idsOf(headers), response);
    },
    // The caller went away (or its request timed out) before its body ended: nobody to answer.
    () => response.destroy(),
  );
}

function forward(
  prism: Upstream,
  request: IncomingMessage,
  body: Buffer,
  ids: ReturnType<typeof idsOf>,
  response: ServerResponse,
) {
  const options = {
    host: HOST,
    port: prism.port,
    agent: prism.agent,
    method: request.method,
    path: request.url,
    headers: withLength(request.headers, body.length),
  };
  const upstream = httpRequest(options, (prismResponse) => {
    // A caller who left before Prism answered has no one to answer (pipeline would throw).
    if (response.destroyed) return void prismResponse.destroy();
    // The static mock's answers carry its examples' ids; every answer carries the request's, as Partner
    // Center's do.
    response.writeHead(prismResponse.statusCode!, prismResponse.statusMessage, {
      ...endToEnd(prismResponse.headers),
      "ms-requestid": ids["MS-RequestId"],
      "ms-correlationid": ids["MS-CorrelationId"],
    });
    pipeline(prismResponse, response, () => {});
  });
  upstream.on("error", () => response.destroy());
  upstream.end(body);
}

// An answer written on the socket itself, where Node gives no response object; the connection closes.
function respondRaw(socket: Duplex, status: 400 | 404 | 408, reason: string, detail: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify(errorBody(status, detail));
  const { "MS-RequestId": requestId, "MS-CorrelationId": correlationId } = idsOf({ get: () => null });
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    "Content-Type: application/json",
    `MS-RequestId: ${requestId}`,
    `MS-CorrelationId: ${correlationId}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
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
function endToEnd({
  connection: _connection,
  "keep-alive": _keepAlive,
  ...headers
}: IncomingHttpHeaders): IncomingHttpHeaders {
  return headers;
}

// The request's headers for Prism: the body goes on whole, with its length instead of its chunking.
function withLength(headers: IncomingHttpHeaders, length: number): IncomingHttpHeaders {
  const { "transfer-encoding": _encoding, ...rest } = endToEnd(headers);
  return { ...rest, "content-length": String(length) };
}
