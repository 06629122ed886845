import { sourceFile } from "../../model/views.js";
import { SUPPORT_30, SUPPORT_31 } from "./support.js";
import { compareCodeUnits, InternalError, SchemaProblems, sortProblems, type Problem } from "../../errors.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { TYPESCRIPT_GLOBALS } from "../../schema/names.js";
import { defineEmitter, doNotEditHeader, problemAt } from "../emitter.js";
import { collectComponents, type Components } from "./components.js";
import { toOas30 } from "./oas30/index.js";
import { toOas31 } from "./oas31.js";
import { sortData } from "./schema-tree.js";
import { toJsonText, toYamlComponents, toYamlDocument } from "./serialize.js";
import { openapiTypescript } from "./library.js";
import { componentMembers, componentsModule } from "./types.js";

export const OPENAPI_DIR = "packages/openapi/generated";
export const OPENAPI_SRC_DIR = "packages/openapi/src/generated";

/**
 * `info` names the package the fragment ships in, with the version its package.json has now
 * (read at load into `model.packages`), so a release's version bump reaches the documents on the
 * next generate. A project without that package.json gets the package name and version 0.0.0.
 */
export function openapiInfo(model: Model): { title: string; version: string; description: string } {
  const own = model.packages?.[OPENAPI_PACKAGE_DIR];
  return { title: own?.name ?? OPENAPI_INFO.title, version: own?.version ?? "0.0.0", description: OPENAPI_INFO.description };
}

const OPENAPI_PACKAGE_DIR = "packages/openapi";

export const OPENAPI_INFO = {
  title: "@contracts/openapi",
  description:
    "Every contract entity under components/schemas, generated from schemas/ by @contracts/codegen. Merge them into a service's document; paths are the service's.",
} as const;

/** The OpenAPI versions written; 3.1.x Schema Objects are JSON Schema 2020-12 as written. */
export const OPENAPI_31 = "3.1.1";
export const OPENAPI_30 = "3.0.3";

/**
 * OpenAPI documents (3.1 and 3.0, JSON and YAML twins) with every entity and `$defs` entry under
 * components/schemas, a typed module exporting them, and openapi-typescript types of the 3.1 one.
 */
export const openapiEmitter = defineEmitter({
  name: "openapi",
  // The two documents, each with its own table: turning one off lifts what only it refuses.
  targets: [
    { name: "openapi31", support: SUPPORT_31 },
    { name: "openapi30", support: SUPPORT_30 },
  ],
  outputRoots: [OPENAPI_DIR, OPENAPI_SRC_DIR],
  // openapi-typescript prints the types through the TypeScript compiler, which is not pinned exactly.
  libraries: ["openapi-typescript", "typescript", "js-yaml"],
  reservedNames: TYPESCRIPT_GLOBALS,
  // openapi-typescript brings the TypeScript compiler, the heaviest load of a run: in the worker
  // thread, it loads while the main thread validates.
  thread: "worker",
  async prepare() {
    openapiTypescript();
  },
  // Every entity's conversion reads the same table of components: built once per run.
  context: collectComponents,
  async entity(entity, model, components) {
    const converted = convertEntity(entity, components, model.targets?.["openapi30"] !== false);
    const part: EntityPart = {
      ...converted,
      types: componentMembers(converted.schemas31),
      yaml31: toYamlComponents(converted.schemas31),
      yaml30: toYamlComponents(converted.schemas30),
    };
    return { files: new Map(), part: part as unknown as Json };
  },
  async aggregate(model, parts) {
    const entityParts = model.entities.map((entity) => {
      const part = parts.get(entity.name) as EntityPart | undefined;
      if (!part) throw new InternalError(`openapi: no converted schemas for ${entity.name}`);
      return part;
    });
    const { oas31, oas30 } = assembleDocuments(entityParts, openapiInfo(model));
    const types: Record<string, string> = Object.assign({}, ...entityParts.map((p) => p.types));
    const yaml31: Record<string, string> = Object.assign({}, ...entityParts.map((p) => p.yaml31));
    const yaml30: Record<string, string> = Object.assign({}, ...entityParts.map((p) => p.yaml30));
    const inOrder = (blocks: Record<string, string>) =>
      Object.keys(blocks)
        .sort(compareCodeUnits)
        .map((name) => blocks[name] as string);
    const header = doNotEditHeader(model.entities.map(sourceFile));
    // A document contracts.config.json turns off is not written; its export stays (empty) for the package's own code.
    const on = { "3.1": model.targets?.["openapi31"] !== false, "3.0": model.targets?.["openapi30"] !== false };
    const offNote = (target: string) => `/** Empty: the "${target}" target is off in contracts.config.json. */`;
    const documents = [
      header,
      "",
      on["3.1"] ? `/** The OpenAPI ${OPENAPI_31} document: every entity under components/schemas, as JSON Schema 2020-12. */` : offNote("openapi31"),
      `export const openapi31 = ${JSON.stringify(on["3.1"] ? oas31 : document(OPENAPI_31, {}, openapiInfo(model)), null, 2)} as const;`,
      "",
      on["3.0"] ? `/** The OpenAPI ${OPENAPI_30} document: the same schemas down-converted (nullable, no type arrays, no const). */` : offNote("openapi30"),
      `export const openapi30 = ${JSON.stringify(on["3.0"] ? oas30 : document(OPENAPI_30, {}, openapiInfo(model)), null, 2)} as const;`,
      "",
    ].join("\n");
    return new Map([
      ...(on["3.1"]
        ? ([
            [`${OPENAPI_DIR}/openapi.json`, toJsonText(oas31)],
            [`${OPENAPI_DIR}/openapi.yaml`, toYamlDocument(oas31, inOrder(yaml31))],
          ] as const)
        : []),
      ...(on["3.0"]
        ? ([
            [`${OPENAPI_DIR}/openapi-3.0.json`, toJsonText(oas30)],
            [`${OPENAPI_DIR}/openapi-3.0.yaml`, toYamlDocument(oas30, inOrder(yaml30))],
          ] as const)
        : []),
      [`${OPENAPI_SRC_DIR}/documents.ts`, documents],
      [
        `${OPENAPI_SRC_DIR}/openapi-types.ts`,
        `${header}\n\n${componentsModule(
          Object.keys(types)
            .sort(compareCodeUnits)
            .map((name) => types[name] as string),
        )}`,
      ],
    ]);
  },
});

