// Tracing with the real OpenTelemetry SDK (in-memory exporter) and logging, over loopback against the fault
// server: a span per call and per attempt by the HTTP client conventions, traceparent on the wire, a log line
// per attempt, retry and poll; never the token, anywhere.
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Tracer } from "../../src/client/index.js";
import { debugEnables } from "../../src/client/logging.js";
import { freePort } from "../../src/mock/index.js";
import { reply } from "../support/fault-server.js";
import { TENANT, useFaultServer } from "../support/harness.js";
import { rejectionOf } from "../support/rejection.js";

const TOKEN = "telemetry-secret-token";
const TEMPLATE = "/v1/customers/{customer-tenant-id}/qualifications";
const PATH = `/v1/customers/${TENANT}/qualifications`;
const INTERNAL = 0;
const CLIENT = 2;
const ERROR = 2;
const approved = [{ qualification: "Education", vettingStatus: "Approved" }];
const retryOnce = { retries: 1, minDelayMs: 10, maxDelayMs: 10 };

const { server, client } = useFaultServer({ retry: false, accessToken: TOKEN });
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer("test");
beforeEach(() => exporter.reset());
// What NodeSDK and NodeTracerProvider.register() set up: the active span follows async calls.
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => context.disable());

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().filter((span) => span.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");

describe("tracing", () => {
  test("a call with a retry: one call span, an attempt span for each try under it, each sent as traceparent", async () => {
    server.script(reply.json(503, { code: 503 }), reply.json(200, approved));
    await client({ tracer, retry: retryOnce }).getCustomerQualifications(TENANT);
    const [call] = named("getCustomerQualifications");
    const attempts = named(`GET ${TEMPLATE}`);
    expect(spans()).toHaveLength(3);
    const { port } = new URL(server.url);
    const ids = {
      "http.request.header.ms-requestid": [server.received[0]!.headers["ms-requestid"]],
      "http.request.header.ms-correlationid": [server.received[0]!.headers["ms-correlationid"]],
    };
    const common = {
      "http.request.method": "GET",
      "url.full": `${server.url}${PATH}`,
      "url.template": TEMPLATE,
      "server.address": "127.0.0.1",
      "server.port": Number(port),
      ...ids,
    };
    expect(call).toMatchObject({ kind: INTERNAL, status: { code: 0 } });
    expect(call!.attributes).toEqual({ ...common, "http.response.status_code": 200 });
    expect(attempts.map((span) => span.kind)).toEqual([CLIENT, CLIENT]);
    expect(attempts[0]!.attributes).toEqual({ ...common, "http.response.status_code": 503, "error.type": "503" });
    expect(attempts[0]!.status).toEqual({ code: ERROR });
    expect(attempts[1]!.attributes).toEqual({
      ...common,
      "http.request.resend_count": 1,
      "http.response.status_code": 200,
    });
    const { traceId, spanId } = call!.spanContext();
    for (const [index, attempt] of attempts.entries()) {
      expect(attempt.spanContext().traceId).toBe(traceId);
      expect(parentOf(attempt)).toBe(spanId);
      const sent = server.received[index]!.headers.traceparent;
      expect(sent).toBe(`00-${traceId}-${attempt.spanContext().spanId}-01`);
    }
    expect(JSON.stringify(spans().map((span) => span.attributes))).not.toContain(TOKEN);
  });

  test("the call's span is a child of the application's active span, as in an app with a context manager", async () => {
    server.script(reply.json(200, approved));
    const parent = tracer.startSpan("handle request");
    await context.with(trace.setSpan(context.active(), parent), () =>
      client({ tracer }).getCustomerQualifications(TENANT),
    );
    parent.end();
    const [call] = named("getCustomerQualifications");
    expect(call!.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(parentOf(call!)).toBe(parent.spanContext().spanId);
  });

  test("a failed call: error.type is the error's kind or the status; the span's status has the error's message, but for a status or a token", async () => {
    server.script(reply.reset());
    const network = await rejectionOf(client({ tracer }).getCustomerQualifications(TENANT));
    const [call] = named("getCustomerQualifications");
    const [attempt] = named(`GET ${TEMPLATE}`);
    expect(call!.attributes["error.type"]).toBe("network");
    expect(call!.status).toEqual({ code: ERROR, message: network.message });
    expect(attempt!.attributes["error.type"]).toBe("network");

    exporter.reset();
    server.script(reply.json(403, { code: 600, description: "Denied" }));
    const http = await rejectionOf(client({ tracer }).getCustomerQualifications(TENANT));
    const [denied] = named("getCustomerQualifications");
    expect(denied!.attributes).toMatchObject({ "http.response.status_code": 403, "error.type": "403" });
    expect(http.message).toContain("Denied");
    expect(denied!.status).toEqual({ code: ERROR });

    // A token function's words may quote the token of an earlier call: not exported with the span.
    exporter.reset();
    const quoting = client({
      tracer,
      accessToken: () => {
        throw new Error(`token ${TOKEN} expired`);
      },
    });
    await rejectionOf(quoting.getCustomerQualifications(TENANT));
    const [token] = named("getCustomerQualifications");
    expect(token!.attributes["error.type"]).toBe("token");
    expect(token!.status).toEqual({ code: ERROR });
  });

  test("each way an attempt ends is its error.type: too large, timeout, aborted; a redirect is an error of the call", async () => {
    const outcomes: [string, unknown][] = [];
    const attemptError = () => named(`GET ${TEMPLATE}`).map((span) => span.attributes["error.type"]);
    server.script(reply.json(200, "x".repeat(2_000)));
    await rejectionOf(client({ tracer, maxResponseBytes: 100 }).getCustomerQualifications(TENANT));
    outcomes.push(["too large", attemptError()]);
    exporter.reset();
    server.script(reply.hang());
    await rejectionOf(client({ tracer, timeoutMs: 50 }).getCustomerQualifications(TENANT));
    outcomes.push(["timeout", attemptError()]);
    exporter.reset();
    server.script(reply.hang());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await rejectionOf(client({ tracer }).getCustomerQualifications(TENANT, { signal: controller.signal }));
    outcomes.push(["aborted", attemptError()]);
    exporter.reset();
    server.script(reply.json(302, {}, { Location: "https://elsewhere.example/" }));
    await rejectionOf(client({ tracer }).getCustomerQualifications(TENANT));
    outcomes.push(["redirect", named("getCustomerQualifications").map((span) => span.attributes["error.type"])]);
    expect(outcomes).toEqual([
      ["too large", ["response-too-large"]],
      ["timeout", ["timeout"]],
      ["aborted", ["aborted"]],
      ["redirect", ["302"]],
    ]);
  });

  test("a create's spans are named after the create; an IPv6 host is server.address without brackets", async () => {
    server.script(reply.json(201, { qualification: "StateOwnedEntity" }));
    await client({ tracer }).createCustomerQualification(TENANT, { qualification: "StateOwnedEntity" });
    expect(
      spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual([`POST ${TEMPLATE}`, "createCustomerQualification"]);
    exporter.reset();
    const closed = await freePort();
    await rejectionOf(client({ tracer, baseUrl: `http://[::1]:${closed}` }).getCustomerQualifications(TENANT));
    expect(named("getCustomerQualifications")[0]!.attributes).toMatchObject({
      "server.address": "::1",
      "server.port": closed,
    });
  });

  test("without a context manager, the attempts are children of the call's span all the same", async () => {
    context.disable();
    try {
      server.script(reply.json(200, approved));
      const seen: unknown[] = [];
      const watching: Tracer = {
        startSpan: (name, options, parent) => {
          // The context the client makes: the call's span in it, and the rest of OpenTelemetry's Context.
          if (parent)
            seen.push(parent.deleteValue(SPAN_KEY).getValue(SPAN_KEY), parent.getValue(SPAN_KEY) !== undefined);
          return tracer.startSpan(name, options as never, parent as never) as never;
        },
      };
      await client({ tracer: watching }).getCustomerQualifications(TENANT);
      expect(seen).toEqual([undefined, true]);
    } finally {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    }
    const [call] = named("getCustomerQualifications");
    expect(parentOf(named(`GET ${TEMPLATE}`)[0]!)).toBe(call!.spanContext().spanId);
  });

  test("under suppressed tracing, no span is recorded and no traceparent sent", async () => {
    server.script(reply.json(200, approved));
    // What @opentelemetry/core's suppressTracing(context) sets.
    const suppressed = context.active().setValue(Symbol.for("OpenTelemetry SDK Context Key SUPPRESS_TRACING"), true);
    await context.with(suppressed, () => client({ tracer }).getCustomerQualifications(TENANT));
    expect(spans()).toEqual([]);
    expect(server.received[0]!.headers.traceparent).toBeUndefined();
  });

  test("with Node's fetch instrumented too (undici's instrumentation), one traceparent and no second HTTP span", async () => {
    const undici = new UndiciInstrumentation();
    undici.setTracerProvider(provider);
    undici.enable();
    try {
      server.script(reply.json(200, approved));
      await client({ tracer }).getCustomerQualifications(TENANT);
    } finally {
      undici.disable();
    }
    expect(
      spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual([`GET ${TEMPLATE}`, "getCustomerQualifications"]);
    const [attempt] = named(`GET ${TEMPLATE}`);
    // Node joins a repeated header as "a, b": one value means one header.
    expect(server.received[0]!.headers.traceparent).toBe(
      `00-${attempt!.spanContext().traceId}-${attempt!.spanContext().spanId}-01`,
    );
  });

  test("the caller's own traceparent and tracestate give way to the attempt's", async () => {
    server.script(reply.json(200, approved));
    const headers = { traceparent: `00-${"1".repeat(32)}-${"2".repeat(16)}-01`, tracestate: "caller=1" };
    await client({ tracer, headers }).getCustomerQualifications(TENANT);
    const [attempt] = named(`GET ${TEMPLATE}`);
    expect(server.received[0]!.headers.traceparent).toBe(
      `00-${attempt!.spanContext().traceId}-${attempt!.spanContext().spanId}-01`,
    );
    expect(server.received[0]!.headers.tracestate).toBeUndefined();
  });

  test("an answer that breaks the contract ends the call's span as invalid-response, its attempt's as a success", async () => {
    server.script(reply.json(200, { unexpected: true }));
    await rejectionOf(client({ tracer }).getCustomerQualifications(TENANT));
    const [call] = named("getCustomerQualifications");
    expect(call!.attributes).toMatchObject({ "http.response.status_code": 200, "error.type": "invalid-response" });
    expect(named(`GET ${TEMPLATE}`)[0]!.attributes["error.type"]).toBeUndefined();
  });

  test("raw calls are traced too, named after their operation; a 404 is an error of the span", async () => {
    server.script(reply.json(404, { code: 404 }));
    const { response } = await client({ tracer }).raw.GET("/v1/customers/{customer-tenant-id}/validations", {
      params: { path: { "customer-tenant-id": TENANT } },
    });
    expect(response.status).toBe(404);
    expect(
      spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(["GET /v1/customers/{customer-tenant-id}/validations", "getCustomerValidation"]);
    expect(named("getCustomerValidation")[0]!.attributes["error.type"]).toBe("404");
    exporter.reset();
    server.script(reply.json(400, { code: 400 }));
    await client({ tracer }).raw.GET("/v1/customers/all/validations");
    expect(named("getValidationCodes")[0]!.attributes["error.type"]).toBe("400");

    // The literal path is not a customer's validations with the tenant id "all".
    exporter.reset();
    server.script(reply.json(200, []));
    await client({ tracer }).raw.GET("/v1/customers/all/validations");
    expect(
      spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(["GET /v1/customers/all/validations", "getValidationCodes"]);
  });

  test("a path outside the contract: spans named by the method alone, without url.template", async () => {
    server.script(reply.json(200, []));
    await client({ tracer }).raw.GET("/elsewhere" as never);
    expect(spans().map((span) => [span.name, span.attributes["url.template"]])).toEqual([
      ["GET", undefined],
      ["GET", undefined],
    ]);
  });

  test("a tracer that records nothing (the API without an SDK) sends no traceparent", async () => {
    server.script(reply.json(200, approved));
    await client({ tracer: trace.getTracer("no-sdk") }).getCustomerQualifications(TENANT);
    expect(server.received[0]!.headers.traceparent).toBeUndefined();
  });

  describe("a tracer that misbehaves only loses its spans; the call goes on", () => {
    const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    const SPAN_ID = "b7ad6b7169203331";
    // A hand-made tracer: the SDK never breaks these rules, but a tracer of another vendor may.
    const tracerWith = (spanContext: () => object, end = () => {}): Tracer => ({
      startSpan: () => ({ spanContext: spanContext as never, setAttributes: () => {}, setStatus: () => {}, end }),
    });

    test.each([
      [
        "startSpan throws",
        {
          startSpan: () => {
            throw new Error("tracer down");
          },
        },
      ],
      [
        "end throws",
        tracerWith(
          () => ({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 }),
          () => {
            throw new Error("exporter down");
          },
        ),
      ],
      [
        "spanContext throws",
        tracerWith(() => {
          throw new Error("no context");
        }),
      ],
    ])("%s: reported, and the call answers", async (_case, broken) => {
      const reported = vi.spyOn(console, "error").mockImplementation(() => {});
      server.script(reply.json(200, approved));
      expect(await client({ tracer: broken as never }).getCustomerQualifications(TENANT)).toEqual(approved);
      expect(reported).toHaveBeenCalledWith("partner-center-qualifications: the tracer threw:", expect.any(Error));
      reported.mockRestore();
    });

    test.each([
      ["a line break in the trace id", { traceId: `${TRACE_ID.slice(0, 30)}\r\n`, spanId: SPAN_ID, traceFlags: 1 }],
      ["a span id that is too short", { traceId: TRACE_ID, spanId: "b7ad", traceFlags: 1 }],
      ["an all-zero span id", { traceId: TRACE_ID, spanId: "0".repeat(16), traceFlags: 1 }],
      ["ids that are not strings", { traceId: 1, spanId: 2, traceFlags: 1 }],
      ["an all-zero trace id", { traceId: "0".repeat(32), spanId: SPAN_ID, traceFlags: 1 }],
    ])("%s: no traceparent is sent, and the call answers", async (_case, spanContext) => {
      server.script(reply.json(200, approved));
      expect(await client({ tracer: tracerWith(() => spanContext) }).getCustomerQualifications(TENANT)).toEqual(
        approved,
      );
      expect(server.received[0]!.headers.traceparent).toBeUndefined();
    });

    test("a span whose setters throw, or that has no setStatus, is ended all the same", async () => {
      const reported = vi.spyOn(console, "error").mockImplementation(() => {});
      let ended = 0;
      const spanContext = () => ({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 });
      const broken = {
        startSpan: () => ({
          spanContext,
          setAttributes: () => {
            throw new Error("attributes refused");
          },
          end: () => ended++,
        }),
      };
      server.script(reply.json(500, { code: 500 }));
      await rejectionOf(client({ tracer: broken as never }).getCustomerQualifications(TENANT));
      expect(ended).toBe(2);
      reported.mockRestore();
    });

    test("a tracer whose startSpan calls the client does not recurse: that call goes untraced", async () => {
      server.script(reply.json(200, approved), reply.json(200, approved));
      let inner: Promise<unknown> | undefined;
      const reentrant: Tracer = {
        startSpan: (name, options, parent) => {
          inner ??= client({ tracer: reentrant }).getCustomerQualifications(TENANT);
          return tracer.startSpan(name, options as never, parent as never) as never;
        },
      };
      expect(await client({ tracer: reentrant }).getCustomerQualifications(TENANT)).toEqual(approved);
      expect(await inner).toEqual(approved);
      expect(
        spans()
          .map((span) => span.name)
          .sort(),
      ).toEqual([`GET ${TEMPLATE}`, "getCustomerQualifications"]);
    });

    test("ids that start or end with 0 are sent; flags are the low byte, in two hex digits", async () => {
      const traceId = "0af7651916cd43dd8448eb211c803190";
      const spanId = "07ad6b7169203330";
      const withFlags = (traceFlags: unknown) => tracerWith(() => ({ traceId, spanId, traceFlags }));
      server.script(reply.json(200, approved), reply.json(200, approved), reply.json(200, approved));
      for (const flags of [0, 0x101, "x"]) await client({ tracer: withFlags(flags) }).getCustomerQualifications(TENANT);
      expect(server.received.map((request) => request.headers.traceparent)).toEqual([
        `00-${traceId}-${spanId}-00`,
        `00-${traceId}-${spanId}-01`,
        `00-${traceId}-${spanId}-00`,
      ]);
    });

    test("tracestate goes along when it is a header value, and is left out when it is not", async () => {
      const withState = (state: string) =>
        tracerWith(() => ({
          traceId: TRACE_ID,
          spanId: SPAN_ID,
          traceFlags: 1,
          traceState: { serialize: () => state },
        }));
      server.script(reply.json(200, approved), reply.json(200, approved));
      await client({ tracer: withState("vendor=value") }).getCustomerQualifications(TENANT);
      await client({ tracer: withState("vendor=a\r\nX-Evil: 1") }).getCustomerQualifications(TENANT);
      expect(server.received.map((request) => [request.headers.traceparent, request.headers.tracestate])).toEqual([
        [`00-${TRACE_ID}-${SPAN_ID}-01`, "vendor=value"],
        [`00-${TRACE_ID}-${SPAN_ID}-01`, undefined],
      ]);
      expect(server.received[1]!.headers["x-evil"]).toBeUndefined();
    });
  });

  test("a tracer that is not one is refused at creation", () => {
    expect(() => client({ tracer: {} as never })).toThrow(
      "tracer must be an OpenTelemetry Tracer (with startSpan); got an object",
    );
  });
});

describe("logging", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** The log's lines with the whole milliseconds a line reports replaced by N, so that they can be compared. */
  const withoutTimes = (lines: string[]) => lines.map((line) => line.replace(/ in \d+ ms/, " in N ms"));

  test("the logger gets a line per attempt and retry: request line, status, ids and time; never the token", async () => {
    server.script(reply.json(503, { code: 503 }), reply.json(200, approved));
    const lines: string[] = [];
    const retry = { retries: 1, minDelayMs: 10, maxDelayMs: 40 };
    await client({ logger: (line) => lines.push(line), retry }).getCustomerQualifications(TENANT);
    const headers = server.received[0]!.headers;
    const ids = `MS-RequestId ${headers["ms-requestid"]}, MS-CorrelationId ${headers["ms-correlationid"]}`;
    expect(withoutTimes(lines)).toEqual([
      `GET ${PATH} answered HTTP 503 in N ms (attempt 1, ${ids})`,
      `GET ${PATH} retries in N ms: HTTP 503 (attempt 1, ${ids})`,
      `GET ${PATH} answered HTTP 200 in N ms (attempt 2, ${ids})`,
    ]);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  test("an attempt without an answer is logged with where it went and why", async () => {
    server.script(reply.reset());
    const lines: string[] = [];
    await rejectionOf(client({ logger: (line) => lines.push(line) }).getCustomerQualifications(TENANT));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^GET ${PATH} to ${new URL(server.url).host} failed: fetch failed \\(UND_ERR_SOCKET\\) \\(attempt 1,`),
    );
  });

  test("a token that does not come, and an answer over maxResponseBytes, are logged as such", async () => {
    server.script(reply.json(200, "x".repeat(2_000)));
    const lines: string[] = [];
    let calls = 0;
    // The first call's token, then an error that quotes it.
    const accessToken = () => {
      if (calls++ === 0) return TOKEN;
      throw new Error(`no token today, not even ${TOKEN}`);
    };
    const logging = client({ logger: (line) => lines.push(line), maxResponseBytes: 100, accessToken });
    await rejectionOf(logging.getCustomerQualifications(TENANT));
    await rejectionOf(logging.getCustomerQualifications(TENANT));
    expect(withoutTimes(lines).map((line) => line.replace(/ \(attempt 1, .*\)$/, " (ids)"))).toEqual([
      `GET ${PATH} answered HTTP 200 with more than maxResponseBytes in N ms (ids)`,
      `GET ${PATH} got no access token: no token today, not even [redacted] (ids)`,
    ]);
  });

  test("waitForVetting logs each poll that does not end the wait", async () => {
    const inReview = { qualification: "Education", vettingStatus: "InReview" };
    server.script(reply.json(200, [inReview]), reply.json(200, approved));
    const lines: string[] = [];
    await client({ logger: (line) => lines.push(line) }).waitForVetting(TENANT, "Education", { intervalMs: 5 });
    expect(lines.filter((line) => line.startsWith("waitForVetting"))).toEqual([
      "waitForVetting(Education): the qualification is still InReview; the next poll in 5 ms",
    ]);
  });

  test("a logger that throws is reported and the call goes on", async () => {
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    server.script(reply.json(200, approved));
    const logger = () => {
      throw new Error("log full");
    };
    expect(await client({ logger }).getCustomerQualifications(TENANT)).toEqual(approved);
    expect(reported).toHaveBeenCalledWith("partner-center-qualifications: a hook threw:", new Error("log full"));
  });

  test("with DEBUG naming the package, the lines go to stderr with the time; without it, nothing is written", async () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    server.script(reply.json(200, approved), reply.json(200, approved));
    vi.stubEnv("DEBUG", "");
    await client().getCustomerQualifications(TENANT);
    server.script(reply.reset(), reply.json(200, approved));
    await rejectionOf(client().getCustomerQualifications(TENANT));
    expect(stderr).not.toHaveBeenCalled();
    vi.stubEnv("DEBUG", "partner-center-qualifications");
    await client().getCustomerQualifications(TENANT);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(stderr.mock.calls[0]![0]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z partner-center-qualifications GET ${PATH} answered HTTP 200 in \\d+ ms`,
      ),
    );
  });

  test.each([
    ["partner-center-qualifications", true],
    ["*", true],
    ["partner-*", true],
    ["express:*, partner-center-qualifications", true],
    ["express:*,partner-center-qualifications", true],
    ["-partner-center-qualifications,*", false],
    ["*,-partner-*", false],
    ["partner-center", false],
    ["partner-center-qualifications-mock", false],
    ["*-qualifications", true],
    ["partner*center*qualifications", true],
    ["partner*qualifications*", true],
    ["*partner-center-qualifications*", true],
    ["partner-center-qualifications*x", false],
    ["partner*qualifications*center", false],
    ["partner-center-qualificationspartner-*", false],
    ["partner-center-qualifications*qualifications", false],
    ["partner*xyz*qualifications", false],
    ["partner*er*er*qualifications", false],
    ["partner*qualifications*qualifications", false],
    ["*center*", true],
    ["partner-center-*qualifications", true],
    ["-", false],
    ["", false],
    [undefined, false],
  ])("DEBUG=%s enables the log: %s", (debug, enabled) => {
    expect(debugEnables(debug, "partner-center-qualifications")).toBe(enabled);
  });

  test("in Deno, DEBUG is read only with the permission to read it, so that no prompt appears", async () => {
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("DEBUG", "partner-center-qualifications");
    const asked: unknown[] = [];
    const permissions = {
      querySync(this: unknown, query: unknown) {
        asked.push(this === permissions, query);
        return { state };
      },
    };
    let state = "prompt";
    vi.stubGlobal("Deno", { permissions });
    server.script(reply.json(200, approved), reply.json(200, approved));
    await client().getCustomerQualifications(TENANT);
    expect(stderr).not.toHaveBeenCalled();
    state = "granted";
    await client().getCustomerQualifications(TENANT);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(asked.slice(0, 2)).toEqual([true, { name: "env", variable: "DEBUG" }]);
    vi.stubGlobal("Deno", {
      permissions: {
        querySync: () => {
          throw new Error("not capable");
        },
      },
    });
    expect(() => client()).not.toThrow();
    vi.unstubAllGlobals();
  });

  test("a DEBUG of many stars is read at once (no backtracking)", () => {
    const stars = `${"*a".repeat(30)}*x`;
    expect(debugEnables(stars, "a".repeat(60))).toBe(false);
  });
});
