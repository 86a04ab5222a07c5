// Requests generated from the spec's own schemas, for the contract fuzz test: ones that keep the contract,
// and ones that break exactly one rule of it (body, path, headers, query, method, encoding).
import fc from "fast-check";
import { resolve, spec, validationErrors, type Operation } from "./spec.js";

type Node = Record<string, any>;

export interface FuzzRequest {
  /** The operation the request is aimed at, whose declared answers it must get. */
  operationId: string;
  /** Whether it keeps the contract; one that does not must be refused with a 4xx. */
  valid: boolean;
  /** What was broken, for a failure's message. */
  broken: string;
  method: string;
  /** The request target as sent: path and query, escapes as they are. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
}

const uuid = () => fc.uuid({ version: 4 });
const BODY_LIMIT = 1024 * 1024;

/** Values that keep `schema` (the spec's subset of JSON Schema). */
export function arbitraryOf(schema: Node): fc.Arbitrary<unknown> {
  const node = resolve(schema);
  if ("const" in node) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  if (node.oneOf) return fc.oneof(...node.oneOf.map(arbitraryOf));
  if (node.anyOf) return fc.oneof(...node.anyOf.map(arbitraryOf));
  const types: string[] = [node.type ?? "string"].flat();
  return fc.oneof(...types.map((type) => valueOfType(node, type)));
}

function valueOfType(node: Node, type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "object": {
      const properties = Object.fromEntries(
        Object.entries((node.properties ?? {}) as Node).map(([name, property]) => [name, arbitraryOf(property)]),
      );
      return fc.record(properties, { requiredKeys: node.required ?? [] });
    }
    case "array":
      return fc.array(arbitraryOf(node.items ?? {}), { maxLength: 3 });
    case "integer":
      return fc.integer();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      if (node.format === "uuid" || node.pattern) return uuid();
      if (node.format === "date-time")
        return fc
          .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((date) => date.toISOString());
      return fc.string({ maxLength: 20 });
  }
}

/** Any JSON value, for bodies that should break a schema. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
/** Header-safe text that is no uuid. */
const notUuid = fc
  .stringMatching(/^[\x21-\x7e]{1,40}$/)
  .filter((text) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text));

function requestBodySchema(operation: Node): Node | undefined {
  return resolve(operation.requestBody ?? {}).content?.["application/json"]?.schema;
}

function pathOf(path: string, tenant: string): string {
  return path.replace("{customer-tenant-id}", tenant);
}

/** A request to `operation` that keeps the contract. */
export function validRequest({ operation, method, path }: Operation): fc.Arbitrary<FuzzRequest> {
  const schema = requestBodySchema(operation);
  const bodyRequired = Boolean(resolve(operation.requestBody ?? {}).required);
  const body = schema
    ? bodyRequired
      ? arbitraryOf(schema)
      : fc.option(arbitraryOf(schema), { nil: undefined })
    : fc.constant(undefined);
  return fc
    .record({
      tenant: uuid(),
      requestId: fc.option(uuid(), { nil: undefined }),
      correlationId: fc.option(uuid(), { nil: undefined }),
      token: fc.stringMatching(/^[\w.-]{1,40}$/),
      body,
      code: fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
    })
    .map(({ tenant, requestId, correlationId, token, body, code }) => {
      const hasCode =
        code !== undefined &&
        (operation.parameters ?? []).some((parameter: Node) => resolve(parameter).name === "code");
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (requestId) headers["MS-RequestId"] = requestId;
      if (correlationId) headers["MS-CorrelationId"] = correlationId;
      if (body !== undefined) headers["Content-Type"] = "application/json";
      return {
        operationId: operation.operationId,
        valid: true,
        broken: "nothing",
        method: method.toUpperCase(),
        target: pathOf(path, tenant) + (hasCode ? `?code=${code}` : ""),
        headers,
        ...(body !== undefined && { body: Buffer.from(JSON.stringify(body)) }),
      };
    });
}

