import { code } from "../code.js";
import { defineKeyword } from "./keyword.js";
import { inPlace } from "./shared.js";

/**
 * if / then / else: `if` decides (its errors are never reported), then the branch it picks applies
 * in place. `then` or `else` without `if` does nothing.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2.1
 */
export const ifKeyword = defineKeyword({
  keyword: "if",
  walk: (_, ctx) => {
    const test = code`rt.passes(${ctx.walker("if")}, v, path, ${ctx.ev ?? code`undefined`})`;
    const then = "then" in ctx.node ? inPlace(ctx.walker("then"), ctx) : undefined;
    const otherwise = "else" in ctx.node ? inPlace(ctx.walker("else"), ctx) : undefined;
    if (then !== undefined && otherwise !== undefined) return [code`if (${test}) ${then}; else ${otherwise};`];
    if (then !== undefined) return [code`if (${test}) ${then};`];
    if (otherwise !== undefined) return [code`if (!${test}) ${otherwise};`];
    // `if` alone asserts nothing, but what it evaluates still counts when it passes.
    return ctx.ev === undefined ? [] : [code`${test};`];
  },
});

export const thenKeyword = defineKeyword({ keyword: "then", walk: () => [] });
export const elseKeyword = defineKeyword({ keyword: "else", walk: () => [] });
