// OpenTelemetry spans: one per call, one per attempt, by the stable HTTP client semantic conventions. The
// interfaces are the part of @opentelemetry/api the client uses, declared here so that it needs no package.
import { ROUTES } from "../contract/routes.js";
import type { PartnerCenterClientError } from "./errors.js";
import { watching } from "./hooks.js";

/** An OpenTelemetry `Tracer` (`trace.getTracer(name)` of `@opentelemetry/api`), as far as the client uses it. */
export interface Tracer {
  startSpan(name: string, options?: SpanOptions, context?: TraceContext): Span;
}

export type SpanAttributes = Record<string, string | number | string[] | undefined>;

export interface SpanOptions {
  /** `SpanKind`: 0 internal, 2 client. */
  kind?: number;
  attributes?: SpanAttributes;
}

/** OpenTelemetry's `Context`: the client makes one only to give an attempt's span its call's span as parent. */
export interface TraceContext {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): TraceContext;
  deleteValue(key: symbol): TraceContext;
}

export interface Span {
  spanContext(): { traceId: string; spanId: string; traceFlags: number; traceState?: { serialize(): string } };
  setAttributes(attributes: SpanAttributes): unknown;
  setStatus(status: { code: number; message?: string | undefined }): unknown;
  end(): void;
}

const INTERNAL = 0;
const CLIENT = 2;
const ERROR = 2;
// @opentelemetry/api keys its context by Symbol.for, so that every copy of the package finds the same values.
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
const SUPPRESS_TRACING_KEY = Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING");

/** What a span of a call or of an attempt is told when it ends. */
export interface SpanEnd {
  status?: number | undefined;
  /** The status as text for an answer of 400 or more, else the error's kind: `timeout`, `network`... */
  errorType?: string | undefined;
  message?: string | undefined;
}

/** The call's span, and how its attempts make theirs. */
export interface CallTrace {
  startAttempt(attempt: number): AttemptTrace;
  end(outcome: SpanEnd): void;
}

export interface AttemptTrace {
  /** The W3C `traceparent` (and `tracestate`) of the attempt's span, for its request. */
  headers: Record<string, string>;
  /**
   * Runs the attempt's fetch with its span active and further tracing suppressed, so that an instrumentation
   * of fetch (undici's) adds no second span and no second traceparent.
   */
  run<T>(work: () => T): T;
  end(outcome: SpanEnd): void;
}

// The context manager of the OpenTelemetry SDK the application registered (NodeSDK does), found where
// @opentelemetry/api 1.x keeps it; without one, no instrumentation sees a context either.
interface ContextManager {
  active(): TraceContext;
  with<T>(context: TraceContext, work: () => T): T;
}
const API_KEY = Symbol.for("opentelemetry.js.api.1");
const contextManager = () =>
  (globalThis as { [API_KEY]?: { context?: ContextManager } })[API_KEY]?.context as ContextManager | undefined;

// A tracer whose startSpan calls the client would otherwise start spans for ever.
let starting = false;

/** Starts a call's span under the active context; its name is the operation's, such as getCustomerQualifications. */
export function startCallTrace(tracer: Tracer, method: string, url: URL, ids: SpanAttributes): CallTrace | undefined {
  if (starting) return undefined;
  const template = templateOf(method, url);
  const attributes: SpanAttributes = {
    "http.request.method": method,
    "url.full": url.href,
    "url.template": template?.path,
    // An IPv6 host without its brackets.
    "server.address": url.hostname.replace(/[[\]]/g, ""),
    "server.port": portOf(url),
    ...ids,
  };
  const start = (name: string, options: SpanOptions, context?: TraceContext) => {
    starting = true;
    try {
      return tracer.startSpan(name, options, context);
    } finally {
      starting = false;
    }
  };
  const callSpan = start(template?.operationId ?? method, { kind: INTERNAL, attributes });
  const manager = contextManager();
  // The active context, so that what it holds (baggage, suppressed tracing) holds for the attempts too.
  const parent = (manager?.active() ?? EMPTY_CONTEXT).setValue(SPAN_KEY, callSpan);
  // The attempt's span is named as its HTTP request: the method and the path's template.
  const attemptName = template ? `${method} ${template.path}` : method;
  return {
    startAttempt(attempt) {
      const resends = attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {};
      const span = start(attemptName, { kind: CLIENT, attributes: { ...attributes, ...resends } }, parent);
      const quiet = parent.setValue(SPAN_KEY, span).setValue(SUPPRESS_TRACING_KEY, true);
      return {
        headers: watching(() => traceHeaders(span)) ?? {},
        run: (work) => (manager ? manager.with(quiet, work) : work()),
        end: (outcome) => endSpan(span, outcome),
      };
    },
    end: (outcome) => endSpan(callSpan, outcome),
  };
}

// What a failed call's span records: the error's kind, or its status, and its message (redacted, as every one).
// Every error that ends a call is the client's: the transport turns whatever else is thrown into one.
export function spanEndOf(error: unknown): SpanEnd {
  const { kind, message } = error as PartnerCenterClientError;
  // An HTTP status speaks for itself, and a token function's words may quote a token of another call.
  if (kind === "http") return { errorType: String((error as { status?: number }).status) };
  return kind === "token" ? { errorType: kind } : { errorType: kind, message };
}

/** The port a URL goes to, its scheme's default included. */
export function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === "https:" ? 443 : 80);
}

// The span ends whatever its setters do.
function endSpan(span: Span, { status, errorType, message }: SpanEnd): void {
  try {
    // A status of 400 or more is an error of the span, a raw call's included.
    const error = errorType ?? ((status ?? 0) >= 400 ? String(status) : undefined);
    span.setAttributes({ "http.response.status_code": status, "error.type": error });
    if (error) span.setStatus({ code: ERROR, message });
  } finally {
    span.end();
  }
}

// The contract's call the request is: the route whose path the request's path ends with, so that a path the
// base URL puts before it does not matter. A literal path comes before a template in ROUTES, so
// /v1/customers/all/validations is no customer's validations.
function templateOf(method: string, { pathname }: URL) {
  const fits = (template: string) => new RegExp(`${template.replace(/{[^}]+}/g, "[^/]+")}$`).test(pathname);
  return ROUTES.find((route) => route.method === method && fits(route.path));
}

// An empty context, where the application has no context manager: the attempts' parent is then the call's span.
function contextOf(values: Map<symbol, unknown>): TraceContext {
  return {
    getValue: (key) => values.get(key),
    setValue: (key, value) => contextOf(new Map(values).set(key, value)),
    deleteValue: (key) => {
      const rest = new Map(values);
      rest.delete(key);
      return contextOf(rest);
    },
  };
}
const EMPTY_CONTEXT = contextOf(new Map());

function traceHeaders(span: Span): Record<string, string> {
  const { traceId, spanId, traceFlags, traceState } = span.spanContext();
  // A span that is not recorded anywhere (no SDK, suppressed tracing) has all-zero ids, which W3C forbids
  // sending; ids or a state of another form would make a header that fetch refuses.
  const valid = (id: string, length: number) => new RegExp(`^[0-9a-f]{${length}}$`).test(id);
  if (!valid(traceId, 32) || !valid(spanId, 16) || /^0+$/.test(traceId) || /^0+$/.test(spanId)) return {};
  const flags = ((Number(traceFlags) || 0) & 0xff).toString(16).padStart(2, "0");
  const state = traceState?.serialize();
  const validState = typeof state === "string" && /^[\x20-\x7e]{1,512}$/.test(state);
  return { traceparent: `00-${traceId}-${spanId}-${flags}`, ...(validState ? { tracestate: state } : {}) };
}
