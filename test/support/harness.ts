// What the tests share: the customer they call for, the answer most of them expect, and, for a test file of the
// client, a fault server (./fault-server.ts) that runs for the file's tests with a client factory bound to it
// and to the file's own defaults.
import { afterAll, beforeAll } from "vitest";
import {
  createQualificationsClient,
  type QualificationsClient,
  type QualificationsClientOptions,
} from "../../src/client/index.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";

/**
 * The customer tenant id the tests call for: the contract's example, EXAMPLE_TENANT_ID of src/contract/paths.ts.
 * Written out rather than imported, so that what the tests send does not change with src/.
 */
export const TENANT = "4a1f2b6c-9d3e-4f5a-8b7c-0d1e2f3a4b5c";

/** A customer whose Education qualification is approved, as the array form of the GET's answer. */
export const APPROVED = [{ qualification: "Education", vettingStatus: "Approved" }];

/** A placeholder token, as with the mock: under 16 characters, so redaction leaves what echoes it alone. */
export const PLACEHOLDER_TOKEN = "token";

/** The client's options with an accessToken (the other form takes a credential). */
export type TokenOptions = Extract<QualificationsClientOptions, { accessToken: unknown }>;

export interface FaultHarness {
  /** The file's fault server: started before its first test, closed after its last. */
  readonly server: FaultServer;
  /**
   * A client of the fault server: the file's defaults, then `options` over them. Without an accessToken in
   * either, it sends PLACEHOLDER_TOKEN.
   */
  client: (options?: Partial<TokenOptions>) => QualificationsClient;
}

/**
 * Runs a fault server for the tests of the file, or of the describe block, that calls it, and returns it with a
 * client factory whose defaults are `defaults`. The server returned stands for the one running, so that it can be
 * taken apart where the file starts: `const { server, client } = useFaultServer({ retry: false })`.
 */
export function useFaultServer(defaults: Partial<TokenOptions> = {}): FaultHarness {
  let running: FaultServer | undefined;
  beforeAll(async () => {
    running = await startFaultServer();
  });
  afterAll(() => running?.close());
  const current = (): FaultServer => {
    if (!running) throw new Error("The fault server runs only while the tests that asked for it run");
    return running;
  };
  const server: FaultServer = {
    get url() {
      return current().url;
    },
    get received() {
      return current().received;
    },
    script: (...replies) => current().script(...replies),
    close: () => current().close(),
  };
  return {
    server,
    client: (options = {}) =>
      createQualificationsClient({ baseUrl: server.url, accessToken: PLACEHOLDER_TOKEN, ...defaults, ...options }),
  };
}
