/**
 * The Standard JSON Schema side of each validator (`~standard.jsonSchema.input/output`): the
 * entity's schema, self-contained (every definition it reaches under `$defs`, as the codegen
 * bundles it), in each target the spec names. Input and output are the same schema: validation
 * returns the value itself, unchanged.
 * @see https://standardschema.dev/json-schema
 */
import type { StandardJSONSchemaV1 } from "./standard.js";

type Schema = Record<string, unknown>;

const DIALECTS: Readonly<Record<string, string>> = {
  "draft-2020-12": "https://json-schema.org/draft/2020-12/schema",
  "draft-07": "http://json-schema.org/draft-07/schema#",
};

const isObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

/** A deep copy (the caller may change what it gets) with `edit` applied to every schema object. */
function mapSchemas(node: unknown, edit: (s: Schema) => Schema): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSchemas(n, edit));
  if (!isObject(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === "enum" || k === "const" || k === "examples" || k === "default" ? structuredClone(v) : mapSchemas(v, edit);
  return edit(out);
}

/** draft-07 spells `$defs` `definitions`; every other keyword we emit means the same there. */
function toDraft07(bundled: Schema): Schema {
  return mapSchemas(bundled, (s) => {
    const { $defs, ...rest } = s;
    const out: Schema = $defs === undefined ? rest : { ...rest, definitions: $defs };
    if (typeof out["$ref"] === "string") out["$ref"] = out["$ref"].replace(/^#\/\$defs\//, "#/definitions/");
    return out;
  }) as Schema;
}

const isNullSchema = (s: unknown): boolean => isObject(s) && s["type"] === "null" && Object.keys(s).length === 1;

/**
 * OpenAPI 3.0's Schema Object: `nullable` instead of `null` in `type` or an `anyOf` branch, `enum`
 * for `const`, `example` for `examples`, no `$id`, `$comment` or `$defs` (refs are inlined; a recursive schema cannot be, so it throws, as the spec
 * allows for a conversion that is not supported).
 */
function toOpenApi30(bundled: Schema): Schema {
  const defs = isObject(bundled["$defs"]) ? bundled["$defs"] : {};
  const inline = (node: unknown, open: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, open));
    if (!isObject(node)) return node;
    const ref = node["$ref"];
    if (typeof ref === "string") {
      const name = ref === "#" ? "#" : ref.replace(/^#\/\$defs\//, "");
      if (open.includes(name))
        throw new Error(`openapi-3.0: the schema refers to itself through ${ref}; OpenAPI 3.0 has no $defs to name it, use "draft-2020-12" or "draft-07"`);
      const { $ref: _, ...siblings } = node;
      const target = name === "#" ? root : defs[name];
      return { ...(inline(target, [...open, name]) as Schema), ...(inline(siblings, open) as Schema) };
    }
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) if (k !== "$defs") out[k] = k === "enum" || k === "const" ? v : inline(v, open);
    return out;
  };
  const { $defs: _, $schema: __, ...root } = bundled;
  const flat = inline(root, ["#"]);
  return mapSchemas(flat, (s) => {
    const { $id: _id, $comment: _comment, examples, ...out } = s;
    // OpenAPI 3.0 has one `example`, and no `$id` or `$comment`.
    if (Array.isArray(examples) && examples.length > 0 && !("example" in out)) out["example"] = examples[0];
    if ("const" in out) {
      out["enum"] = [out["const"]];
      delete out["const"];
    }
    const type = out["type"];
    if (Array.isArray(type)) {
      const others = type.filter((t) => t !== "null");
      if (others.length < type.length) out["nullable"] = true;
      if (others.length === 1) out["type"] = others[0];
      else {
        delete out["type"];
        if (others.length > 1) out["anyOf"] = others.map((t) => ({ type: t }));
      }
    }
    const anyOf = out["anyOf"];
    if (Array.isArray(anyOf) && anyOf.some(isNullSchema)) {
      const others = anyOf.filter((b) => !isNullSchema(b));
      delete out["anyOf"];
      if (others.length === 1) Object.assign(out, others[0], { nullable: true });
      else Object.assign(out, { anyOf: others, nullable: true });
    }
    return out;
  }) as Schema;
}

/** `$schema` first, naming the target's dialect (the schema as written names 2020-12). */
function withDialect(target: string, schema: Schema): Schema {
  const { $schema: _, ...rest } = schema;
  return { $schema: DIALECTS[target], ...rest };
}

/** The converter of one entity's self-contained 2020-12 schema. */
export function jsonSchemaConverter(bundled: Schema): StandardJSONSchemaV1.Converter {
  const convert = (options: StandardJSONSchemaV1.Options): Schema => {
    const target = options?.target;
    switch (target) {
      case "draft-2020-12":
        return withDialect(target, mapSchemas(bundled, (s) => s) as Schema);
      case "draft-07":
        return withDialect(target, toDraft07(bundled));
      case "openapi-3.0":
        return toOpenApi30(bundled);
      default:
        throw new Error(`unsupported JSON Schema target ${JSON.stringify(target)}: use "draft-2020-12", "draft-07" or "openapi-3.0"`);
    }
  };
  return { input: convert, output: convert };
}
