import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { isObject } from "../schema/refs.js";

type Add = (pointer: string, message: string, hint: string) => void;

/**
 * Keyword combinations that the meta-schema accepts but no value can satisfy: such a property
 * could never be sent, and the fixtures could not produce a valid value for it. Always a mistake.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6
 */
export function checkSatisfiable(node: Json, pointer: string, add: Add): void {
  if (!isObject(node)) return;
  const at = (keyword: string) => joinPointer(pointer, keyword);
  const types = declaredTypes(node["type"]);

  const values = node["enum"];
  if (Array.isArray(values)) {
    if (values.length === 0) add(at("enum"), '"enum" is empty, so no value is valid', "list the values the field takes, or remove the field");
    if (types) {
      values.forEach((value: Json, i: number) => {
        if (!hasType(value, types))
          add(
            joinPointer(pointer, "enum", i),
            `enum value ${JSON.stringify(value)} is not of ${typeList(types)}, so it can never be valid`,
            'remove the value, or add its type to "type"',
          );
      });
    }
  }
  if ("const" in node && types && !hasType(node["const"] as Json, types)) {
    add(
      at("const"),
      `const ${JSON.stringify(node["const"])} is not of ${typeList(types)}, so no value is valid`,
      'make the const a value of that type, or fix "type"',
    );
  }

  checkOneOfNull(node, pointer, add);

  const lowerOver = (lower: string, upper: string, what: string) => {
    const lo = node[lower];
    const hi = node[upper];
    if (typeof lo === "number" && typeof hi === "number" && lo > hi) {
      add(at(lower), `${lower} ${lo} is greater than ${upper} ${hi}, so no ${what} is valid`, `lower "${lower}" or raise "${upper}"`);
    }
  };
  lowerOver("minLength", "maxLength", "string");
  lowerOver("minItems", "maxItems", "array");
  for (const lower of ["minimum", "exclusiveMinimum"] as const) {
    for (const upper of ["maximum", "exclusiveMaximum"] as const) {
      const lo = node[lower];
      const hi = node[upper];
      if (typeof lo !== "number" || typeof hi !== "number") continue;
      // Both inclusive: a single value may remain. Either bound exclusive: equal bounds leave none.
      if (lower === "minimum" && upper === "maximum") lowerOver(lower, upper, "number");
      else if (lo >= hi) add(at(lower), `${lower} ${lo} is not less than ${upper} ${hi}, so no number is valid`, `lower "${lower}" or raise "${upper}"`);
    }
  }
}

/**
 * `oneOf` accepts a value exactly one branch accepts: with null in two branches (`["string",
 * "null"]` beside `{"type": "null"}`), null is rejected, surely not what the nullable spelling meant.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
function checkOneOfNull(node: { readonly [key: string]: Json }, pointer: string, add: Add): void {
  const branches = node["oneOf"];
  if (!Array.isArray(branches)) return;
  const accepting = branches.map((b: Json, i: number) => (acceptsNull(b) ? i : -1)).filter((i) => i >= 0);
  if (accepting.length < 2) return;
  add(
    joinPointer(pointer, "oneOf", accepting[1] as number),
    `null is accepted by branches ${accepting.join(" and ")} of "oneOf", so null is never valid (oneOf needs exactly one branch to match)`,
    'accept null in one branch only (drop "null" from the other branch\'s "type"), or use "anyOf"',
  );
}

/** A branch whose own keywords surely let null through. */
function acceptsNull(schema: Json): boolean {
  if (!isObject(schema) || ["$ref", "anyOf", "oneOf"].some((k) => k in schema)) return false;
  const types = declaredTypes(schema["type"]);
  const values = schema["enum"];
  const hasConst = "const" in schema;
  const said = types !== undefined || Array.isArray(values) || hasConst;
  return said && (types?.includes("null") ?? true) && (!Array.isArray(values) || values.includes(null)) && (!hasConst || schema["const"] === null);
}

function declaredTypes(type: Json | undefined): readonly string[] | undefined {
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t: Json): t is string => typeof t === "string");
  return undefined;
}

/** JSON Schema's type of a JSON value; an integer-valued number is also a "number". */
function hasType(value: Json, types: readonly string[]): boolean {
  if (value === null) return types.includes("null");
  if (Array.isArray(value)) return types.includes("array");
  if (typeof value === "number") return types.includes("number") || (types.includes("integer") && Number.isInteger(value));
  return types.includes(typeof value);
}

function typeList(types: readonly string[]): string {
  return `type ${types.map((t) => JSON.stringify(t)).join(" or ")}`;
}
