import type { DefinitionRef, Entity, Model, TypeNode } from "../model/types.js";
import { canonicalJson } from "./canonical.js";
import { compareNodes } from "./compare.js";
import type { DiffContext, Found } from "./context.js";
import { BOTH_SIDES, type SidedFinding } from "./types.js";

/** The node a ref names in a model: an entity's root or one of its `$defs`. */
export function resolver(model: Model): (ref: DefinitionRef) => TypeNode | undefined {
  const byFile = new Map(model.entities.map((e) => [e.file, e]));
  return (ref) => {
    const entity = byFile.get(ref.file);
    if (!entity) return undefined;
    return ref.pointer === "" ? entity.root : entity.definitions.find((d) => d.pointer === ref.pointer)?.type;
  };
}

/**
 * Every change between two models of a project, judged per side. Entities are matched by `$id`
 * (stable by convention), so a new `title` is a rename; definitions by name (project-unique).
 * Each entity root and each definition is compared once, on both sides, and a ref to the same
 * definition on both sides is not followed: a definition's change is reported once, where it is.
 */
export function diffModels(withViewsBefore: Model, withViewsAfter: Model): SidedFinding[] {
  // Views (`XInput`, `XPatch`) are derived from their entity: a change is judged once, on it, per
  // side (a readOnly property is on the read side only), not again on each view.
  const before = withoutViews(withViewsBefore);
  const after = withoutViews(withViewsAfter);
  const ctx: DiffContext = { sides: BOTH_SIDES, resolveOld: resolver(before), resolveNew: resolver(after), visiting: new Set(), compare: compareNodes };
  const out: SidedFinding[] = [];
  const oldById = new Map(before.entities.map((e) => [e.id, e]));
  const newIds = new Set(after.entities.map((e) => e.id));
  for (const old of before.entities) {
    if (!newIds.has(old.id))
      out.push({
        entity: old.name,
        pointer: "",
        change: `entity ${old.name} removed`,
        effect: "breaking",
        reason: "its types, validators and components are gone",
        sides: BOTH_SIDES,
      });
  }
  for (const entity of after.entities) {
    const old = oldById.get(entity.id);
    if (!old) {
      out.push({
        entity: entity.name,
        pointer: "",
        change: `entity ${entity.name} added`,
        effect: "additive",
        reason: "a new entity: nothing existing refers to it",
        sides: BOTH_SIDES,
      });
      continue;
    }
    out.push(...entityChanges(old, entity, ctx).map((f) => ({ ...f, entity: entity.name })));
  }
  out.push(...definitionChanges(before, after, ctx));
  // Same sets, same annotations, yet other JSON (a reordered enum or union, a ref spelled
  // another way): the generated files may still change (a union's order), so it is a patch.
  const changed = new Set(out.map((f) => f.entity));
  for (const entity of after.entities) {
    const old = oldById.get(entity.id);
    if (old && !changed.has(entity.name) && canonicalJson(old.schema) !== canonicalJson(entity.schema)) {
      out.push({
        entity: entity.name,
        pointer: "",
        change: "schema rewritten with the same meaning",
        effect: "annotation",
        reason: "every accepted value set is unchanged",
        sides: BOTH_SIDES,
      });
    }
  }
  return out;
}

function entityChanges(old: Entity, entity: Entity, ctx: DiffContext): Found[] {
  const out: Found[] = [];
  if (old.name !== entity.name) {
    out.push({
      pointer: "/title",
      change: `entity renamed ${old.name} → ${entity.name}`,
      effect: "breaking",
      reason: `every exported name derived from ${old.name} changes`,
      sides: BOTH_SIDES,
    });
  }
  if (canonicalJson(old.docs) !== canonicalJson(entity.docs)) {
    out.push({ pointer: "/x-docs", change: "x-docs changed", effect: "annotation", reason: "docs placement only", sides: BOTH_SIDES });
  }
  out.push(...compareNodes(old.root, entity.root, ctx));
  return out;
}

/** `$defs` entries by name: changed ones compared; added and removed ones are exports (see the API manifest). */
function definitionChanges(before: Model, after: Model, ctx: DiffContext): SidedFinding[] {
  const defs = (model: Model) => new Map(model.entities.flatMap((e) => e.definitions.map((d) => [d.name, { entity: e, def: d }] as const)));
  const [a, b] = [defs(before), defs(after)];
  const out: SidedFinding[] = [];
  for (const [name, { entity, def }] of b) {
    const old = a.get(name);
    if (old) out.push(...compareNodes(old.def.type, def.type, ctx).map((f) => ({ ...f, entity: entity.name })));
    else
      out.push({
        entity: entity.name,
        pointer: def.pointer,
        change: `definition ${name} added`,
        effect: "additive",
        reason: "a new exported type",
        sides: BOTH_SIDES,
      });
  }
  for (const [name, { entity, def }] of a) {
    if (!b.has(name))
      out.push({
        entity: entity.name,
        pointer: def.pointer,
        change: `definition ${name} removed`,
        effect: "breaking",
        reason: "its exported type, validator and component are gone",
        sides: BOTH_SIDES,
      });
  }
  return out;
}

function withoutViews(model: Model): Model {
  return { ...model, entities: model.entities.filter((e) => !e.view) };
}
