import type { Json } from "../../../model/types.js";
import { KEYWORDS_BY_TYPE as BY_TYPE, TYPE_SPECIFIC_KEYWORDS as TYPE_SPECIFIC } from "../../../schema/by-type.js";
import { sortKeys } from "../schema-tree.js";
import { NULL_CARRIER_TYPE, type Step } from "./context.js";
import { rejectAll } from "./keywords.js";

/**
 * 3.0 `type` is one string and `null` is not a type: `["T", "null"]` becomes `type: T` with
 * `nullable: true`; several non-null types become an `anyOf` of one branch per type, each
 * carrying the keywords that constrain that type; a null-only schema becomes a nullable
 * carrier restricted to `[null]`.
 * @see https://spec.openapis.org/oas/v3.0.3.html#fixed-fields-19 (nullable)
 */
export const typeToNullable: Step = (node) => {
  const type = node["type"];
  if (type === undefined || (typeof type === "string" && type !== "null")) return node;
  const types = (Array.isArray(type) ? type : [type]) as string[];
  const nonNull = types.filter((t) => t !== "null");
  const nullable = nonNull.length < types.length ? { nullable: true } : {};
  if (nonNull.length === 0) {
    const values = node["enum"];
    // Null is the one value the type allows and the enum refuses it: nothing is valid.
    if (Array.isArray(values) && !values.includes(null)) return rejectAll({ ...node, type: NULL_CARRIER_TYPE });
    // OpenAPI 3.0.3 requires a nullable enum to list null explicitly.
    return { ...node, type: NULL_CARRIER_TYPE, nullable: true, enum: [null] };
  }
  if (nonNull.length === 1) return { ...node, type: nonNull[0] as string, ...nullable };
  const base: Record<string, Json> = {};
  for (const key of Object.keys(node)) if (key !== "type" && !TYPE_SPECIFIC.has(key)) base[key] = node[key] as Json;
  const branches = nonNull.map((t, i) => {
    const branch: Record<string, Json> = { type: t, ...(i === 0 ? nullable : {}) };
    for (const key of BY_TYPE[t] ?? []) if (key in node) branch[key] = node[key] as Json;
    return sortKeys(branch);
  });
  if ("anyOf" in base || "oneOf" in base) return { ...base, allOf: [...((base["allOf"] as Json[] | undefined) ?? []), { anyOf: branches }] };
  return { ...base, anyOf: branches };
};
