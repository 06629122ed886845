import { code, type Code } from "../code.js";
import type { Json } from "../../../model/types.js";
import type { KeywordContext } from "./keyword.js";

/** The statement of a numeric bound: `if (<fails>) rt.fail(out, path, <keyword>, "must be <words> <n>", v);`. */
export function bound(keyword: string, fails: (n: number) => Code, words: string): (value: Json, ctx: KeywordContext) => Code[] {
  return (n) => (typeof n === "number" ? [code`if (${fails(n)}) rt.fail(out, path, ${keyword}, ${`must be ${words} ${n}`}, v);`] : []);
}
