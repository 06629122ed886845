import { compareCodeUnits, InternalError } from "../../errors.js";
import { getAtPointer } from "../../load/pointer.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { resolveRef } from "../../schema/refs.js";
import { schemaIndex } from "../../model/walk.js";

/**
 * Component names must match this pattern in both OpenAPI versions.
 * @see https://spec.openapis.org/oas/v3.1.1.html#fixed-fields-5
 */
const COMPONENT_NAME = /^[a-zA-Z0-9._-]+$/;

/** One schema that becomes a `components/schemas` entry: an entity root or a `$defs` entry. */
export interface Component {
  readonly name: string;
  readonly entity: Entity;
  /** `""` for the entity itself, `/$defs/<key>` for a definition. */
  readonly pointer: string;
  readonly schema: Json;
}

export interface Components {
  /** In output order: by name. */
  readonly list: readonly Component[];
  /** `#/components/schemas/<name>` for a `$ref` written in `file`, in the node at `at`. */
  refFor(file: string, ref: string, at: string): string;
  /** The component a `$ref` written in `file`, in the node at `at`, points at. */
  targetOf(file: string, ref: string, at: string): Component;
}

/**
 * Every entity and every `$defs` entry becomes a named component, so that `$ref`s (within a file,
 * to `#`, or across files) all become `#/components/schemas/<name>`: an OpenAPI document is one
 * resource, and leaving `$id` in place would make `#/...` resolve inside the schema instead.
 */
export function collectComponents(model: Model): Components {
  const all: Component[] = [];
  for (const entity of model.entities) {
    all.push({ name: entity.name, entity, pointer: "", schema: entity.schema });
    for (const def of entity.definitions) {
      all.push({ name: def.name, entity, pointer: def.pointer, schema: getAtPointer(entity.schema, def.pointer) as Json });
    }
  }
  // Validation guarantees names are unique identifiers across the project (checkUniqueDefinitionNames),
  // which are also valid component names; a breach here is our bug, not the user's.
  const byName = new Map<string, Component>();
  for (const c of all) {
    if (!COMPONENT_NAME.test(c.name)) throw new InternalError(`${c.entity.file}#${c.pointer}: "${c.name}" reached the openapi emitter as a component name`);
    const first = byName.get(c.name);
    if (first) throw new InternalError(`component name "${c.name}" is declared by ${first.entity.file}#${first.pointer} and ${c.entity.file}#${c.pointer}`);
    byName.set(c.name, c);
  }
  const byPlace = new Map(all.map((c) => [`${c.entity.file}#${c.pointer}`, c]));
  const index = schemaIndex(model);
  const targetOf = (file: string, ref: string, at: string): Component => {
    const resolved = resolveRef(file, ref, index, at);
    const component = resolved.ok ? byPlace.get(`${resolved.target.file}#${resolved.target.pointer}`) : undefined;
    // Validation guarantees every $ref resolves to a root or a $defs entry.
    if (component === undefined) throw new InternalError(`${file}: $ref ${ref} names no component`);
    return component;
  };
  return {
    list: [...byName.values()].sort((a, b) => compareCodeUnits(a.name, b.name)),
    refFor: (file, ref, at) => `#/components/schemas/${targetOf(file, ref, at).name}`,
    targetOf,
  };
}
