import { createHash } from "node:crypto";
import { compareCodeUnits } from "../errors.js";
import type { Entity, Model } from "../model/types.js";
import { reachableEntities } from "../model/walk.js";

/**
 * The cache key of an entity: a hash of the codegen's own fingerprint, the entity's schema and
 * every schema it references, directly or through other files. An entity's per-entity outputs
 * depend on nothing else, so equal keys mean equal outputs.
 */
export function entityKey(entity: Entity, model: Model, fingerprint: string): string {
  const hash = createHash("sha256").update(fingerprint);
  for (const reached of reachableEntities(model, entity).sort((a, b) => compareCodeUnits(a.file, b.file))) {
    hash.update(`\0${reached.file}\0${JSON.stringify(reached.schema)}`);
  }
  return hash.digest("hex");
}
