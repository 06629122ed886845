import type { Json } from "../../model/types.js";
import { isObject, mapSubschemas } from "./schema-tree.js";

export interface SchemaContext {
  /** Schema file the schema comes from. */
  readonly file: string;
  /** `#/components/schemas/<name>` for a `$ref` written in `file`, in the node at pointer `at` (its base URI). */
  refFor(file: string, ref: string, at: string): string;
  /** The schema (and its file) a `$ref` written in `file`, in the node at `at`, points at. */
  targetOf(file: string, ref: string, at: string): { readonly schema: Json; readonly name: string; readonly entity: { readonly file: string } };
}

/**
 * OpenAPI 3.1 Schema Objects are JSON Schema 2020-12, so the schema is kept as written except for
 * what makes it a standalone resource: `$schema`, `$id` and `$anchor` (with `$id` in place, `#/...` refs
 * would resolve inside the schema rather than the document) and `$defs` (lifted to components);
 * `$ref`s point at `#/components/schemas/<name>`. `x-docs` is the codegen's own placement of the
 * docs page, nothing a reader of the document needs: it is not published.
 * @see https://spec.openapis.org/oas/v3.1.1.html#schema-object
 */
export function toOas31(schema: Json, pointer: string, ctx: SchemaContext): Json {
  if (!isObject(schema)) return schema;
  const out = mapSubschemas(schema, pointer, (sub, at) => toOas31(sub, at, ctx));
  delete out["$schema"];
  delete out["$id"];
  delete out["$defs"];
  // Anchors name places inside the schema resource, which the document is not: every `$ref` is
  // a component reference already, and two entities' anchors would clash in one document.
  delete out["$anchor"];
  delete out["x-docs"];
  if (typeof schema["$ref"] === "string") out["$ref"] = ctx.refFor(ctx.file, schema["$ref"], pointer);
  return out;
}
