// A fake Microsoft Entra ID token service on 127.0.0.1, over https (MSAL, under @azure/identity, accepts
// no other authority), with a certificate made for the run by openssl: what a real credential class
// needs to get a token offline. It answers the OpenID configuration and the client-credentials token
// request, and refuses a wrong client secret as Entra ID does, with an AADSTS code.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import type { Duplex } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface FakeEntra {
  /** The `authorityHost` to give the credential. */
  authorityHost: string;
  /** The certificate to trust (the credential's `tlsOptions.ca`). */
  ca: string;
  /** The body of every token request, as form fields. */
  tokenRequests: URLSearchParams[];
  close: () => Promise<void>;
}

export async function startFakeEntra(options: { clientSecret: string; accessToken: string }): Promise<FakeEntra> {
  const dir = mkdtempSync(join(tmpdir(), "pcq-entra-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const [key, ca] = ["key.pem", "cert.pem"].map((file) => readFileSync(join(dir, file), "utf8")) as [string, string];
    const tokenRequests: URLSearchParams[] = [];
    const sockets = new Set<Duplex>();
    let authorityHost = "";
    const server = createServer({ key, cert: ca }, (request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        const { pathname } = new URL(request.url!, authorityHost);
        const tenant = pathname.split("/")[1];
        const answer = (status: number, json: object) =>
          response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(json));
        if (pathname.endsWith("/v2.0/.well-known/openid-configuration")) {
          const base = `${authorityHost}/${tenant}`;
          return answer(200, {
            issuer: `${base}/v2.0`,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          });
        }
        if (pathname.endsWith("/oauth2/v2.0/token")) {
          const form = new URLSearchParams(body);
          tokenRequests.push(form);
          if (form.get("client_secret") !== options.clientSecret) {
            return answer(401, {
              error: "invalid_client",
              error_description: "AADSTS7000215: Invalid client secret provided.",
              error_codes: [7000215],
            });
          }
          return answer(200, {
            token_type: "Bearer",
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: options.accessToken,
          });
        }
        answer(404, { error: "not_found" });
      });
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    authorityHost = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
    return {
      authorityHost,
      ca,
      tokenRequests,
      close: () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
