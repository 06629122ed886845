import path from "node:path";
import { pathToFileURL } from "node:url";
import { emitters, SchemaProblems, type Entity, type Json, type Model, type Problem } from "@contracts/codegen";

/** One stage of the built codegen, by its file (the package exports the whole pipeline only). */
async function stage<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../../codegen/dist", file)).href)) as T;
}
const { parseSchemaText } = await stage<{
  parseSchemaText(file: string, text: string): { ok: true; source: unknown } | { ok: false; problems: Problem[] };
}>("load/parse.js");
const { buildModel } = await stage<{ buildModel(sources: readonly unknown[]): Model }>("model/build.js");
const { unsupportedIn } = await stage<{ unsupportedIn(entity: Entity, targets: typeof emitters): Problem[] }>("emit/emitter.js");
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
 * The model `contracts generate` builds (the codegen's own parse and model stages, and the
 * validators' support table), for schemas the project's conventions would refuse as entities (open
 * objects, no `$id`): until the config's relaxed rules land, validation is the one stage skipped.
 * Where the model cannot place a `$ref` yet (an `$anchor`, an embedded `$id`: it throws), the entity
 * is the schema as written with no definitions, which is all the validators emitter reads of it;
 * `fallbacks` names those cases. A definition whose `$defs` key is no identifier is not exported.
 */
function suiteModel(cases: readonly SuiteCase[], fallbacks: string[]): Model {
  const validators = emitters.filter((e) => e.name === "validators");
  const entities = cases.map(({ name, schema }): Entity => {
    const file = `schemas/${slug(name)}.schema.json`;
    const parsed = parseSchemaText(file, JSON.stringify(asEntitySchema(name, schema)));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
    let entity: Entity;
    try {
      entity = buildModel([parsed.source]).entities[0] as Entity;
    } catch {
      fallbacks.push(name);
      const value = asEntitySchema(name, schema);
      return { name, slug: slug(name), file, id: "", docs: { section: "", group: "", order: 0 }, schema: value, definitions: [] } as unknown as Entity;
    }
    const problems = unsupportedIn(entity, validators);
    if (problems.length > 0) throw new SchemaProblems(problems);
    return { ...entity, definitions: entity.definitions.filter((d) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name)) };
  });
  const files = new Map<string, Json>(entities.map((e) => [e.file, e.schema]));
  const byId = new Map<string, string>(entities.flatMap((e) => (typeof e.schema["$id"] === "string" ? [[e.schema["$id"], e.file] as const] : [])));
  return { entities, index: { files, byId }, byFile: new Map(entities.map((e) => [e.file, e])) };
}

/**
 * Generates the validators of `cases` into a temporary project (writeProject) and returns its root. The emitter,
 * the TypeBox check and the walkers are the ones `contracts generate` runs.
 */
export async function generateCases(cases: readonly SuiteCase[], fallbacks: string[] = []): Promise<string> {
  const validators = emitters.find((e) => e.name === "validators");
  if (validators === undefined) throw new Error("no validators emitter");
  const model = suiteModel(cases, fallbacks);
  const outputs = new Map<string, string>();
  for (const entity of model.entities) {
    const result = await validators.entity(entity, model, validators.context?.(model));
    for (const [file, text] of result.files) outputs.set(file, text);
  }
  for (const [file, text] of await validators.aggregate(model, new Map())) outputs.set(file, text);
  return writeProject("contracts-suite-", outputs);
}
