// `partner-center-qualifications/mock`: the mock for a test setup. Static (Prism serving the documented
// examples) or stateful (the lifecycle engine behind Prism's validating proxy), on 127.0.0.1.
import { createEngine, type Engine, type EngineOptions, type EngineState } from "./engine.js";
import type { StdioOptions } from "node:child_process";
import { startPrism } from "./prism.js";
import { startEngineServer } from "./server.js";

export {
  createEngine,
  DENIED_REASON,
  type Engine,
  type EngineOptions,
  type EngineRequest,
  type EngineResponse,
  type EngineState,
} from "./engine.js";
export { MockOptionsError } from "./options-error.js";
export { matchRoute, ROUTES, type Match, type OperationId, type Route } from "../contract/routes.js";
export { freePort } from "./prism.js";

export interface MockOptions extends EngineOptions {
  /** The port to listen on; a free one by default. */
  port?: number;
  /** The lifecycle engine behind Prism's validating proxy, rather than Prism's static examples. Default false. */
  stateful?: boolean;
  /** Customers and validation codes to start the stateful mock with. */
  seed?: EngineState;
  /** Where Prism's output goes; default nowhere. */
  stdio?: StdioOptions | undefined;
}

export interface RunningMock {
  /** Where the mock answers, such as `http://127.0.0.1:4010`. */
  url: string;
  /** Prism's process id. */
  pid: number;
  /** The stateful mock's engine (to reset or seed it between tests); undefined for the static mock. */
  engine: Engine | undefined;
  /** Ends Prism (by its process id) and the engine's server. */
  stop(): Promise<void>;
  /** Resolves with how Prism ended if it ends without `stop()`. */
  died: Promise<string>;
}

/** The stateful mock: its engine is there to reset or seed. */
export interface RunningStatefulMock extends RunningMock {
  engine: Engine;
}

/** Starts the mock and resolves once it answers. Needs `@stoplight/prism-cli` installed. */
export function startMock(options: MockOptions & { stateful: true }): Promise<RunningStatefulMock>;
export function startMock(options?: MockOptions): Promise<RunningMock>;
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const { port, stateful = false, seed, stdio, ...engineOptions } = options;
  if (!stateful) {
    const prism = await startPrism({ port, stdio });
    return { ...prism, engine: undefined };
  }
  const engine = createEngine(engineOptions);
  const server = await startEngineServer(engine);
  try {
    const prism = await startPrism({ upstream: server.url, port, stdio });
    // The readiness probe went through the engine; start from a clean state.
    engine.reset();
    if (seed) engine.seed(seed);
    prism.died.then(() => server.close());
    return {
      ...prism,
      engine,
      async stop() {
        await prism.stop();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
