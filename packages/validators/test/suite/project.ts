import { emitters, type Entity, type Json, type Model } from "@contracts/codegen";
import { writeProject } from "../scenario/project.js";

/** One schema of the suite, as the entity `Case<n>` of a throw-away project. */
export interface SuiteCase {
  readonly name: string;
  readonly schema: Json;
}

/**
 * The suite's schema as an entity's: a boolean schema becomes the object schema that judges
 * alike (`{}`, `{"not": {}}`), and the entity's name is its `title` (an annotation).
 */
function asEntitySchema(name: string, schema: Json): { readonly [k: string]: Json } {
  if (schema === true) return { title: name };
  if (schema === false) return { title: name, not: {} };
  return { ...(schema as { [k: string]: Json }), title: name };
}

const slug = (name: string): string => name.toLowerCase();

/**
 * The model the validators emitter reads, for schemas validation does not yet accept as entities
 * (until the lossless model lands, it refuses most 2020-12 keywords and non-object roots): each case
 * one entity, with its file, `$id` (when it has one) and schema as written.
 */
function suiteModel(cases: readonly SuiteCase[]): Model {
  const entities: Entity[] = cases.map(({ name, schema }) => {
    const value = asEntitySchema(name, schema);
    const id = typeof value["$id"] === "string" ? value["$id"] : `https://contracts.dev/schemas/${slug(name)}.schema.json`;
    return {
      name,
      slug: slug(name),
      file: `schemas/${slug(name)}.schema.json`,
      id,
      docs: { section: "Reference", group: "Types", order: 100 },
      schema: value,
      root: { kind: "object", pointer: "", properties: [], additionalProperties: false },
      definitions: [],
    };
  });
  const files = new Map<string, Json>(entities.map((e) => [e.file, e.schema]));
  const byId = new Map<string, string>(entities.map((e) => [e.id, e.file]));
  return { entities, index: { files, byId }, byFile: new Map(entities.map((e) => [e.file, e])) };
}

/**
 * Generates the validators of `cases` into a temporary project (writeProject) and returns its root. The emitter,
 * the TypeBox check and the walkers are the ones `contracts generate` runs.
 */
export async function generateCases(cases: readonly SuiteCase[]): Promise<string> {
  const validators = emitters.find((e) => e.name === "validators");
  if (validators === undefined) throw new Error("no validators emitter");
  const model = suiteModel(cases);
  const outputs = new Map<string, string>();
  for (const entity of model.entities) {
    const result = await validators.entity(entity, model, validators.context?.(model));
    for (const [file, text] of result.files) outputs.set(file, text);
  }
  for (const [file, text] of await validators.aggregate(model, new Map())) outputs.set(file, text);
  return writeProject("contracts-suite-", outputs);
}
