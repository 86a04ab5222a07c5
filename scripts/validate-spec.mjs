// The bundled spec as it ships, in both its forms, against two checkers that know nothing of this
// repository: the OpenAPI Initiative's JSON Schema for the spec's OpenAPI version, formats included (a
// `tokenUrl` with `{tenantId}` in it is no URI), and Spectral's `spectral:oas` rules, whose errors fail and
// whose warnings are shown. Redocly's lint reads the split sources in openapi/; scripts/lint.mjs runs all three.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Document, Spectral } from "@stoplight/spectral-core";
import parsers from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";
import { parse as parseYaml } from "yaml";

export const BUNDLES = ["generated/openapi.json", "generated/openapi.yaml"];

// Every problem at once, not only the first: a fix should not uncover the next one.
const officialSchema = new Validator({ allErrors: true });

// `spectral:oas` as it is, its recommended rules: nothing is turned off.
const spectral = new Spectral();
spectral.setRuleset({ extends: [oas] });
const SEVERITY = ["error", "warning", "info", "hint"]; // Spectral's DiagnosticSeverity, by its number

// Each file is read as JSON or YAML by its extension: the YAML form is checked as a YAML reader sees it.
const isJson = (file) => file.endsWith(".json");

const pointer = (path) => path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/**
 * Where the file breaks the official JSON Schema, as `{ rule, path, message }` (the schema keyword and a
 * JSON pointer); none when it passes. The schema leaves Schema Objects to their dialect, which Spectral's
 * `oas3-schema` rule checks.
 */
export async function officialSchemaProblems(file) {
  const text = readFileSync(file, "utf8");
  let spec;
  try {
    spec = isJson(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return [{ rule: "parse", path: "", message: error.message }];
  }
  const { valid, errors } = await officialSchema.validate(spec);
  if (valid) return [];
  // A string is the validator's word on the document as a whole: no OpenAPI version, or a $ref to nothing.
  if (typeof errors === "string") return [{ rule: "document", path: "", message: errors }];
  return errors.map((error) => ({ rule: error.keyword, path: error.instancePath, message: error.message }));
}

/** What Spectral's `spectral:oas` finds, as `{ severity, rule, path, message }` (path a JSON pointer). */
export async function spectralProblems(file) {
  const results = await spectral.run(
    new Document(readFileSync(file, "utf8"), isJson(file) ? parsers.Json : parsers.Yaml, file),
  );
  return results.map((result) => ({
    severity: SEVERITY[result.severity],
    rule: result.code,
    path: pointer(result.path),
    message: result.message,
  }));
}

/**
 * Both checks over the shipped bundles: `failed` when the official schema refuses a file or Spectral finds
 * an error in one, and a line for each problem, Spectral's warnings too, to show then. A problem of the
 * spec is in both forms: it gets one line, which names both.
 */
export async function bundleProblems(files = BUNDLES) {
  let failed = false;
  const filesOf = new Map();
  const add = (file, line) => filesOf.set(line, [...(filesOf.get(line) ?? []), file]);
  for (const file of files) {
    for (const { rule, path, message } of await officialSchemaProblems(file)) {
      failed = true;
      add(file, `${path || "/"}: ${message} (official OpenAPI schema, ${rule})`);
    }
    for (const { severity, rule, path, message } of await spectralProblems(file)) {
      failed ||= severity === "error";
      add(file, `${path || "/"}: ${message} (Spectral ${severity}, ${rule})`);
    }
  }
  return { failed, lines: [...filesOf].map(([line, where]) => `${where.join(", ")} ${line}`) };
}
