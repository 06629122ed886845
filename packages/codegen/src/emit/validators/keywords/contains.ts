import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";

/**
 * contains with its companions minContains (default 1; 0 makes contains always pass) and
 * maxContains; the matching items are evaluated (unevaluatedItems).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1.3
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.4.4
 */
export const contains = defineKeyword({
  keyword: "contains",
  applies: "array",
  walk: (_, ctx) => {
    const min = ctx.node["minContains"];
    const max = ctx.node["maxContains"];
    return [
      code`rt.contains(out, path, v, ${ctx.walker("contains")}, ${typeof min === "number" ? min : 1}, ${typeof max === "number" ? max : code`undefined`}, ${ctx.ev ?? code`undefined`});`,
    ];
  },
});

/** Read by `contains`; without it, nothing to check. */
export const minContains = defineKeyword({ keyword: "minContains", walk: () => [] });
export const maxContains = defineKeyword({ keyword: "maxContains", walk: () => [] });
