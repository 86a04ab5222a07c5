import { connect } from "node:net";

/** How a new TCP connection to 127.0.0.1:`port` ends: "connected", or the error's code (ECONNREFUSED once nothing listens there). */
export const connectionTo = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

/**
 * Writes `requestText` raw to the server at `url`, as no HTTP client would, and resolves with the whole
 * answer once the server closes the connection, or with its status line (`statusLineOnly`) as soon as it comes.
 */
export function sendRaw(url: string, requestText: string, statusLineOnly = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), "127.0.0.1", () => socket.write(requestText));
    let text = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk;
      if (statusLineOnly && text.includes("\r\n")) {
        resolve(text.slice(0, text.indexOf("\r\n")));
        socket.destroy();
      }
    });
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}
