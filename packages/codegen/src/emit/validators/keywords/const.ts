import { code } from "../code.js";
import type { Json } from "../../../model/types.js";
import { equalTo } from "./enum.js";
import { defineKeyword } from "./keyword.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.3 */
export const constKeyword = defineKeyword({
  keyword: "const",
  walk: (value: Json) => {
    const test = typeof value === "object" && value !== null ? code`!${equalTo(value)}` : code`v !== ${value as string | number | boolean | null}`;
    return [code`if (${test}) rt.fail(out, path, "const", ${`must be ${JSON.stringify(value)}`}, v);`];
  },
});
