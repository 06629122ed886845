import { code, type Code } from "../code.js";
import type { KeywordContext } from "./keyword.js";

/** The call of an in-place subschema's walker on the node's own value, passing the evaluation record. */
export function inPlace(walker: Code, ctx: KeywordContext): Code {
  return ctx.ev === undefined ? code`${walker}(v, path, out)` : code`${walker}(v, path, out, ${ctx.ev})`;
}

/**
 * The walk of one child: its key pushed on the shared path for the call and popped after, so no
 * array is built per property visited (an issue copies the path only when it is recorded).
 */
export function atChild(key: Code, walker: Code, value: Code): Code {
  return code`{ path.push(${key}); ${walker}(${value}, path, out); path.pop(); }`;
}

/** `rt.<mark>(ev, …);` when the project tracks evaluation, nothing otherwise. */
export function mark(ctx: KeywordContext, call: Code): Code[] {
  return ctx.ev === undefined ? [] : [call];
}
