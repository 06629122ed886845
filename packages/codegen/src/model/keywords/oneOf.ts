import { joinPointer } from "../../load/pointer.js";
import type { Json } from "../json.js";
import { declaredTypes, isSchemaObject } from "./checks.js";
import { schemaKeyword } from "./define.js";

/**
 * `oneOf`: The value is valid against exactly one subschema. Its rule: null is not let through by
 * two branches (`["string", "null"]` beside `{"type": "null"}`): null would then be rejected,
 * surely not what the nullable spelling meant.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
export const oneOf = schemaKeyword("oneOf", "applicator", "array", "any", {
  check(branches, { pointer, report }) {
    if (!Array.isArray(branches)) return;
    const accepting = branches.map((b: Json, i: number) => (acceptsNull(b) ? i : -1)).filter((i) => i >= 0);
    if (accepting.length < 2) return;
    report(
      joinPointer(pointer, "oneOf", accepting[1] as number),
      `null is accepted by branches ${accepting.join(" and ")} of "oneOf", so null is never valid (oneOf needs exactly one branch to match)`,
      'accept null in one branch only (drop "null" from the other branch\'s "type"), or use "anyOf"',
    );
  },
});

/** A branch whose own keywords surely let null through. */
function acceptsNull(schema: Json): boolean {
  if (!isSchemaObject(schema) || ["$ref", "anyOf", "oneOf"].some((k) => k in schema)) return false;
  const types = declaredTypes(schema["type"]);
  const values = schema["enum"];
  const hasConst = "const" in schema;
  const said = types !== undefined || Array.isArray(values) || hasConst;
  return said && (types?.includes("null") ?? true) && (!Array.isArray(values) || values.includes(null)) && (!hasConst || schema["const"] === null);
}
