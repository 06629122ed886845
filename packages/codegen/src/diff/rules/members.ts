import type { Json, TypeNode } from "../../model/types.js";
import { canonicalJson } from "../canonical.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";

/**
 * A node as the set of alternatives it accepts: unions flattened, `enum`/`const` split into
 * literal values, `null` on its own. A union is then compared by what it holds, not by how it is
 * spelled: `["string", "null"]`, `anyOf [string, null]` and a reordered `enum` are the same sets.
 */
type Member =
  | { readonly tag: "null" }
  | { readonly tag: "literal"; readonly key: string; readonly value: Json }
  | { readonly tag: "ref"; readonly node: Extract<TypeNode, { kind: "ref" }> }
  | { readonly tag: "type"; readonly group: Group; readonly node: TypeNode };

/** `composite`: an intersection, `not` or `if` member, compared with the other side's by composite.ts. */
type Group = "string" | "number" | "boolean" | "object" | "array" | "unknown" | "composite";

export function flatten(node: TypeNode): Member[] {
  switch (node.kind) {
    case "union":
      return node.members.flatMap(flatten);
    case "enum":
      return node.values.map(literal);
    case "const":
      return [literal(node.value)];
    case "null":
      return [{ tag: "null" }];
    case "ref":
      return [{ tag: "ref", node }];
    case "integer":
      return [{ tag: "type", group: "number", node }];
    case "never":
      return [];
    case "intersection":
    case "not":
    case "conditional":
      return [{ tag: "type", group: "composite", node }];
    default:
      return [{ tag: "type", group: node.kind, node }];
  }
}

function literal(value: Json): Member {
  return value === null ? { tag: "null" } : { tag: "literal", key: canonicalJson(value), value };
}

function groupOf(value: Json): Group {
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : (typeof value as "string" | "number" | "boolean");
}

/** Refs the other side does not name are replaced by what they point at, once per definition. */
function derefUnmatched(members: Member[], otherNames: ReadonlySet<string>, resolve: DiffContext["resolveOld"]): Member[] | undefined {
  const out: Member[] = [];
  for (const m of members) {
    if (m.tag !== "ref" || otherNames.has(m.node.target.name)) {
      out.push(m);
      continue;
    }
    const target = resolve(m.node.target);
    if (!target) return undefined;
    out.push(...flatten(target));
  }
  return out;
}

const refNames = (members: readonly Member[]) => new Set(members.flatMap((m) => (m.tag === "ref" ? [m.node.target.name] : [])));

/**
 * The sets of two nodes compared alternative by alternative: `null`, literal values, and per JSON
 * type the schemas that accept it (compared with the matching rules).
 */
export function members(before: TypeNode, after: TypeNode, ctx: DiffContext): Found[] {
  const pointer = after.pointer;
  let a = flatten(before);
  let b = flatten(after);
  // Twice, as a definition's target may itself be a union holding refs; recursion stops there.
  for (let i = 0; i < 2; i++) {
    const [namesA, namesB] = [refNames(a), refNames(b)];
    const nextA = derefUnmatched(a, namesB, ctx.resolveOld);
    const nextB = derefUnmatched(b, namesA, ctx.resolveNew);
    if (!nextA || !nextB) break;
    [a, b] = [nextA, nextB];
  }
  const out: Found[] = [];
  const hasNull = (ms: Member[]) => ms.some((m) => m.tag === "null");
  if (hasNull(a) !== hasNull(b)) {
    out.push(found(ctx, { pointer, change: hasNull(b) ? "null added" : "null removed", effect: hasNull(b) ? "widened" : "narrowed" }));
  }
  const anyA = a.some((m) => m.tag === "type" && m.group === "unknown");
  const anyB = b.some((m) => m.tag === "type" && m.group === "unknown");
  if (anyA || anyB) {
    if (anyA !== anyB) out.push(found(ctx, { pointer, change: anyB ? "any value accepted" : "no longer any value", effect: anyB ? "widened" : "narrowed" }));
    return out;
  }
  const disjoint = disjointTypes(a, b, pointer, ctx);
  if (disjoint) return [...out, disjoint];
  out.push(...literals(a, b, pointer, ctx));
  out.push(...refs(a, b, pointer, ctx));
  const groups = new Set<Group>([...typed(a).keys(), ...typed(b).keys()]);
  for (const group of [...groups].sort()) {
    const ga = typed(a).get(group) ?? [];
    const gb = typed(b).get(group) ?? [];
    const what = group === "composite" ? "allOf/not/if member" : `type ${group}`;
    if (ga.length === 0) out.push(found(ctx, { pointer, change: `${what} added`, effect: "widened" }));
    else if (gb.length === 0) out.push(found(ctx, { pointer, change: `${what} removed`, effect: "narrowed" }));
    else out.push(...pair(ga, gb, pointer, ctx));
  }
  return out;
}

