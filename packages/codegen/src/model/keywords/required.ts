import { joinPointer } from "../../load/pointer.js";
import type { Json } from "../json.js";
import { isSchemaObject } from "./checks.js";
import { OBJECT, asStrings, dataKeyword } from "./define.js";

/**
 * `required`: The object has each of these properties (its own). Its rule, beside `properties`:
 * each required name is declared there (a typo in either list would otherwise pass unseen).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.3
 */
export const required = dataKeyword("required", "validation", OBJECT, asStrings, {
  check(value, { node, pointer, report }) {
    const properties = node["properties"];
    if (!isSchemaObject(properties) || !Array.isArray(value)) return;
    value.forEach((name: Json, i: number) => {
      if (typeof name === "string" && !Object.hasOwn(properties, name))
        report(
          joinPointer(pointer, "required", i),
          `required property "${name}" is not declared in "properties"`,
          'declare it under "properties" or remove it from "required"',
        );
    });
  },
});
