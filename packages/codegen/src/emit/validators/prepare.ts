import type { Json } from "../../model/types.js";
import type { Placeholder } from "./keywords/keyword.js";
import { positionOf, subschemas, validatorKeyword } from "./keywords/index.js";
import { code, type Code } from "./code.js";
import { isEmptySchema, isSchemaObject, type SchemaObject } from "./schema.js";

export type { Placeholder };

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
    const early: Placeholder[] = [];
    let ownProperties: Placeholder | undefined;
    for (const [key, value] of Object.entries(node)) {
      const keyword = validatorKeyword(key);
      const refinement = keyword?.check?.refine?.(value, node, use);
      // Own required properties are checked last, after the node's other refinements.
      if (key === "required") ownProperties = refinement;
      else if (refinement !== undefined && keyword?.check?.early === true) early.push(refinement);
      else if (refinement !== undefined) refine.push(refinement);
      if (keyword?.check?.drop?.(value, node) === true) continue;
      const position = positionOf(key);
      if (key === "properties" && isSchemaObject(value)) out[key] = Object.fromEntries(cheapFirst(Object.entries(value)).map(([k, v]) => [k, visit(v)]));
      else if (position === "one") out[key] = visit(value);
      else if (position === "list" && Array.isArray(value)) out[key] = value.map(visit);
      else if (position === "map" && isSchemaObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
      else out[key] = value;
    }
    if (readsKeysOneByOne(node)) refine.push(use(code`rt.keyBudget`));
    if (ownProperties !== undefined) refine.push(ownProperties);
    if (refine.length > 0) out["~refine"] = refine;
    if (early.length === 0) return out as Json;
    // TypeBox checks `allOf` members in order, so a member of only refinements runs first. What
    // names the node (`$id`, anchors) and what is resolved against it (`$defs`) move to the
    // wrapper: a `$ref` to `#card` or to an embedded `$id` must reach the early refinements too.
    const wrapper: Record<string, unknown> = {};
    for (const key of IDENTIFYING) {
      if (!(key in out)) continue;
      wrapper[key] = out[key];
      delete out[key];
    }
    return { ...wrapper, allOf: [{ "~refine": early }, out] } as Json;
  };
  return { schema: visit(schema), runtime };
}

export type { SchemaObject };

/** The keywords that name a schema resource or location, or hold what is resolved against it. */
const IDENTIFYING = ["$id", "$anchor", "$dynamicAnchor", "$defs"];

/**
 * Whether the check reads the node's keys one by one, with no early end at an unknown key: a typed
 * record, patterns, `propertyNames`, a schema for unevaluated properties. Those get the key budget
 * (rt.keyBudget) in the check, as the walkers apply it; a closed object fails at its first unknown key.
 */
function readsKeysOneByOne(node: SchemaObject): boolean {
  const schemaAt = (key: string): boolean => key in node && typeof node[key] !== "boolean" && !isEmptySchema(node[key] as Json);
  return schemaAt("additionalProperties") || schemaAt("patternProperties") || schemaAt("propertyNames") || schemaAt("unevaluatedProperties");
}

/** Keywords whose check reads a whole string or array, or leads anywhere. */
const SCANS = ["format", "pattern", "minLength", "maxLength", "uniqueItems", "$ref"];

/**
 * Formats of a fixed shape: their scanners read a few dozen characters at most and stop at the first
 * wrong one, where a `uri` or `email` regexp reads the whole string. Checked before those, a bad
 * `createdAt` fails without scanning the URIs beside it (the check's verdict is one conjunction of
 * pure tests, so the order changes its cost only).
 */
const SHORT_FORMATS: ReadonlySet<string> = new Set(["date-time", "date", "time", "uuid"]);

/**
 * How much a property's check may cost: 0 for type, enum and const tests, 1 for subschemas of only
 * those, 2 for a fixed-shape format alone, 3 where a string or array is scanned (or a `$ref` leads
 * anywhere).
 */
function cost(schema: Json): number {
  if (!isSchemaObject(schema)) return 0;
  const scans = SCANS.filter((k) => k in schema);
  if (scans.length === 1 && scans[0] === "format" && SHORT_FORMATS.has(schema["format"] as string)) return 2;
  if (scans.length > 0) return 3;
  let c = 0;
  for (const [, child] of subschemas(schema, "", "applied")) c = Math.max(c, 1, cost(child));
  return c;
}

/** Properties whose checks are cheap first, each group in declaration order (a stable sort). */
function cheapFirst(entries: [string, Json][]): [string, Json][] {
  return entries
    .map((e, i) => [e, cost(e[1]), i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([e]) => e);
}
