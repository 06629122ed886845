import { createHash } from "node:crypto";
import type { EntityRunner, RunInput } from "../core/runner.js";
import type { EntityOutcome, EntityResults } from "../emit/emitter.js";
import { compareCodeUnits } from "../errors.js";
import type { Entity, Model } from "../model/types.js";
import { reachableEntities } from "../model/walk.js";
import type { CacheStore } from "./cache-store.js";
import { phase } from "./timings.js";

/** A runner that takes what it can from a cache; see `cachedRunner`. */
export interface CachedRunner extends EntityRunner {
  /** Entities whose steps the inner runner ran this run (the rest came from the cache). */
  readonly emitted: number;
}

/**
 * Decorates `inner` with a cache of per-entity results keyed by `entityKey`, and of each
 * emitter's aggregate files keyed by every entity key and the package versions (aggregates read
 * the model and the parts, which the entity keys cover, and `model.packages`). Only misses reach `inner`; an entity with problems is not cached.
 * Made once per run: it keeps the run's keys.
 */
export function cachedRunner(inner: EntityRunner, store: CacheStore, fingerprint: string): CachedRunner {
  let keys: { model: Model; byName: Map<string, string> } | undefined;
  const keysOf = (model: Model) => {
    if (keys?.model !== model) keys = { model, byName: new Map(model.entities.map((e) => [e.name, entityKey(e, model, fingerprint)])) };
    return keys.byName;
  };
  let emitted = 0;
  return {
    get emitted() {
      return emitted;
    },
    async entities(run, names) {
      const byName = keysOf(run.model);
      const out = new Map<string, EntityOutcome>();
      for (const name of names) {
        const key = byName.get(name);
        const cached = key === undefined ? undefined : await store.read(key);
        if (cached && run.emitters.every((e) => cached[e.name] !== undefined)) out.set(name, { results: cached, problems: [] });
      }
      const misses = names.filter((name) => !out.has(name));
      phase(`cache read: ${misses.length} to emit`);
      emitted += misses.length;
      const computed = misses.length === 0 ? new Map<string, EntityOutcome>() : await inner.entities(run, misses);
      for (const name of misses) {
        const outcome = computed.get(name);
        const key = byName.get(name);
        if (outcome && key !== undefined && outcome.problems.length === 0) await store.write(key, outcome.results);
        if (outcome) out.set(name, outcome);
      }
      phase("cache written");
      return out;
    },
    async aggregate(run: RunInput, emitter, parts) {
      const key = aggregateKey(emitter.name, [...keysOf(run.model).values(), JSON.stringify(run.model.packages ?? {})]);
      const cached = (await store.read(key))?.[emitter.name];
      if (cached) return new Map(cached.files);
      const files = await inner.aggregate(run, emitter, parts);
      const value: EntityResults = { [emitter.name]: { files: [...files] } };
      await store.write(key, value);
      return files;
    },
  };
}

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

function aggregateKey(emitter: string, entityKeys: readonly string[]): string {
  return createHash("sha256")
    .update(`aggregate\0${emitter}\0${entityKeys.join("\0")}`)
    .digest("hex");
}
