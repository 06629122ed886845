import { joinPointer } from "../../../load/pointer.js";
import { code, type Code } from "../code.js";
import { walkerName } from "../names.js";
import { hasArrayKeywords, isEmptySchema } from "../schema.js";
import { atChild, guarded, type KeywordGroup } from "./context.js";

/**
 * minItems, maxItems, uniqueItems, items (`{}` or no items: any item, as Ajv judges it).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.2
 */
export const arrayKeywords: KeywordGroup = (s, ctx) => {
  if (!hasArrayKeywords(s)) return [];
  const body: Code[] = [];
  const min = s["minItems"];
  const max = s["maxItems"];
  if (typeof min === "number") body.push(code`if (v.length < ${min}) rt.fail(out, path, "minItems", ${`must have at least ${min} items`}, v);`);
  if (typeof max === "number") body.push(code`if (v.length > ${max}) rt.fail(out, path, "maxItems", ${`must have at most ${max} items`}, v);`);
  if (s["uniqueItems"] === true) body.push(code`rt.duplicates(out, path, v);`);
  const items = s["items"];
  if (items !== undefined && !isEmptySchema(items)) {
    body.push(
      code`for (let i = 0; i < v.length && out.length < rt.MAX_ERRORS; i++) ${atChild(code`i`, walkerName(joinPointer(ctx.pointer, "items")), code`v[i]`)}`,
    );
  }
  return body.length === 0 ? [] : [guarded(s, "array", code`Array.isArray(v)`, body)];
};
