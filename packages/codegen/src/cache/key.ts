import { createHash } from "node:crypto";
import { compareCodeUnits } from "../errors.js";
import type { Entity, Model } from "../model/types.js";
import { entityRefs } from "../model/walk.js";

/**
 * The cache key of an entity: a hash of the codegen's own fingerprint, the entity's schema and
 * every schema it references, directly or through other files. An entity's per-entity outputs
 * depend on nothing else, so equal keys mean equal outputs.
 */
export function entityKey(entity: Entity, model: Model, fingerprint: string): string {
  const byFile = new Map(model.entities.map((e) => [e.file, e]));
  const files = new Set<string>([entity.file]);
  const pending = [entity];
  while (pending.length > 0) {
    const current = pending.pop() as Entity;
    for (const file of referencedFiles(current)) {
      if (files.has(file)) continue;
      files.add(file);
      const target = byFile.get(file);
      if (target) pending.push(target);
    }
  }
  const hash = createHash("sha256").update(fingerprint);
  for (const file of [...files].sort(compareCodeUnits)) {
    hash.update(`\0${file}\0${JSON.stringify(byFile.get(file)?.schema ?? null)}`);
  }
  return hash.digest("hex");
}

/** Files an entity's `$ref`s point into (its own file included when it refers to itself). */
function referencedFiles(entity: Entity): Set<string> {
  return new Set(entityRefs(entity).map((ref) => ref.target.file));
}