type Breaker = (request: FuzzRequest) => fc.Arbitrary<FuzzRequest>;
const broken = (request: FuzzRequest, what: string, change: Partial<FuzzRequest>): FuzzRequest => ({
  ...request,
  ...change,
  valid: false,
  broken: what,
});
const ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/** The ways to break one rule of a request to `operation`, given a valid request to it. */
function breakers({ operation, path }: Operation): Breaker[] {
  const hasTenant = path.includes("{customer-tenant-id}");
  const schema = requestBodySchema(operation);
  const methodsOfPath = Object.keys(spec.paths[path])
    .filter((key) => ["get", "post", "put"].includes(key))
    .map((key) => key.toUpperCase());
  const list: Breaker[] = [
    (request) =>
      fc.constantFrom("", "Basic abc", "Bearer ", "Bearer two words").map((authorization) =>
        broken(request, `Authorization ${JSON.stringify(authorization)}`, {
          headers: { ...request.headers, Authorization: authorization },
        }),
      ),
    (request) =>
      notUuid.map((id) =>
        broken(request, `MS-RequestId ${JSON.stringify(id)}`, { headers: { ...request.headers, "MS-RequestId": id } }),
      ),
    (request) =>
      notUuid.map((id) =>
        broken(request, `MS-CorrelationId ${JSON.stringify(id)}`, {
          headers: { ...request.headers, "MS-CorrelationId": id },
        }),
      ),
    (request) =>
      fc
        .constantFrom(...ALL_METHODS.filter((method) => !methodsOfPath.includes(method)))
        .map((method) => broken(request, `method ${method}`, { method })),
    (request) =>
      fc
        .constantFrom("/x", "/", "x")
        .map((suffix) => broken(request, `path suffix ${suffix}`, { target: request.target.split("?")[0] + suffix })),
    (request) =>
      fc
        .constantFrom("%", "%z", "%zz", "%G0")
        .map((percent) =>
          broken(request, `query escape ${percent}`, { target: `${request.target.split("?")[0]}?code=${percent}` }),
        ),
  ];
  if (hasTenant) {
    list.push((request) =>
      fc
        .oneof(
          fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
          fc.constantFrom("%", "%2", "%zz", "%E0%A4%A", ".."),
        )
        .filter((tenant) => tenant !== "" && !tenant.includes("/"))
        .map((tenant) => broken(request, `tenant ${tenant}`, { target: pathOf(path, tenant) })),
    );
  }
  if (schema) {
    // Judged by the tests' own oracle (Ajv), not by the checker under test.
    const keeps = (value: unknown) => validationErrors(schema, value) === undefined;
    list.push(
      (request) =>
        anyJson
          .filter((value) => !keeps(value))
          .map((value) =>
            broken(request, `body ${JSON.stringify(value)}`, {
              body: Buffer.from(JSON.stringify(value)),
              headers: { ...request.headers, "Content-Type": "application/json" },
            }),
          ),
      (request) =>
        fc.constantFrom("{", '{"qualification":', "nul", "'x'", "\u0000").map((text) =>
          broken(request, `body text ${JSON.stringify(text)}`, {
            body: Buffer.from(text),
            headers: { ...request.headers, "Content-Type": "application/json" },
          }),
        ),
      (request) =>
        fc
          .constantFrom(
            "text/plain",
            "application/xml",
            "application/json; charset=utf-16le",
            "application/json; charset=latin1",
            "application/jsonx",
          )
          .map((type) =>
            broken(request, `Content-Type ${type}`, {
              body: request.body ?? Buffer.from('"GovernmentCommunityCloud"'),
              headers: { ...request.headers, "Content-Type": type },
            }),
          ),
      (request) =>
        fc.constant(
          broken(request, "a body over 1 MiB", {
            body: Buffer.alloc(BODY_LIMIT + 1, " "),
            headers: { ...request.headers, "Content-Type": "application/json" },
          }),
        ),
    );
    if (resolve(operation.requestBody ?? {}).required) {
      list.push((request) =>
        fc.constant(
          broken(request, "no body", {
            body: undefined,
            headers: { ...request.headers, "Content-Type": "application/json" },
          }),
        ),
      );
    }
  }
  return list;
}

/** A request to `operation` that breaks exactly one rule of the contract. */
export function invalidRequest(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const ways = breakers(operation);
  return fc
    .tuple(validRequest(operation), fc.integer({ min: 0, max: ways.length - 1 }))
    .chain(([request, way]) => ways[way]!(request));
}
