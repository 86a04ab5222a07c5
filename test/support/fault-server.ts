// A node:http server on 127.0.0.1 that answers each request with the next scripted reply, to put the
// client through the failures a real network and a real Partner Center produce.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { createGzip } from "node:zlib";

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = (request: IncomingMessage, response: ServerResponse) => void;

export const reply = {
  json:
    (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
    (_request, response) => {
      response
        .writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(body));
    },
  text:
    (status: number, text: string, contentType: string, headers: Record<string, string> = {}): Reply =>
    (_request, response) => {
      response.writeHead(status, { "Content-Type": contentType, ...headers }).end(text);
    },
  /** The connection is dropped before any answer. */
  reset: (): Reply => (request) => request.socket.destroy(),
  /** An answer that never comes. */
  hang: (): Reply => () => {},
  /** A body of `size` bytes sent without Content-Length (chunked), so its size shows only while it streams. */
  chunked:
    (status: number, size: number): Reply =>
    (_request, response) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(`[${" ".repeat(size - 2)}]`);
    },
  /** A JSON array of spaces that never ends, gzip-compressed if asked (a gzip bomb): only a size limit or a timeout stops it. */
  endless:
    (gzip = false): Reply =>
    (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", ...(gzip && { "Content-Encoding": "gzip" }) });
      const sink = gzip ? createGzip() : response;
      if (gzip) sink.pipe(response);
      response.once("close", () => sink.destroy());
      const spaces = Buffer.alloc(64 * 1024, " ");
      const pump = (): void => {
        while (!response.destroyed && sink.write(spaces));
        if (!response.destroyed) sink.once("drain", pump);
      };
      sink.write("[");
      pump();
    },
  /** A redirect to `location`. */
  redirect:
    (status: number, location: string): Reply =>
    (_request, response) => {
      response.writeHead(status, { Location: location, "Content-Type": "text/plain" }).end("Moved");
    },
  /** Headers promise more body than arrives; then the connection drops. */
  cutOff:
    (text: string): Reply =>
    (_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(text.length + 100) });
      response.write(text, () => response.socket?.destroy());
    },
};

export interface FaultServer {
  url: string;
  received: Received[];
  /** Scripts the next replies, in order; a request beyond the script gets a 599 that no test expects. */
  script: (...replies: Reply[]) => void;
  close: () => Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const received: Received[] = [];
  let queue: Reply[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ method: request.method!, path: request.url!, headers: request.headers, body });
      const next = queue.shift() ?? reply.text(599, "no reply scripted", "text/plain");
      next(request, response);
    });
  });
  // Idle connections stay open until close(): fetch drops its idle ones after 4 s itself. With Node's 5 s
  // server timeout, a loaded machine could fire the server's timer first, just as fetch reuses the
  // socket, and a request would fail with ECONNRESET that no test asked for.
  server.keepAliveTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...replies) => {
      received.length = 0;
      queue = replies;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
