import { joinPointer } from "../../../load/pointer.js";
import { code, join } from "../code.js";
import { walkerName } from "../names.js";
import type { KeywordGroup } from "./context.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1 */
export const refKeyword: KeywordGroup = (s, ctx) => (typeof s["$ref"] === "string" ? [code`${ctx.refTarget(s["$ref"])}(v, path, out);`] : []);

/**
 * anyOf / oneOf: a branch matches when its walker finds nothing; otherwise the closest branch's
 * errors are reported (rt.anyOf), not every branch's noise.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.2
 */
export const anyOfKeyword: KeywordGroup = (s, ctx) => {
  const branches = s["anyOf"];
  if (!Array.isArray(branches)) return [];
  const walkers = join(
    branches.map((_, i) => walkerName(joinPointer(ctx.pointer, "anyOf", i))),
    ", ",
  );
  return [code`rt.anyOf(out, path, v, "anyOf", [${walkers}]);`];
};

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3 */
export const oneOfKeyword: KeywordGroup = (s, ctx) => {
  const branches = s["oneOf"];
  if (!Array.isArray(branches)) return [];
  const walkers = join(
    branches.map((_, i) => walkerName(joinPointer(ctx.pointer, "oneOf", i))),
    ", ",
  );
  return [code`rt.oneOf(out, path, v, [${walkers}]);`];
};
