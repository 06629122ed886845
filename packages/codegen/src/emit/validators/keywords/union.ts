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

/** The in-place applicators: their subschemas' errors sit at the node's own depth, type errors among them. */
const IN_PLACE = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef"];

/** The instance types a `type` name covers, for disjointness (`integer` is a `number`). */
const instanceType = (t: string): string => (t === "integer" ? "number" : t);

/**
 * A union whose branches each declare their types, no two sharing one (a nullable object, a
 * string-or-array), dispatched on the type alone: `if (<test>) walker(v, path, out); else if ...
 * else fail`. It says what rt.anyOf / rt.oneOf would say, without their per-call lists: at most
 * one branch can match, and a branch without in-place applicators can have no type error at its
 * own depth once its test passed, so its errors are exactly what those report. Not when the
 * walkers track evaluation (each passing branch's record is merged there).
 */
function byType(keyword: "anyOf" | "oneOf", list: readonly Json[], ctx: KeywordContext): Code | undefined {
  if (ctx.ev !== undefined || list.length === 0) return undefined;
  const seen = new Set<string>();
  const tests: Code[] = [];
  const words: string[] = [];
  for (const [i, b] of list.entries()) {
    if (!isSchemaObject(b) || IN_PLACE.some((k) => k in b)) return undefined;
    const only = types(b);
    if (only.length === 0) return undefined;
    for (const t of new Set(only.map(instanceType))) {
      if (seen.has(t)) return undefined;
      seen.add(t);
    }
    tests.push(code`if (${typeTest(only)}) ${ctx.walker(keyword, i)}(v, path, out);`);
    words.push(only.join(" or "));
  }
  return code`${join(tests, " else ")} else rt.fail(out, path, ${keyword}, ${`must be ${words.join(" or ")}`}, v);`;
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
  if (tagged === undefined) return [byType(keyword, value, ctx) ?? call];
  const cases = constantName("tags", joinPointer(ctx.pointer, keyword));
  const entries = join(
    tagged.values.map((t, i) => code`[${t}, ${ctx.walker(keyword, i)}]`),
    ", ",
  );
  ctx.constant(cases, code`new Map<unknown, rt.Walker>([${entries}])`);
  return [code`if (!rt.tagged(out, path, v, ${tagged.tag}, ${cases}, ${ctx.ev ?? code`undefined`})) ${call}`];
}
