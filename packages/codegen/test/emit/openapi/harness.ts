import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import type { AnySchema } from "ajv";
import type { Json } from "../../../src/model/types.js";
import { toOas30 } from "../../../src/emit/openapi/oas30/index.js";
import { toOas31 } from "../../../src/emit/openapi/oas31.js";
import { isObject } from "../../../src/schema/refs.js";

const AjvDraft04 = AjvDraft04Module as unknown as typeof AjvDraft04Module.default;
const FILE = "schemas/t.schema.json";

export interface Converted {
  oas31: Record<string, Json>;
  oas30: Record<string, Json>;
  /** What the 3.0 conversion reported, as `pointer: message`. */
  problems: string[];
}

/**
 * Both OpenAPI documents for a schema named `T` whose `$defs` are its other components, through
 * the emitter's own conversions (`$ref: "#/$defs/K"` → component `K`, `"#"` → `T`).
 */
export function convert(schema: Json): Converted {
  const defs = isObject(schema) && isObject(schema["$defs"]) ? schema["$defs"] : {};
  const components: Record<string, Json> = { T: schema, ...defs };
  const nameOf = (ref: string) => (ref === "#" ? "T" : (ref.split("/").pop() ?? ""));
  const problems: string[] = [];
  const ctx = {
    file: FILE,
    refFor: (_file: string, ref: string) => `#/components/schemas/${nameOf(ref)}`,
    targetOf: (_file: string, ref: string) => ({ name: nameOf(ref), schema: components[nameOf(ref)] as Json, entity: { file: FILE } }),
    report: (pointer: string, message: string) => void problems.push(`${pointer}: ${message}`),
  };
  const schemas31: Record<string, Json> = {};
  const schemas30: Record<string, Json> = {};
  for (const [name, component] of Object.entries(components)) {
    const pointer = name === "T" ? "" : `/$defs/${name}`;
    schemas31[name] = toOas31(component, pointer, ctx);
    schemas30[name] = toOas30(component, pointer, ctx);
  }
  const doc = (openapi: string, schemas: Record<string, Json>) => ({ openapi, info: { title: "t", version: "1" }, paths: {}, components: { schemas } });
  return { oas31: doc("3.1.1", schemas31), oas30: doc("3.0.3", schemas30), problems };
}

/** Errors a real OpenAPI validator finds in the document (none for a valid one). */
export async function documentErrors(document: Record<string, Json>, validator = new Validator()): Promise<unknown[]> {
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>);
  return result.valid ? [] : ((result.errors as unknown[] | undefined) ?? ["invalid"]);
}

/** Keywords Ajv's strict mode does not know but the documents carry. */
const DOCUMENT_FIELDS = ["openapi", "info", "paths", "components"];

/** Verdicts of the source schema (Ajv 2020), and of component `T` in each document (3.0: draft 4 with `nullable`). */
export function judges(schema: Json, converted: Converted): { source: (v: Json) => boolean; oas31: (v: Json) => boolean; oas30: (v: Json) => boolean } {
  const source = new Ajv2020({ strict: false }).compile(schema as AnySchema);
  // 3.0: unknown keywords are errors (a 2020-12 keyword left in the 3.0 document would otherwise
  // be ignored silently); the type-strictness checks are style rules the schemas need not follow.
  // 3.1 is 2020-12 as written, where Ajv's strict mode would only quarrel with the given schema.
  const strict = { strictSchema: true, strictTypes: false, strictTuples: false, strictRequired: false, allowMatchingProperties: true } as const;
  const ajv31 = new Ajv2020({ strict: false });
  for (const k of DOCUMENT_FIELDS) ajv31.addKeyword(k);
  ajv31.addSchema(structuredClone(converted.oas31) as AnySchema, "https://t.dev/openapi.json");
  const oas31 = ajv31.compile({ $ref: "https://t.dev/openapi.json#/components/schemas/T" });
  const ajv30 = new AjvDraft04(strict);
  for (const k of [...DOCUMENT_FIELDS, "example", "readOnly", "writeOnly", "deprecated", "discriminator"]) ajv30.addKeyword(k);
  ajv30.addSchema(structuredClone(converted.oas30) as AnySchema, "https://t.dev/openapi-3.0.json");
  const oas30 = ajv30.compile({ $ref: "https://t.dev/openapi-3.0.json#/components/schemas/T" });
  return { source: (v) => source(v) as boolean, oas31: (v) => oas31(v) as boolean, oas30: (v) => oas30(v) as boolean };
}