/** One entity's components (itself and its `$defs`), in both versions. */
interface EntityComponents {
  readonly schemas31: Record<string, Json>;
  readonly schemas30: Record<string, Json>;
}

/** The cached part: the components, their types and their YAML, by component name. */
interface EntityPart extends EntityComponents {
  readonly types: Record<string, string>;
  readonly yaml31: Record<string, string>;
  readonly yaml30: Record<string, string>;
}

/** `with30`: false when the 3.0 document is off, so what 3.0 cannot say is no problem. */
function convertEntity(entity: Entity, components: Components, with30: boolean): EntityComponents {
  const problems: Problem[] = [];
  const schemas31: Record<string, Json> = {};
  const schemas30: Record<string, Json> = {};
  for (const c of components.list) {
    if (c.entity !== entity) continue;
    const ctx = { file: c.entity.file, refFor: components.refFor, targetOf: components.targetOf };
    schemas31[c.name] = toOas31(c.schema, c.pointer, ctx);
    if (with30)
      schemas30[c.name] = toOas30(c.schema, c.pointer, {
        ...ctx,
        report: (pointer, message, hint) => problems.push(problemAt(c.entity, pointer, `cannot be expressed in OpenAPI ${OPENAPI_30}: ${message}`, hint)),
      });
  }
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  return { schemas31, schemas30 };
}

/** The two documents from every entity's converted components. */
function assembleDocuments(parts: readonly EntityComponents[], info: Json): { oas31: OpenapiDocument; oas30: OpenapiDocument } {
  const schemas31: Record<string, Json> = Object.assign({}, ...parts.map((p) => p.schemas31));
  const schemas30: Record<string, Json> = Object.assign({}, ...parts.map((p) => p.schemas30));
  return { oas31: document(OPENAPI_31, sortByName(schemas31), info), oas30: document(OPENAPI_30, sortByName(schemas30), info) };
}

function sortByName(schemas: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.keys(schemas)
      .sort(compareCodeUnits)
      .map((k) => [k, schemas[k] as Json]),
  );
}

/** Keys in code-unit order, like every other object of the documents. */
type OpenapiDocument = Json & { components: { schemas: Record<string, Json> } };

function document(openapi: string, schemas: Record<string, Json>, info: Json): OpenapiDocument {
  return { components: { schemas }, info: sortData(info), openapi, paths: {} };
}
