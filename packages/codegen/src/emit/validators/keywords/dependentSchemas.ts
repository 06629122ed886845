import { code } from "../code.js";
import { isSchemaObject } from "../schema.js";
import { defineKeyword } from "./keyword.js";
import { inPlace } from "./shared.js";

/** When a property is present, the whole object must also match its schema. @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.4 */
export const dependentSchemas = defineKeyword({
  keyword: "dependentSchemas",
  applies: "object",
  walk: (value, ctx) =>
    isSchemaObject(value) ? Object.keys(value).map((key) => code`if (Object.hasOwn(v, ${key})) ${inPlace(ctx.walker("dependentSchemas", key), ctx)};`) : [],
});
