import { code, join, type Code } from "../code.js";
import { requiredNames } from "../schema.js";
import { defineKeyword } from "./keyword.js";

/**
 * Required properties must be the object's own. The walker tests them with `in`, as TypeBox
 * checks `required` (fast: an inline cache per key); rt.inherited then reports the inherited ones,
 * which rt.ownProperties rejects in the check: on another prototype, on a polluted
 * Object.prototype, or for a name every object inherits (`toString`). Errors sit at the object.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.3
 */
export const required = defineKeyword({
  keyword: "required",
  applies: "object",
  check: {
    refine: (_, node, use) => {
      const names = requiredNames(node);
      return names.length === 0
        ? undefined
        : use(
            code`rt.ownProperties([${join(
              names.map((k) => code`${k}`),
              ", ",
            )}])`,
          );
    },
  },
  walk: (_, ctx) => {
    const names = requiredNames(ctx.node);
    const body: Code[] = names.map((key) => code`if (!(${key} in v)) rt.missing(out, path, ${key});`);
    const list = join(
      names.map((k) => code`${k}`),
      ", ",
    );
    if (names.some((k) => k in Object.prototype)) body.push(code`rt.inherited(out, path, v, [${list}]);`);
    else if (names.length > 0) body.push(code`if (!rt.isPlainPrototype(Object.getPrototypeOf(v)) || rt.isPolluted()) rt.inherited(out, path, v, [${list}]);`);
    return body;
  },
});
