import { code, join, type Code } from "../code.js";
import type { Json } from "../../../model/types.js";
import { isSchemaObject, requiredNames, types } from "../schema.js";
import { constantName } from "../names.js";
import { joinPointer } from "../../../load/pointer.js";
import type { KeywordContext } from "./keyword.js";
import { typeTest } from "./type.js";

/**
 * The branches as rt.anyOf / rt.oneOf take them: a branch whose `type` rejects the value is its
 * expected type's words ("null"), tested inline, so the noise of a nullable union costs no walk
 * and no message; any other branch is its walker. (A branch walker checks `type` first too, so
 * the outcome is the same.)
 */
export function branches(list: readonly Json[], ctx: KeywordContext, keyword: "anyOf" | "oneOf"): Code {
  return join(
    list.map((b, i) => {
      const walker = ctx.walker(keyword, i);
      const only = isSchemaObject(b) && !("$ref" in b) ? types(b) : [];
      return only.length === 0 ? walker : code`(${typeTest(only)}) ? ${walker} : ${only.join(" or ")}`;
    }),
    ", ",
  );
}

type Tag = string | number | boolean;

/**
 * The property that tags every branch, if there is one: each branch (or the definition its `$ref`
 * names) requires it and gives it a `const`, and no two branches share a value. Such a union is
 * discriminated: the tag alone picks the branch.
 */
export function discriminator(list: readonly Json[], ctx: KeywordContext, keyword: string): { tag: string; values: Tag[] } | undefined {
  if (list.length < 2) return undefined;
  const nodes = list.map((_, i) => ctx.resolved(keyword, i));
  const first = nodes[0];
  if (!isSchemaObject(first) || !isSchemaObject(first["properties"])) return undefined;
  for (const tag of Object.keys(first["properties"])) {
    const values: Tag[] = [];
    for (const node of nodes) {
      const prop = isSchemaObject(node) && isSchemaObject(node["properties"]) ? node["properties"][tag] : undefined;
      const value = isSchemaObject(prop) ? prop["const"] : undefined;
      if (
        !isSchemaObject(node) ||
        !requiredNames(node).includes(tag) ||
        !(typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      )
        break;
      if (values.includes(value)) break;
      values.push(value);
    }
    if (values.length === nodes.length) return { tag, values };
  }
  return undefined;
}

/**
 * anyOf / oneOf: a branch matches when its walker finds nothing; otherwise the closest branch's
 * errors are reported (rt.anyOf), not every branch's noise. A discriminated union reports the
 * errors of the branch its tag names, only (rt.tagged, with a module-level map of tag → walker).
 */
export function unionWalk(keyword: "anyOf" | "oneOf", value: Json, ctx: KeywordContext): Code[] {
  if (!Array.isArray(value)) return [];
  const ev = ctx.ev === undefined ? [] : [ctx.ev];
  const call =
    keyword === "anyOf"
      ? code`rt.anyOf(out, path, v, "anyOf", [${branches(value, ctx, keyword)}]${ev.map((e) => code`, ${e}`)});`
      : code`rt.oneOf(out, path, v, [${branches(value, ctx, keyword)}]${ev.map((e) => code`, ${e}`)});`;
  const tagged = discriminator(value, ctx, keyword);
  if (tagged === undefined) return [call];
  const cases = constantName("tags", joinPointer(ctx.pointer, keyword));
  const entries = join(
    tagged.values.map((t, i) => code`[${t}, ${ctx.walker(keyword, i)}]`),
    ", ",
  );
  ctx.constant(cases, code`new Map<unknown, rt.Walker>([${entries}])`);
  return [code`if (!rt.tagged(out, path, v, ${tagged.tag}, ${cases}, ${ctx.ev ?? code`undefined`})) ${call}`];
}
