import { InternalError } from "../../errors.js";
import type { Json } from "../../model/types.js";
import { code, join, type Code } from "./code.js";
import { hasArrayKeywords, hasObjectKeywords, constrainsType, isEmptySchema, isSchemaObject, propertyNames, type SchemaObject } from "./schema.js";

/**
 * A placeholder for one runtime refinement while TypeBox compiles: TypeBox takes `~refine`
 * entries as values and refers to them as `External[i]`; after `Code()` each placeholder is
 * mapped back, by identity, to the runtime expression the generated module passes to
 * `SetExternal`.
 */
export interface Placeholder {
  readonly check: () => boolean;
  readonly error: () => string;
}

export interface Prepared {
  /** The schema TypeBox compiles: `format` replaced by refinements, JSON-data refinements added. */
  readonly schema: Json;
  readonly runtime: ReadonlyMap<Placeholder, Code>;
}

/**
 * What TypeBox cannot check the way we need (Ajv-exact formats, JSON objects only, JSON data in
 * open records) becomes `~refine` refinements implemented in the validators runtime
 * (packages/validators/src/runtime/refine.ts). Returns a new schema; the model is not touched.
 */
export function prepareForTypeBox(schema: Json): Prepared {
  const runtime = new Map<Placeholder, Code>();
  const use = (expression: Code): Placeholder => {
    const placeholder: Placeholder = { check: () => true, error: () => "" };
    runtime.set(placeholder, expression);
    return placeholder;
  };

  const visit = (node: Json): Json => {
    if (node === true) return { "~refine": [use(code`rt.jsonValue`)] } as unknown as Json;
    if (!isSchemaObject(node)) return node;
    const out: Record<string, unknown> = {};
    const refine: Placeholder[] = [];
    for (const [key, value] of Object.entries(node)) {
      switch (key) {
        case "format":
          if (typeof value !== "string") throw new InternalError("format must be a string after validation");
          refine.push(use(code`rt.formats[${value}]`));
          break;
        case "multipleOf":
          // TypeBox allows a 1e-10 tolerance (0.3 is a multiple of 0.1); JSON Schema and Ajv do not.
          if (typeof value !== "number") throw new InternalError("multipleOf must be a number after validation");
          refine.push(use(code`rt.multipleOf(${value})`));
          break;
        case "properties":
        case "$defs":
          out[key] = isSchemaObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)])) : value;
          break;
        case "items":
        case "additionalProperties":
          // An unconstrained subschema stays `{}` (TypeBox skips it); the parent's refinement checks the JSON data.
          out[key] = isEmptySchema(value) ? value : visit(value);
          break;
        case "anyOf":
        case "oneOf":
          out[key] = Array.isArray(value) ? value.map(visit) : value;
          break;
        default:
          out[key] = value;
      }
    }
    if (hasObjectKeywords(node)) {
      const extra = node["additionalProperties"];
      const declared = propertyNames(node);
      refine.push(
        extra === false || (extra !== undefined && !isEmptySchema(extra))
          ? use(code`rt.plainObject`)
          : use(
              code`rt.jsonRecord([${join(
                declared.map((k) => code`${k}`),
                ", ",
              )}])`,
            ),
      );
    }
    if ((hasArrayKeywords(node) && isEmptySchema(node["items"] ?? true)) || !constrainsType(node)) refine.push(use(code`rt.jsonValue`));
    if (refine.length > 0) out["~refine"] = refine;
    return out as Json;
  };
  return { schema: visit(schema), runtime };
}

export type { SchemaObject };
