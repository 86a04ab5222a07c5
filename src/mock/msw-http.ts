// A thin typed layer over Mock Service Worker's own `http`: the handler of one call of the contract, typed by
// openapi-typescript's `paths`, so that a resolver that answers a status or a body the call does not declare
// fails to compile. It uses only `http` and `HttpResponse`, the same in msw 2 and msw 3 (openapi-msw accepts
// msw 2 only).
import { http, HttpResponse, type HttpHandler } from "msw";
import type { paths } from "../../generated/schema.js";
import type { Route } from "../contract/routes.js";

export type Method = Route["method"];

/** The call a path has for a method, as openapi-typescript generated it; never when it has none. */
export type Call<Path extends keyof paths, M extends Method> = Extract<
  paths[Path][Lowercase<M>],
  { responses: object }
>;

type JsonBody<Response> = Response extends { content: { "application/json": infer Body } } ? Body : never;

/** A response the call declares: one of its statuses, with that status's JSON body. */
export type ContractResponse<C> = C extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & number]: {
        status: Status;
        body: JsonBody<Responses[Status]>;
        headers: Record<string, string>;
      };
    }[keyof Responses & number]
  : never;

/** The call's path parameters, by the contract's names (`customer-tenant-id`). */
type PathParameters<C> = C extends { parameters: { path: infer Parameters } } ? Parameters : Record<string, never>;

type ContractResolver<C> = (info: { request: Request; params: PathParameters<C> }) => Promise<ContractResponse<C>>;

// msw's own function for each method: the one wrapper every handler goes through.
const METHODS = { GET: http.get, POST: http.post, PUT: http.put };

/**
 * The handler of the call `method` `path` at `baseUrl`, answering as JSON what `resolve` answers. Its path
 * parameters are read as they came, not decoded, as the mock's HTTP server reads them: msw's own matching of a
 * `:name` decodes them and throws on a malformed escape, so the handler matches a pattern with no group.
 */
export function contractHandler<Path extends keyof paths, M extends Method>(
  baseUrl: string,
  method: M,
  path: Path,
  resolve: ContractResolver<Call<Path, M>>,
): HttpHandler {
  const template = path.split("/");
  const matchers = template.map((part) => (part.startsWith("{") ? "[^/]+" : escapeRegExp(part)));
  const pattern = new RegExp(`^${escapeRegExp(baseUrl)}${matchers.join("/")}$`);
  return METHODS[method](pattern, async ({ request }) => {
    const segments = new URL(request.url).pathname.split("/").slice(-template.length);
    const params = Object.fromEntries(
      template.flatMap((part, index) => (part.startsWith("{") ? [[part.slice(1, -1), segments[index]]] : [])),
    );
    const { status, body, headers } = await resolve({ request, params: params as PathParameters<Call<Path, M>> });
    return HttpResponse.json(body, { status, headers });
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
