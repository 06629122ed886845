import { code } from "../code.js";
import { isSchemaObject } from "../schema.js";
import { defineKeyword } from "./keyword.js";

/** When a property is present, the ones it names must be too. @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.4 */
export const dependentRequired = defineKeyword({
  keyword: "dependentRequired",
  applies: "object",
  walk: (value) => {
    if (!isSchemaObject(value)) return [];
    return Object.entries(value).flatMap(([key, names]) =>
      (Array.isArray(names) ? (names.filter((n) => typeof n === "string") as string[]) : []).map(
        (name) =>
          code`if (Object.hasOwn(v, ${key}) && !Object.hasOwn(v, ${name})) rt.fail(out, path, "dependentRequired", ${`must have property ${JSON.stringify(name)} when ${JSON.stringify(key)} is present`}, v);`,
      ),
    );
  },
});
