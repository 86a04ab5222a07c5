// `partner-center-qualifications/msw`: the lifecycle engine as Mock Service Worker handlers (msw 2 or 3), for
// tests in Node (setupServer) and in browsers (setupWorker), with no port and no process. Every answer of the
// engine is checked against the contract's schemas before it is sent; one that breaks the contract is
// thrown, so MSW reports it and answers 500 with its message.
import type { HttpHandler } from "msw";
import type { operations } from "../../generated/schema.js";
import * as schemas from "../../generated/schemas.js";
import { PARTNER_CENTER_URL } from "../contract/paths.js";
import { validate, type Schema, type ValidationError } from "../contract/schema.js";
import { createEngine, type Engine, type EngineOptions } from "./engine.js";
import { MockOptionsError } from "./options-error.js";
import { contractHandler, type ContractResponse } from "./msw-http.js";
import { ROUTES, type OperationId } from "../contract/routes.js";

export { DENIED_REASON, type Engine, type EngineOptions, type EngineState } from "./engine.js";
export { MockOptionsError } from "./options-error.js";

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

/** A body schema per status, keyed by the statuses each call declares: another status does not compile. */
type Checks = { [Id in OperationId]: { [Status in keyof operations[Id]["responses"]]?: Schema } };

// Every call declares every documented error status, and 413; 429 has the throttling body.
const errorChecks = {
  ...Object.fromEntries(
    [400, 401, 403, 404, 405, 406, 408, 409, 412, 413, 500, 501, 502, 503, 504].map((status) => [
      status,
      schemas.errorBody,
    ]),
  ),
  429: schemas.throttlingErrorBody,
};

const CHECKS: Checks = {
  getCustomerQualifications: { 200: schemas.getCustomerQualificationsResponse, ...errorChecks },
  createCustomerQualification: { ...schemas.createCustomerQualificationResponseByStatus, ...errorChecks },
  getValidationCodes: { 200: schemas.getValidationCodesResponse, ...errorChecks },
  getCustomerValidation: { ...schemas.getCustomerValidationResponseByStatus, ...errorChecks },
  // The retired calls: the engine answers them 501 (not modelled), rather than letting them reach the network.
  getCustomerQualificationLegacy: errorChecks,
  updateCustomerQualificationLegacy: errorChecks,
};

/** Handlers for every call of the contract, answered by one lifecycle engine. */
export function createQualificationsHandlers(options: QualificationsHandlersOptions = {}): QualificationsHandlers {
  const { baseUrl = PARTNER_CENTER_URL, ...engineOptions } = options;
  const base = baseUrl.replace(/\/+$/, "");
  if (!URL.canParse(base))
    throw new MockOptionsError(
      `createQualificationsHandlers: baseUrl must be an absolute URL such as ${PARTNER_CENTER_URL}; ` +
        `got ${JSON.stringify(baseUrl)}`,
    );
  // The engine sees the contract's paths, whatever path the base URL adds in front of them.
  const basePath = new URL(base).pathname.replace(/\/$/, "");
  const engine = createEngine(engineOptions);

  // The engine's answer to the handler's own call, once it has passed the check against the contract.
  async function respond<Id extends OperationId>(
    operationId: Id,
    request: Request,
    customerTenantId: string | undefined,
  ): Promise<ContractResponse<operations[Id]>> {
    const { pathname, search } = new URL(request.url);
    const path = pathname.slice(basePath.length);
    const matched = customerTenantId === undefined ? { operationId } : { operationId, customerTenantId };
    const { status, headers, body } = engine.handle({
      ...matched,
      method: request.method,
      path,
      query: search.slice(1),
      headers: request.headers,
      body: await request.text(),
    });
    const refuse = (problem: string): never => {
      const response = `the mock's answer to ${request.method} ${path}`;
      throw new Error(`partner-center-qualifications/msw: ${response} breaks the contract: ${problem}`);
    };
    const schema = (CHECKS[operationId] as Record<number, Schema | undefined>)[status];
    if (!schema)
      return refuse(`HTTP ${status} is not an answer of this call that these handlers can check against the contract`);
    const errors = validate(schema, body);
    if (errors.length) refuse(`the HTTP ${status} body fails ${listRules(errors)}`);
    // Checked just above: a status the call declares, with a body of that status's schema.
    return { status, headers, body } as ContractResponse<operations[Id]>;
  }

  // Only the contract's calls: a request to another path or with another method is not the handlers' to
  // answer (the HTTP mocks answer it 404 or 405); msw's onUnhandledRequest decides, as the user chose.
  // In the table's order, which puts /v1/customers/all/validations before the customer's validations,
  // whose {customer-tenant-id} would also match "all": MSW answers with the first handler that matches.
  const handlers = ROUTES.map(({ operationId, method, path }) =>
    contractHandler(base, method, path, ({ request, params }) =>
      respond(operationId, request, params["customer-tenant-id"]),
    ),
  );
  return { handlers, engine };
}

// "/0/qualification: type {"type":"string"}; ...": each rule broken, where, and with what parameters.
function listRules(errors: ValidationError[]): string {
  return errors
    .map(({ instancePath, keyword, params }) => `${instancePath || "/"}: ${keyword} ${JSON.stringify(params)}`)
    .join("; ");
}
