import { joinPointer } from "../../load/pointer.js";
import type { ObjectNode, PropertyNode } from "../../model/types.js";
import type { DiffContext, Found } from "../context.js";
import { found } from "../context.js";
import type { Side } from "../types.js";

/** The sides a property is on: `readOnly` ones are only sent by the server, `writeOnly` ones only by clients. */
export function propertySides(property: PropertyNode, parent: readonly Side[]): Side[] {
  const own: readonly Side[] = property.type.readOnly ? ["read"] : property.type.writeOnly ? ["write"] : ["read", "write"];
  return parent.filter((side) => own.includes(side));
}

/**
 * A property removed breaks both its readers (the field is gone) and its writers (a closed object
 * now refuses it). An optional one added is minor: no existing value or consumer becomes invalid.
 * A required one added is major: every value written before lacks it.
 */
export function properties(before: ObjectNode, after: ObjectNode, ctx: DiffContext): Found[] {
  const out: Found[] = [];
  const oldByName = new Map(before.properties.map((p) => [p.name, p]));
  const newByName = new Map(after.properties.map((p) => [p.name, p]));
  for (const old of before.properties) {
    if (newByName.has(old.name)) continue;
    const sides = propertySides(old, ctx.sides);
    if (sides.length > 0)
      out.push({
        pointer: joinPointer(before.pointer, "properties", old.name),
        change: `property "${old.name}" removed`,
        effect: "breaking",
        reason: "readers lose the field, and a closed object refuses it from writers",
        sides,
      });
  }
  for (const added of after.properties) {
    const old = oldByName.get(added.name);
    const pointer = joinPointer(after.pointer, "properties", added.name);
    const sides = propertySides(added, ctx.sides);
    if (!old) {
      if (sides.length === 0) continue;
      out.push(
        added.required
          ? {
              pointer,
              change: `required property "${added.name}" added`,
              effect: "breaking",
              reason: "every value written before lacks it: writers must now send it, stored and mocked values fail",
              sides,
            }
          : {
              pointer,
              change: `optional property "${added.name}" added`,
              effect: "additive",
              reason: "optional: every existing value stays valid, and readers that do not know it ignore it",
              sides,
            },
      );
      continue;
    }
    out.push(...propertyChanges(old, added, pointer, ctx));
  }
  return out;
}

/** One property present on both sides: its sides, its requiredness, its schema. */
function propertyChanges(old: PropertyNode, added: PropertyNode, pointer: string, ctx: DiffContext): Found[] {
  const out: Found[] = [];
  const oldSides = propertySides(old, ctx.sides);
  const newSides = propertySides(added, ctx.sides);
  for (const side of oldSides.filter((s) => !newSides.includes(s))) {
    out.push({
      pointer,
      change: `property "${added.name}" no longer on the ${side} side (${side === "read" ? "now writeOnly" : "now readOnly"})`,
      effect: "breaking",
      reason: side === "read" ? "readers no longer receive it" : "clients can no longer send it",
      sides: [side],
    });
  }
  for (const side of newSides.filter((s) => !oldSides.includes(s))) {
    out.push(
      added.required && side === "write"
        ? {
            pointer,
            change: `property "${added.name}" now written by clients (readOnly removed)`,
            effect: "breaking",
            reason: "required: every request written before lacks it",
            sides: [side],
          }
        : {
            pointer,
            change: `property "${added.name}" now on the ${side} side`,
            effect: "additive",
            reason: `the ${side} side gains ${added.required ? "a field" : "an optional field"}`,
            sides: [side],
          },
    );
  }
  const shared = newSides.filter((s) => oldSides.includes(s));
  if (shared.length === 0) return out;
  const inner: DiffContext = { ...ctx, sides: shared };
  if (old.required !== added.required) {
    out.push(
      found(inner, {
        pointer,
        change: `property "${added.name}" ${added.required ? "optional → required" : "required → optional"}`,
        effect: added.required ? "narrowed" : "widened",
      }),
    );
  }
  out.push(...ctx.compare(old.type, added.type, inner));
  return out;
}

/**
 * `additionalProperties`: closing an open object shrinks the set, opening a closed one grows it;
 * an open record's value schema is compared like any subschema.
 */
export function additionalProperties(before: ObjectNode, after: ObjectNode, ctx: DiffContext): Found[] {
  const a = before.additionalProperties;
  const b = after.additionalProperties;
  const pointer = joinPointer(after.pointer, "additionalProperties");
  if (a === false && b === false) return [];
  if (a === false) return [found(ctx, { pointer, change: "object opened (additionalProperties allowed)", effect: "widened" })];
  if (b === false) return [found(ctx, { pointer, change: "object closed (additionalProperties: false)", effect: "narrowed" })];
  return ctx.compare(a, b, ctx);
}

export function objectRules(before: ObjectNode, after: ObjectNode, ctx: DiffContext): Found[] {
  return [...properties(before, after, ctx), ...additionalProperties(before, after, ctx)];
}
