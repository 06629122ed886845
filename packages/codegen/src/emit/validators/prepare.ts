import { knownFormats } from "../../validate/rules.js";
import { InternalError } from "../../errors.js";
import type { Json } from "../../model/types.js";
import { code, join, type Code } from "./code.js";
import { children, isEmptySchema, isSchemaObject, requiredNames, type SchemaObject } from "./schema.js";

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
 * What TypeBox cannot check the way we need (Ajv-exact formats, exact multipleOf, required
 * properties as own properties) becomes `~refine` refinements implemented in the validators
 * runtime (packages/validators/src/runtime/refine.ts). `{}` and open records stay unconstrained, as
 * the schema says and Ajv judges them (the opt-in `jsonOnly` mode scans for JSON data at run time).
 * Properties are reordered so the cheap checks run first: a wrong type next to a 21 KB URI fails
 * before the URI is scanned. Returns a new schema; the model is not touched.
 */
export function prepareForTypeBox(schema: Json): Prepared {
  const runtime = new Map<Placeholder, Code>();
  const use = (expression: Code): Placeholder => {
    const placeholder: Placeholder = { check: () => true, error: () => "" };
    runtime.set(placeholder, expression);
    return placeholder;
  };

  const visit = (node: Json): Json => {
    if (!isSchemaObject(node)) return node;
    const out: Record<string, unknown> = {};
    const refine: Placeholder[] = [];
    for (const [key, value] of Object.entries(node)) {
      switch (key) {
        case "format":
          if (typeof value !== "string") throw new InternalError("format must be a string after validation");
          // One ajv-formats does not know is an annotation ("unknown-formats" relaxed): not checked.
          if (!knownFormats().has(value)) break;
          refine.push(use(code`rt.formats[${value}]`));
          break;
        case "multipleOf":
          // TypeBox allows a 1e-10 tolerance (0.3 is a multiple of 0.1); JSON Schema and Ajv do not.
          if (typeof value !== "number") throw new InternalError("multipleOf must be a number after validation");
          refine.push(use(code`rt.multipleOf(${value})`));
          break;
        case "properties":
          out[key] = isSchemaObject(value) ? Object.fromEntries(cheapFirst(Object.entries(value)).map(([k, v]) => [k, visit(v)])) : value;
          break;
        case "$defs":
          out[key] = isSchemaObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)])) : value;
          break;
        case "items":
        case "additionalProperties":
          // An unconstrained subschema stays `{}`: TypeBox emits no check for it.
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
    const required = requiredNames(node);
    if (required.length > 0)
      refine.push(
        use(
          code`rt.ownProperties([${join(
            required.map((k) => code`${k}`),
            ", ",
          )}])`,
        ),
      );
    if (refine.length > 0) out["~refine"] = refine;
    return out as Json;
  };
  return { schema: visit(schema), runtime };
}

export type { SchemaObject };

/** Keywords whose check reads a whole string or array, or leads anywhere. */
const SCANS = ["format", "pattern", "minLength", "maxLength", "uniqueItems", "$ref"];

/**
 * How much a property's check may cost: 0 for type, enum and const tests, 1 for subschemas of only
 * those, 2 where a string or array is scanned (or a `$ref` leads anywhere).
 */
function cost(schema: Json): number {
  if (!isSchemaObject(schema)) return 0;
  if (SCANS.some((k) => k in schema)) return 2;
  let c = 0;
  for (const [, child] of children(schema, "")) c = Math.max(c, 1, cost(child));
  return c;
}

/** Properties whose checks are cheap first, each group in declaration order (a stable sort). */
function cheapFirst(entries: [string, Json][]): [string, Json][] {
  return entries
    .map((e, i) => [e, cost(e[1]), i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([e]) => e);
}
