import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import type { AnySchema, ValidateFunction } from "ajv";
import { openapi30, openapi31 } from "../src/index.js";

// Both are CommonJS, typed as if their default export were wrapped once more under NodeNext.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;

const canonical = JSON.parse(readFileSync(new URL("../../../schemas/connector-with-status.schema.json", import.meta.url), "utf8")) as AnySchema;

/** Keywords Ajv's strict mode does not know but our documents carry (annotations only). */
const ANNOTATIONS = ["x-docs", "example"];
/** The document root is not a schema; these let Ajv load it as a resource holding the components. */
const DOCUMENT_FIELDS = ["openapi", "info", "paths", "components"];

/** The canonical schema, judged by Ajv 2020 (the reference verdict). */
export function canonicalJudge(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const k of ANNOTATIONS) ajv.addKeyword(k);
  return ajv.compile(canonical);
}

/** A component of the 3.1 document, judged by Ajv 2020 through `#/components/schemas/<name>`. */
export function openapi31Judge(name: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  for (const k of [...ANNOTATIONS, ...DOCUMENT_FIELDS]) ajv.addKeyword(k);
  ajv.addSchema(structuredClone(openapi31) as unknown as AnySchema, "https://contracts.dev/openapi.json");
  return ajv.compile({ $ref: `https://contracts.dev/openapi.json#/components/schemas/${name}` });
}

/**
 * A component of the 3.0 document, judged by Ajv draft-04 (OpenAPI 3.0 Schema Objects are draft
 * 4 style: boolean exclusive bounds), which honours OpenAPI's `nullable` by default.
 */
export function openapi30Judge(name: string): ValidateFunction {
  const ajv = new AjvDraft04({ allErrors: true, strict: true });
  addFormats(ajv);
  // Annotations OpenAPI 3.0 adds to draft 4.
  for (const k of [...ANNOTATIONS, ...DOCUMENT_FIELDS, "readOnly", "writeOnly", "deprecated"]) ajv.addKeyword(k);
  ajv.addSchema(structuredClone(openapi30) as unknown as AnySchema, "https://contracts.dev/openapi-3.0.json");
  return ajv.compile({ $ref: `https://contracts.dev/openapi-3.0.json#/components/schemas/${name}` });
}
