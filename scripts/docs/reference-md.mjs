// site/reference.md: the HTTP API of generated/openapi.json as Markdown, for tools and agents that read
// text rather than Redoc's page: every operation with its parameters, body and responses, then every schema.
import { sourceLink } from "../sources.mjs";
import { anchorOf, cell, notesOf, refName, row, schemaSection, typeOf } from "./schema-md.mjs";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** Follows local $refs ("#/components/...") to the node they name. */
function resolver(spec) {
  const follow = (node) => {
    if (typeof node?.$ref !== "string" || !node.$ref.startsWith("#/")) return node;
    const keys = node.$ref
      .slice(2)
      .split("/")
      .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
    return follow(keys.reduce((parent, key) => parent?.[key], spec));
  };
  return follow;
}

/** Every operation of the spec, in the order of its paths: { path, method, operation, parameters }. */
export function operationsOf(spec) {
  const resolve = resolver(spec);
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      const byPlace = new Map();
      // An operation's parameter replaces the path's parameter of the same name and place.
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve))
        byPlace.set(`${parameter.in} ${parameter.name}`, parameter);
      return { path, method, operation, parameters: [...byPlace.values()] };
    }),
  );
}

const mediaTypes = (content) =>
  Object.entries(content ?? {})
    .map(([type, media]) => `\`${type}\`: ${typeOf(media.schema)}`)
    .join("<br>");

function parametersTable(parameters) {
  if (parameters.length === 0) return [];
  const rows = parameters.map((parameter) =>
    row(
      `\`${parameter.name}\``,
      parameter.in,
      cell(typeOf(parameter.schema)),
      parameter.required ? "yes" : "no",
      cell(notesOf(parameter) || notesOf(parameter.schema)),
    ),
  );
  return ["#### Parameters and request headers", "", "| Name | In | Type | Required | Description |"].concat(
    "| --- | --- | --- | --- | --- |",
    rows,
    "",
  );
}

function requestBody(spec, operation) {
  const body = resolver(spec)(operation.requestBody);
  if (!body) return [];
  const description = body.description ? ` ${body.description.trim()}` : "";
  return ["#### Request body", "", `${body.required ? "Required" : "Optional"}.${description}`, ""]
    .concat("| Media type | Schema |", "| --- | --- |")
    .concat(
      Object.entries(body.content ?? {}).map(([type, media]) => `| \`${type}\` | ${cell(typeOf(media.schema))} |`),
      "",
    );
}

function responsesTable(spec, operation) {
  const resolve = resolver(spec);
  const responses = Object.entries(operation.responses ?? {}).map(([status, reference]) => {
    const response = resolve(reference);
    return { status, reference, response, headers: Object.entries(response.headers ?? {}) };
  });
  const headerText = ([name, header]) =>
    header.$ref ? `[\`${name}\`](#${anchorOf(`Header ${name}`)})` : `\`${name}\` (${typeOf(resolve(header).schema)})`;
  // The headers that every response carries are named once, above the table.
  const common = responses[0]?.headers.filter(([name]) =>
    responses.every(({ headers }) => headers.some(([other]) => other === name)),
  );
  const commonNames = new Set((common ?? []).map(([name]) => name));
  const rows = responses.map(({ status, reference, response, headers }) => {
    const own = headers.filter(([name]) => !commonNames.has(name)).map(headerText);
    const from = reference.$ref ? ` (${refName(reference.$ref)})` : "";
    return row(
      status,
      cell(response.description + from),
      cell(mediaTypes(response.content)) || "none",
      cell(own.join(", ")),
    );
  });
  const every = common?.length ? [`Every response has the headers ${common.map(headerText).join(", ")}.`, ""] : [];
  return [
    "#### Responses",
    "",
    ...every,
    "| Status | Description | Body | Other headers |",
    "| --- | --- | --- | --- |",
  ].concat(rows, "");
}

