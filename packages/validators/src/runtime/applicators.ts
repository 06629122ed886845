/**
 * Helpers of the generated error walkers for the applicators whose subschemas may fail without
 * the node failing (`not`, `if`, `contains`, `propertyNames`, tagged unions) and for the
 * evaluation record `unevaluatedProperties`/`unevaluatedItems` read. Each keyword's own walker
 * statements and messages live next to it in @contracts/codegen (emit/validators/keywords/);
 * these are the loops they share.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11 (unevaluated locations)
 */
import { evaluated, markItem, mergeEvaluated, type Evaluated } from "./evaluated.js";
import { fail, keysOf, MAX_ERRORS, type Issue, type Segment, type Walker } from "./issues.js";

/**
 * Whether `walker` accepts `v`, its errors discarded; what it evaluated is added to `ev` only
 * when it passes (annotations of a failed subschema are dropped).
 */
export function passes(walker: Walker, v: unknown, path: Segment[], ev: Evaluated | undefined): boolean {
  const found: Issue[] = [];
  const own = ev === undefined ? undefined : evaluated();
  walker(v, path, found, own);
  if (found.length > 0) return false;
  if (own !== undefined) mergeEvaluated(ev, own);
  return true;
}

/** contains, minContains (default 1), maxContains: the matching items are the evaluated ones. */
export function contains(
  out: Issue[],
  path: Segment[],
  v: readonly unknown[],
  walker: Walker,
  min: number,
  max: number | undefined,
  ev: Evaluated | undefined,
): void {
  let matches = 0;
  for (let i = 0; i < v.length; i++) {
    path.push(i);
    const ok = passes(walker, v[i], path, undefined);
    path.pop();
    if (ok) {
      matches++;
      markItem(ev, i);
    }
  }
  if (matches < min) fail(out, path, "contains", `must contain at least ${min} matching item${min === 1 ? "" : "s"}, but contains ${matches}`, v);
  else if (max !== undefined && matches > max)
    fail(out, path, "maxContains", `must contain at most ${max} matching item${max === 1 ? "" : "s"}, but contains ${matches}`, v);
}

/** propertyNames: each own name, walked as a string value; errors sit at the object and name the property. */
export function propertyNames(out: Issue[], path: Segment[], v: object, walker: Walker): void {
  for (const key of keysOf(out, path, v, false)) {
    const found: Issue[] = [];
    walker(key, path, found);
    const first = found[0];
    if (first !== undefined && out.length < MAX_ERRORS)
      out.push({
        path: path.slice(),
        keyword: "propertyNames",
        message: `property name ${JSON.stringify(key)} is invalid: ${first.message.replace(/^value /, "it ")}`,
      });
  }
}

/**
 * A `oneOf`/`anyOf` whose branches all require one property with a distinct `const` (a tagged,
 * or discriminated, union): the tag picks the branch, and only that branch's errors are reported.
 * Returns false when the value carries no known tag; the caller then reports as for any union.
 */
export function tagged(out: Issue[], path: Segment[], v: unknown, tag: string, cases: ReadonlyMap<unknown, Walker>, ev: Evaluated | undefined): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v) || !Object.hasOwn(v, tag)) return false;
  const branch = cases.get((v as Record<string, unknown>)[tag]);
  if (branch === undefined) return false;
  if (ev === undefined) branch(v, path, out);
  else {
    const own = evaluated();
    const before = out.length;
    branch(v, path, out, own);
    if (out.length === before) mergeEvaluated(ev, own);
  }
  return true;
}

/** Deep equality of JSON data, as `const`, `enum` and `uniqueItems` compare (1 equals 1.0; key order does not count). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
