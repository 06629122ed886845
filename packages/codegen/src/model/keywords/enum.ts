import { canonicalJson } from "../../diff/canonical.js";
import { joinPointer } from "../../load/pointer.js";
import type { Json } from "../json.js";
import { declaredTypes, hasType, typeList } from "./checks.js";
import { dataKeyword, type CheckContext } from "./define.js";

/**
 * `enum`: The value equals one of the listed JSON values (any JSON: objects and arrays too).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2
 */
export const enumKeyword = dataKeyword("enum", "validation", "any", asValues, { check: checkEnum });

function asValues(value: Json): readonly Json[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/**
 * Some value is listed (an empty `enum` lets nothing through), each listed value has the declared
 * `type` (else it can never be valid), and none is listed twice, compared as JSON Schema compares
 * them (deep, key order free): fixtures name a case per value, the types and docs would list it twice.
 */
function checkEnum(value: Json, { node, pointer, report }: CheckContext): void {
  if (!Array.isArray(value)) return;
  const at = joinPointer(pointer, "enum");
  if (value.length === 0) report(at, '"enum" is empty, so no value is valid', "list the values the field takes, or remove the field");
  const types = declaredTypes(node["type"]);
  if (types) {
    value.forEach((item: Json, i: number) => {
      if (!hasType(item, types))
        report(
          joinPointer(at, i),
          `enum value ${JSON.stringify(item)} is not of ${typeList(types)}, so it can never be valid`,
          'remove the value, or add its type to "type"',
        );
    });
  }
  const first = new Map<string, number>();
  value.forEach((item: Json, i: number) => {
    const key = canonicalJson(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else report(joinPointer(at, i), `enum value ${JSON.stringify(item)} is listed twice (first at ${joinPointer(at, seen)})`, "remove the repeated value");
  });
}