/** No JSON type or literal in common (boolean → string): one change, not a removal and an addition. */
function disjointTypes(a: readonly Member[], b: readonly Member[], pointer: string, ctx: DiffContext): Found | undefined {
  const kinds = (ms: readonly Member[]) => new Set(ms.flatMap((m) => (m.tag === "type" ? [m.group] : m.tag === "literal" ? [groupOf(m.value)] : [])));
  const [ka, kb] = [kinds(a), kinds(b)];
  // A composite member may accept values of any type: never disjoint from the other side.
  if (ka.has("composite") || kb.has("composite")) return undefined;
  if (ka.size === 0 || kb.size === 0 || [...ka].some((k) => kb.has(k))) return undefined;
  return found(ctx, {
    pointer,
    change: `type ${[...ka].sort().join(" | ")} → ${[...kb].sort().join(" | ")}`,
    effect: "breaking",
    reason: "the old and the new schema share no value",
  });
}

function typed(ms: readonly Member[]): Map<Group, TypeNode[]> {
  const out = new Map<Group, TypeNode[]>();
  for (const m of ms) if (m.tag === "type") out.set(m.group, [...(out.get(m.group) ?? []), m.node]);
  return out;
}

/** Literal values (`enum`, `const`) added or removed, unless a whole type on the other side covers them. */
export function literals(a: readonly Member[], b: readonly Member[], pointer: string, ctx: DiffContext): Found[] {
  const lits = (ms: readonly Member[]) => new Map(ms.flatMap((m) => (m.tag === "literal" ? [[m.key, m.value] as const] : [])));
  const [la, lb] = [lits(a), lits(b)];
  const [ta, tb] = [typed(a), typed(b)];
  const out: Found[] = [];
  for (const [key, value] of la) {
    if (!lb.has(key) && !tb.has(groupOf(value))) out.push(found(ctx, { pointer, change: `enum value ${key} removed`, effect: "narrowed" }));
  }
  for (const [key, value] of lb) {
    if (!la.has(key) && !ta.has(groupOf(value))) out.push(found(ctx, { pointer, change: `enum value ${key} added`, effect: "widened" }));
  }
  return out;
}

/** Refs left after dereferencing name the same definition on both sides (compared on its own). */
function refs(a: readonly Member[], b: readonly Member[], pointer: string, ctx: DiffContext): Found[] {
  const [na, nb] = [refNames(a), refNames(b)];
  const out: Found[] = [];
  for (const name of na)
    if (!nb.has(name))
      out.push(
        found(ctx, {
          pointer,
          change: `reference to ${name} removed`,
          effect: "incomparable",
          reason: `${name} is recursive and could not be compared with what replaced it`,
        }),
      );
  for (const name of nb)
    if (!na.has(name))
      out.push(
        found(ctx, {
          pointer,
          change: `reference to ${name} added`,
          effect: "incomparable",
          reason: `${name} is recursive and could not be compared with what it replaced`,
        }),
      );
  return out;
}

/**
 * Alternatives of one JSON type on both sides: one each is compared directly; several are first
 * paired where they are equal (a reordered `oneOf`), then in order; extra ones grow or shrink the set.
 */
function pair(a: readonly TypeNode[], b: readonly TypeNode[], pointer: string, ctx: DiffContext): Found[] {
  if (a.length === 1 && b.length === 1) return ctx.compare(a[0]!, b[0]!, ctx);
  const restA = [...a];
  const restB = [...b];
  const out: Found[] = [];
  for (const x of a) {
    const i = restB.findIndex((y) => ctx.compare(x, y, ctx).every((f) => f.effect === "annotation"));
    if (i < 0) continue;
    out.push(...ctx.compare(x, restB[i]!, ctx));
    restA.splice(restA.indexOf(x), 1);
    restB.splice(i, 1);
  }
  const n = Math.min(restA.length, restB.length);
  for (let i = 0; i < n; i++) out.push(...ctx.compare(restA[i]!, restB[i]!, ctx));
  for (const x of restA.slice(n)) out.push(found(ctx, { pointer: x.pointer, change: "union member removed", effect: "narrowed" }));
  for (const y of restB.slice(n)) out.push(found(ctx, { pointer: y.pointer, change: "union member added", effect: "widened" }));
  return out;
}
