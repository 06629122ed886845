import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { newAjv2020 } from "../schema/ajv.js";
import { isObject } from "../schema/refs.js";

export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/** The Ajv options of the meta-schema validator, built (scripts/build-meta-validator.mjs) or not. */
export const META_AJV_OPTIONS = { allErrors: true, strict: false } as const;

/**
 * The 2020-12 meta-schema's validator: compiled at build time into dist (see
 * scripts/build-meta-validator.mjs; Node's module cache keeps it loaded), or, running from sources
 * (tests), the one the build put in dist; compiled here only when there is none. Compiling it was
 * the slow part of validation.
 */
export function metaSchemaValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  for (const built of ["./meta-schema.cjs", "../../dist/validate/meta-schema.cjs"]) {
    try {
      return require(built) as ValidateFunction;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  const compiled = newAjv2020(META_AJV_OPTIONS).getSchema(DRAFT_2020_12);
  if (!compiled) throw new Error("ajv has no 2020-12 meta-schema");
  return compiled;
}

/** Checks a file against the JSON Schema 2020-12 meta-schema. */
export function checkMetaSchema(source: SourceFile, validate: ValidateFunction): Problem[] {
  const schema = source.value;
  const problem = (pointer: string, message: string, hint: string): Problem => ({
    file: source.file,
    pointer,
    ...source.locate(pointer),
    message,
    hint,
  });
  if (!isObject(schema)) {
    return [
      problem("", "is not a JSON Schema: the document must be an object", `start from {"$schema": "${DRAFT_2020_12}", "title": "Name", "type": "object", ...}`),
    ];
  }
  const declared = schema["$schema"];
  if (declared !== DRAFT_2020_12) {
    const hint = `set "$schema": "${DRAFT_2020_12}" (and convert the schema to 2020-12 if it was written for another draft)`;
    return [
      declared === undefined
        ? problem("", 'is not a JSON Schema 2020-12 document: it has no "$schema"', hint)
        : problem("/$schema", `is not a JSON Schema 2020-12 document: "$schema" is ${JSON.stringify(declared)}`, hint),
    ];
  }
  if (validate(schema)) return [];
  // Ajv reports every branch of the meta-schema's anyOf; the first error at a pointer is the
  // specific one ("must be equal to one of the allowed values"), the rest is noise.
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of validate.errors ?? []) {
    if (seen.has(error.instancePath)) continue;
    seen.add(error.instancePath);
    problems.push(problem(error.instancePath, `is not valid JSON Schema 2020-12: ${describe(error)}`, metaHint(error)));
  }
  return problems;
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "the schema" : error.instancePath.split("/").pop();
  if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `${at} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${at} ${error.message ?? "is invalid"}`;
}

function metaHint(error: ErrorObject): string {
  if (error.keyword === "format" && (error.params as { format?: string }).format === "regex") {
    return "write a valid ECMAScript regular expression";
  }
  return "see https://json-schema.org/draft/2020-12/json-schema-validation for the keyword's allowed values";
}
