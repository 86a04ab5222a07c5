// `partner-center-qualifications/msw`: the lifecycle engine as Mock Service Worker handlers, for tests in
// Node (setupServer) and in browsers (setupWorker), with no port and no process. Every answer of the
// engine is checked against the contract's schemas before it is sent; one that breaks
// the contract is thrown, so MSW reports it and answers 500 with its message.
import type { HttpHandler } from "msw";
import { createOpenApiHttp } from "openapi-msw";
import type { paths } from "../../generated/schema.js";
import * as schemas from "../../generated/schemas.js";
import { validate, type Schema, type ValidationError } from "../client/schema.js";
import { createEngine, type Engine, type EngineOptions } from "./engine.js";
import type { OperationId } from "./routes.js";

export { DENIED_REASON, type Engine, type EngineOptions, type EngineState } from "./engine.js";

export interface QualificationsHandlersOptions extends EngineOptions {
  /** Where the handlers answer. Default `https://api.partnercenter.microsoft.com`, the client's default. */
  baseUrl?: string;
}

export interface QualificationsHandlers {
  /** For `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  handlers: HttpHandler[];
  /** The state behind the handlers: `engine.reset()` between tests, `engine.seed({ customers, validationCodes })`. */
  engine: Engine;
}

// MSW's path matching (path-to-regexp) ends a parameter name at a hyphen, so `{customer-tenant-id}` would
// never match a GUID: the handlers use the contract's paths with camelCase parameter names.
type CamelCase<Name> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;
type MswPath<Path> = Path extends `${infer Head}{${infer Name}}${infer Tail}` ? `${Head}{${CamelCase<Name>}}${MswPath<Tail>}` : Path;
type MswPaths = { [Path in keyof paths as MswPath<Path>]: paths[Path] };

const QUALIFICATIONS = "/v1/customers/{customerTenantId}/qualifications";
const VALIDATIONS = "/v1/customers/all/validations";
const CUSTOMER_VALIDATIONS = "/v1/customers/{customerTenantId}/validations";
const RETIRED = "/v1/customers/{customerTenantId}/qualification";

type Responses<Path extends keyof MswPaths, Method extends "get" | "post" | "put"> = MswPaths[Path][Method] extends { responses: infer R } ? R : never;
/** A body schema per status, keyed by the statuses the call declares: another status does not compile. */
type Checks<R> = { [Status in keyof R]?: Schema };
type JsonBody<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;
/** An engine answer that passed its check, typed as the contract's answer of the call. */
interface Answer<R> {
  status: keyof R & number;
  body: JsonBody<R[keyof R]>;
  headers: Record<string, string>;
}

// Every call declares every documented error status; 429 has the throttling body.
const errorChecks = {
  ...Object.fromEntries([400, 401, 403, 404, 405, 406, 408, 409, 412, 500, 501, 502, 503, 504].map((status) => [status, schemas.errorBody])),
  429: schemas.throttlingErrorBody,
};

/** Handlers for every call of the contract, answered by one lifecycle engine. */
export function createQualificationsHandlers(options: QualificationsHandlersOptions = {}): QualificationsHandlers {
  const { baseUrl = "https://api.partnercenter.microsoft.com", ...engineOptions } = options;
  const base = baseUrl.replace(/\/+$/, "");
  if (!URL.canParse(base)) throw new TypeError(`createQualificationsHandlers: baseUrl must be an absolute URL such as https://api.partnercenter.microsoft.com; got ${JSON.stringify(baseUrl)}`);
  // The engine sees the contract's paths, whatever path the base URL adds in front of them.
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  const engine = createEngine(engineOptions);
  const http = createOpenApiHttp<MswPaths>({ baseUrl: base });

  // The handler's own call, with the path parameter MSW matched (named in camelCase at run time, see MswPath).
  async function answer<R>(operationId: OperationId, request: Request, params: object, checks: Checks<R>): Promise<Answer<R>> {
    const path = new URL(request.url).pathname.slice(basePath.length);
    const { customerTenantId } = params as { customerTenantId?: string };
    const matched = customerTenantId === undefined ? { operationId } : { operationId, customerTenantId };
    const { status, headers, body } = engine.handle({ ...matched, method: request.method, path, headers: request.headers, body: await request.text() });
    const refuse = (problem: string): never => {
      throw new Error(`partner-center-qualifications/msw: the mock's answer to ${request.method} ${path} breaks the contract: ${problem}`);
    };
    const schema = (checks as Record<number, Schema | undefined>)[status];
    if (!schema) return refuse(`HTTP ${status} is not an answer of this call that these handlers can check against the contract`);
    const errors = validate(schema, body);
    if (errors.length) refuse(`the HTTP ${status} body fails ${describe(errors)}`);
    return { status, headers, body } as Answer<R>;
  }

  const handlers = [
    http.get(QUALIFICATIONS, async ({ request, params, response }) => {
      const { status, body, headers } = await answer<Responses<typeof QUALIFICATIONS, "get">>("getCustomerQualifications", request, params, { 200: schemas.getCustomerQualificationsResponse, ...errorChecks });
      return response(status).json(body, { headers });
    }),
    http.post(QUALIFICATIONS, async ({ request, params, response }) => {
      const { status, body, headers } = await answer<Responses<typeof QUALIFICATIONS, "post">>("createCustomerQualification", request, params, { ...schemas.createCustomerQualificationResponseByStatus, ...errorChecks });
      return response(status).json(body, { headers });
    }),
    // Before the customer's validations, whose {customerTenantId} would also match "all".
    http.get(VALIDATIONS, async ({ request, response }) => {
      const { status, body, headers } = await answer<Responses<typeof VALIDATIONS, "get">>("getValidationCodes", request, {}, { 200: schemas.getValidationCodesResponse, ...errorChecks });
      return response(status).json(body, { headers });
    }),
    http.get(CUSTOMER_VALIDATIONS, async ({ request, params, response }) => {
      const { status, body, headers } = await answer<Responses<typeof CUSTOMER_VALIDATIONS, "get">>("getCustomerValidation", request, params, { ...schemas.getCustomerValidationResponseByStatus, ...errorChecks });
      return response(status).json(body, { headers });
    }),
    // The retired calls: the engine answers them 501 (not modelled), rather than letting them reach the network.
    http.get(RETIRED, async ({ request, params, response }) => {
      const { status, body, headers } = await answer<Responses<typeof RETIRED, "get">>("getCustomerQualificationLegacy", request, params, errorChecks);
      return response(status).json(body, { headers });
    }),
    http.put(RETIRED, async ({ request, params, response }) => {
      const { status, body, headers } = await answer<Responses<typeof RETIRED, "put">>("updateCustomerQualificationLegacy", request, params, errorChecks);
      return response(status).json(body, { headers });
    }),
  ];
  return { handlers, engine };
}

// "/0/qualification: type {"type":"string"}; ...": each rule broken, where, and with what parameters.
function describe(errors: ValidationError[]): string {
  return errors.map(({ instancePath, keyword, params }) => `${instancePath || "/"}: ${keyword} ${JSON.stringify(params)}`).join("; ");
}
