import type { Annotations } from "../../model/types.js";
import { canonicalJson } from "../canonical.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";

/** Annotations that change generated comments, docs or fixtures, but no accepted value. */
const FIELDS = ["title", "description", "deprecated", "examples", "default"] as const;

/**
 * A changed annotation is a patch: docs, JSDoc and fixture cases change, validators do not.
 * (`title` names a definition only where it has no `$defs` key; such renames reach the API
 * manifest, which judges them.)
 */
export function annotations(before: Annotations, after: Annotations, ctx: DiffContext): Found[] {
  const out: Found[] = [];
  for (const field of FIELDS) {
    if (canonicalJson(before[field]) !== canonicalJson(after[field])) {
      const verb = before[field] === undefined ? "added" : after[field] === undefined ? "removed" : "changed";
      out.push(found(ctx, { pointer: after.pointer, change: `${field} ${verb}`, effect: "annotation", reason: "an annotation: no accepted value changes" }));
    }
  }
  return out;
}
