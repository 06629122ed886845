import { joinPointer } from "../../load/pointer.js";
import type { Json } from "../json.js";
import type { CheckContext } from "./define.js";

/*
 * What several keywords' validation rules share: the node's declared types, a JSON value's type,
 * and the rule that a lower bound leaves some value under its upper bounds.
 */

export function isSchemaObject(value: Json | undefined): value is { readonly [keyword: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The types `type` declares (one name or a list), `undefined` without `type`. */
export function declaredTypes(type: Json | undefined): readonly string[] | undefined {
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t: Json): t is string => typeof t === "string");
  return undefined;
}

/** JSON Schema's type of a JSON value; an integer-valued number is also a "number". */
export function hasType(value: Json, types: readonly string[]): boolean {
  if (value === null) return types.includes("null");
  if (Array.isArray(value)) return types.includes("array");
  if (typeof value === "number") return types.includes("number") || (types.includes("integer") && Number.isInteger(value));
  return types.includes(typeof value);
}

export function typeList(types: readonly string[]): string {
  return `type ${types.map((t) => JSON.stringify(t)).join(" or ")}`;
}

/**
 * The rule of a lower bound (`minLength`, `minimum`...): with an upper bound beside it, some value
 * must remain. `inclusive` pairs (both bounds inclusive) may meet; any other pair may not.
 * Reported at the lower bound. Combinations the meta-schema accepts but no value satisfies: such
 * a property could never be sent, and the fixtures could not produce a valid value for it.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6
 */
export function leavesAValue(
  lower: string,
  what: string,
  uppers: readonly { readonly name: string; readonly inclusive: boolean }[],
): (value: Json, ctx: CheckContext) => void {
  return (lo, ctx) => {
    if (typeof lo !== "number") return;
    for (const upper of uppers) {
      const hi = ctx.node[upper.name];
      if (typeof hi !== "number") continue;
      const at = joinPointer(ctx.pointer, lower);
      const hint = `lower "${lower}" or raise "${upper.name}"`;
      if (upper.inclusive && lo > hi) ctx.report(at, `${lower} ${lo} is greater than ${upper.name} ${hi}, so no ${what} is valid`, hint);
      else if (!upper.inclusive && lo >= hi) ctx.report(at, `${lower} ${lo} is not less than ${upper.name} ${hi}, so no ${what} is valid`, hint);
    }
  };
}

/**
 * `__proto__` as an object key is the prototype in JavaScript (`o["__proto__"] = x` sets it, an
 * object literal `{ __proto__: x }` too): emitters building maps of names and generated code
 * holding the name would drop or misuse it, so it cannot name a property or a definition.
 */
export function noProtoKey(keyword: string, what: string): (value: Json, ctx: CheckContext) => void {
  return (value, { pointer, report }) => {
    if (isSchemaObject(value) && Object.hasOwn(value, "__proto__")) {
      report(
        joinPointer(pointer, keyword, "__proto__"),
        `${what} name "__proto__" is not supported: JavaScript treats it as the object's prototype, so generated code and JSON handling would drop or misuse it`,
        `rename the ${what}`,
      );
    }
  };
}
