import type { Json } from "../../../model/types.js";
import { code, type Code } from "../code.js";
import { typeOnly } from "../schema.js";
import type { KeywordContext } from "./keyword.js";
import { typeTest } from "./type.js";

/** The call of an in-place subschema's walker on the node's own value, passing the evaluation record. */
export function inPlace(walker: Code, ctx: KeywordContext): Code {
  return ctx.ev === undefined ? code`${walker}(v, path, out)` : code`${walker}(v, path, out, ${ctx.ev})`;
}

/**
 * The walk of one child (`schema`, at `key`): its key pushed on the shared path for the call and
 * popped after, so no array is built per child visited (an issue copies the path only when it is
 * recorded). A child that says only its type reports nothing when the type holds, so its walker is
 * called (and the path grown) only when it does not: most children of a wrong value are right.
 */
export function atChild(key: Code, walker: Code, value: Code, schema: Json | undefined): Code {
  const only = typeOnly(schema);
  if (only === undefined) return code`{ path.push(${key}); ${walker}(${value}, path, out); path.pop(); }`;
  return code`{ const c = ${value}; if (!(${typeTest(only, code`c`)})) { path.push(${key}); ${walker}(c, path, out); path.pop(); } }`;
}

/** `rt.<mark>(ev, …);` when the project tracks evaluation, nothing otherwise. */
export function mark(ctx: KeywordContext, call: Code): Code[] {
  return ctx.ev === undefined ? [] : [call];
}

/** `1 character`, `2 characters`: how the count keywords' messages say their bound. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
