import { joinPointer } from "../../../load/pointer.js";
import { code, join, type Code } from "../code.js";
import { walkerName } from "../names.js";
import { isSchemaObject, types } from "../schema.js";
import type { KeywordGroup, NodeContext } from "./context.js";
import { typeTest } from "./scalar.js";

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1 */
export const refKeyword: KeywordGroup = (s, ctx) => (typeof s["$ref"] === "string" ? [code`${ctx.refTarget(s["$ref"])}(v, path, out);`] : []);

/**
 * The branches as rt.anyOf / rt.oneOf take them: a branch whose `type` rejects the value is its
 * expected type's words ("null"), tested inline, so the noise of a nullable union costs no walk
 * and no message; any other branch is its walker. (A branch walker checks `type` first too, so
 * the outcome is the same.)
 */
function branches(s: Parameters<KeywordGroup>[0], ctx: NodeContext, keyword: "anyOf" | "oneOf"): Code {
  const list = s[keyword] as readonly unknown[];
  return join(
    list.map((b, i) => {
      const walker = walkerName(joinPointer(ctx.pointer, keyword, i));
      const only = isSchemaObject(b as never) && !("$ref" in (b as object)) ? types(b as never) : [];
      return only.length === 0 ? walker : code`(${typeTest(only)}) ? ${walker} : ${only.join(" or ")}`;
    }),
    ", ",
  );
}

/**
 * anyOf / oneOf: a branch matches when its walker finds nothing; otherwise the closest branch's
 * errors are reported (rt.anyOf), not every branch's noise.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.2
 */
export const anyOfKeyword: KeywordGroup = (s, ctx) =>
  Array.isArray(s["anyOf"]) ? [code`rt.anyOf(out, path, v, "anyOf", [${branches(s, ctx, "anyOf")}]);`] : [];

/** @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3 */
export const oneOfKeyword: KeywordGroup = (s, ctx) => (Array.isArray(s["oneOf"]) ? [code`rt.oneOf(out, path, v, [${branches(s, ctx, "oneOf")}]);`] : []);