function operationSection(spec, { path, method, operation, parameters }) {
  const deprecated = operation.deprecated ? " **Deprecated.**" : "";
  const security = (operation.security ?? spec.security ?? []).flatMap((requirement) =>
    Object.entries(requirement).map(
      ([scheme, scopes]) => `\`${scheme}\`${scopes.length ? ` (${scopes.join(", ")})` : ""}`,
    ),
  );
  return [
    `### ${operation.operationId}`,
    "",
    `\`${method.toUpperCase()} ${path}\`: ${operation.summary ?? ""}.${deprecated}`,
    "",
    ...(operation.description ? [operation.description.trim(), ""] : []),
    ...(security.length ? [`Credentials: any one of ${security.join(", ")}.`, ""] : []),
    ...parametersTable(parameters),
    ...requestBody(spec, operation),
    ...responsesTable(spec, operation),
  ].join("\n");
}

/** An OAuth 2 scheme's flows, with where tokens come from and the scopes they carry. */
function flowsOf(scheme) {
  const flows = Object.entries(scheme.flows ?? {}).map(([flow, { authorizationUrl, tokenUrl, scopes }]) => {
    const urls = [authorizationUrl && `authorization \`${authorizationUrl}\``, tokenUrl && `token \`${tokenUrl}\``];
    const granted = Object.keys(scopes ?? {}).map((scope) => `\`${scope}\``);
    return `${flow}: ${[...urls.filter(Boolean), `scopes ${granted.join(", ") || "none"}`].join(", ")}`;
  });
  return flows.length ? ` Flows: ${flows.join("; ")}.` : "";
}

/** The servers, the security schemes and the response headers: what every operation shares. */
function sharedSections(spec) {
  const servers = (spec.servers ?? []).map((server) => `- \`${server.url}\`: ${cell(server.description)}`);
  const schemes = Object.entries(spec.components?.securitySchemes ?? {}).map(
    ([name, scheme]) =>
      `- \`${name}\` (${scheme.type}${scheme.scheme ? `, ${scheme.scheme}` : ""}): ${cell(scheme.description)}` +
      flowsOf(scheme),
  );
  const headers = Object.entries(spec.components?.headers ?? {}).map(([name, header]) =>
    [
      `### Header ${name}`,
      "",
      `Type: ${typeOf(header.schema)}.${header.required ? " Always sent." : ""}`,
      "",
      notesOf(header),
      "",
    ].join("\n"),
  );
  return [
    ...(servers.length ? ["## Servers", "", ...servers, ""] : []),
    ...(schemes.length ? ["## Credentials", "", ...schemes, ""] : []),
    ...(headers.length ? ["## Response headers", "", ...headers] : []),
    ...sourcesSection(spec),
  ];
}

/** The catalogue of Microsoft sources that the contract's elements name in `x-source`. */
function sourcesSection(spec) {
  const entries = Object.entries(spec["x-sources"] ?? {}).map(
    ([id, entry]) => `- \`${id}\`: [${entry.title}](${sourceLink(entry)})${entry.seen ? ` (seen ${entry.seen})` : ""}`,
  );
  return entries.length ? ["## Sources", "", ...entries, ""] : [];
}

/** The whole Markdown reference of `spec`. */
export function referenceMarkdown(spec, { name }) {
  const operations = operationsOf(spec);
  const index = operations.map(
    ({ path, method, operation }) =>
      `- [${operation.operationId}](#${anchorOf(operation.operationId)}): \`${method.toUpperCase()} ${path}\``,
  );
  // The introduction's own headings go one level down, under "Overview".
  const overview = (spec.info.description ?? "").trim().replace(/^(#{2,5}) /gm, "#$1 ");
  const schemas = Object.entries(spec.components?.schemas ?? {}).map(([key, schema]) => schemaSection(key, schema));
  return [
    `# ${spec.info.title}: HTTP API reference`,
    "",
    `> The HTTP API that the npm package \`${name}\` ${spec.info.version} describes, generated from its ` +
      `OpenAPI ${spec.openapi} contract (\`openapi.json\` next to this file).`,
    "",
    "## Contents",
    "",
    ...index,
    `- [Schemas](#schemas): ${Object.keys(spec.components?.schemas ?? {}).join(", ")}`,
    "",
    "## Overview",
    "",
    overview,
    "",
    "## Operations",
    "",
    ...operations.map((operation) => operationSection(spec, operation)),
    "## Schemas",
    "",
    ...schemas,
    ...sharedSections(spec),
  ].join("\n");
}
