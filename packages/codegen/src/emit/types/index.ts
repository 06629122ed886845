import { sourceFile } from "../../model/views.js";
import { SUPPORT } from "./support.js";
import type { JSONSchema } from "json-schema-to-typescript";
import { defineEmitter, doNotEditHeader, problemAt } from "../emitter.js";
import { compareCodeUnits, InternalError, SchemaProblems, type Problem } from "../../errors.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { definitionName, TYPESCRIPT_GLOBALS } from "../../schema/names.js";
import { isObject, resolveRef } from "../../schema/refs.js";
import { entityOfFile, forEachNode, schemaIndex } from "../../model/walk.js";
import { getAtPointer, joinPointer, splitPointer } from "../../load/pointer.js";
import { toJson2TsSchema, type RefNamer } from "./prepare.js";
import { printDeclarations } from "./print.js";
import { markReadonly, readView } from "./read-view.js";

export const TYPES_DIR = "packages/types/src/generated";

/**
 * TypeScript declarations via json-schema-to-typescript: one module per entity (the entity and
 * its `$defs`, each declared once, importing what it references from other entities' modules)
 * plus an index re-exporting them all.
 */
export const typesEmitter = defineEmitter({
  name: "types",
  targets: [{ name: "types", support: SUPPORT }],
  outputRoots: [TYPES_DIR],
  libraries: ["json-schema-to-typescript", "oxfmt"],
  reservedNames: TYPESCRIPT_GLOBALS,
  // With openapi, in the worker thread: json2ts and oxfmt load there while the main thread
  // validates (the split measured fastest; figures in the README's benchmark section).
  thread: "worker",
  async prepare() {
    await Promise.all([import("json-schema-to-typescript"), import("oxfmt")]);
  },
  check(model) {
    // json2ts's linker calls `schema.hasOwnProperty(...)` on every schema object, `properties`
    // included: a property of that name (validation admits it when required) made it throw, an
    // internal error for valid input. Refused where written until the types leave json2ts.
    const problems: Problem[] = [];
    for (const entity of model.entities) {
      forEachNode(entity, (node) => {
        if (node.kind !== "object" || !node.properties.some((p) => p.name === "hasOwnProperty")) return;
        problems.push(
          problemAt(
            entity,
            joinPointer(node.pointer, "properties", "hasOwnProperty"),
            'a property named "hasOwnProperty" cannot be typed: json-schema-to-typescript, which prints the types, fails on it',
            "rename the property",
          ),
        );
      });
    }
    if (problems.length > 0) throw new SchemaProblems(problems);
  },
  async entity(entity, model) {
    return { files: new Map([[`${TYPES_DIR}/${entity.slug}.ts`, await emitEntityTypes(entity, model)]]) };
  },
  async aggregate(model) {
    const index = model.entities.map((e) => `export type * from "./${e.slug}.js";`);
    const text = [doNotEditHeader(model.entities.map(sourceFile)), "", ...index, ...(index.length ? [] : ["export {};"]), ""].join("\n");
    return new Map([[`${TYPES_DIR}/index.ts`, text]]);
  },
});

export async function emitEntityTypes(entity: Entity, model: Model): Promise<string> {
  const index = schemaIndex(model);
  const imports = new Map<string, Set<string>>();
  const refName: RefNamer = (ref, at) => {
    const resolved = resolveRef(entity.file, ref, index, at);
    if (!resolved.ok) throw new InternalError(`${entity.file}: unresolved $ref ${ref} reached the types emitter`);
    const { file, pointer } = resolved.target;
    const doc = index.files.get(file);
    const name =
      pointer === "" ? String(isObject(doc) ? doc["title"] : "") : definitionName(getAtPointer(doc, pointer) as Json, splitPointer(pointer).pop() ?? "");
    if (file !== entity.file) {
      const from = `./${entityOfFile(model, file)?.slug}.js`;
      imports.set(from, (imports.get(from) ?? new Set()).add(name));
    }
    return { name };
  };

  // The entity as written is the read view: readonly and writeOnly are marked in its type (read-view.ts).
  const shaped = (schema: Json) => (entity.view ? schema : readView(schema));
  const declarations = [await declare(entity.name, toJson2TsSchema(shaped(entity.schema), refName))];
  for (const definition of entity.definitions) {
    // At any depth: `/$defs/A/$defs/B` is a definition too.
    const schema = getAtPointer(entity.schema, definition.pointer) as Json;
    // A definition is its own root for json2ts; its title (if any) is its name already.
    const prepared = toJson2TsSchema(shaped(isObject(schema) ? { ...schema, title: definition.name } : schema), refName, definition.pointer);
    declarations.push(await declare(definition.name, prepared));
  }
  const importLines = [...imports]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([from, names]) => `import type { ${[...names].sort(compareCodeUnits).join(", ")} } from "${from}";`);
  return [
    doNotEditHeader([sourceFile(entity)]),
    "",
    ...(importLines.length ? [...importLines, ""] : []),
    await printDeclarations(markReadonly(declarations.join("\n"))),
  ].join("\n");
}

export async function declare(name: string, schema: Json): Promise<string> {
  // Loaded on first use (or ahead, by `prepare`, in the CLI's worker thread, off the main path):
  // in one thread, a run whose entities all come from the cache never pays for json2ts.
  const { compile } = await import("json-schema-to-typescript");
  return compile(schema as JSONSchema, name, {
    bannerComment: "",
    additionalProperties: false,
    declareExternallyReferenced: true,
    enableConstEnums: false,
    // `string[]`, not a union of tuples up to maxItems: bounds are the validators' job.
    ignoreMinAndMaxItems: true,
    // Laid out once per module, by printDeclarations: json2ts would run prettier per declaration.
    format: false,
    strictIndexSignatures: false,
    unknownAny: true,
    // Every $ref was replaced by a type name above: nothing is resolved, no file is read, and
    // nothing is dereferenced (a `{"$ref": ...}` left is data: an `enum` or `const` value).
    $refOptions: { resolve: { external: false }, dereference: { excludedPathMatcher: () => true } },
  });
}
