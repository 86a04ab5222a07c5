import { connect } from "node:net";

/** How a new TCP connection to 127.0.0.1:`port` ends: "connected", or the error's code (ECONNREFUSED once nothing listens there). */
export const connectionTo = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
