import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { Emitter } from "../emitter.js";
import { doNotEditHeader } from "../emitter.js";
import type { Entity, Model } from "../../model/types.js";
import { toJson2TsSchema } from "./prepare.js";

export const TYPES_DIR = "packages/types/src/generated";

/**
 * TypeScript declarations via json-schema-to-typescript: one module per entity plus an index.
 */
export const typesEmitter: Emitter = {
  name: "types",
  outputRoots: [TYPES_DIR],
  async emit(model: Model) {
    const files = new Map<string, string>();
    for (const entity of model.entities) {
      files.set(`${TYPES_DIR}/${entity.slug}.ts`, await emitEntityTypes(entity));
    }
    const index = model.entities.map((e) => `export type * from "./${e.slug}.js";`);
    files.set(`${TYPES_DIR}/index.ts`, [doNotEditHeader(model.entities.map((e) => e.file)), "", ...index, ...(index.length ? [] : ["export {};"]), ""].join("\n"));
    return files;
  },
};

export async function emitEntityTypes(entity: Entity): Promise<string> {
  const text = await compile(toJson2TsSchema(entity.schema) as JSONSchema, entity.name, {
    bannerComment: doNotEditHeader([entity.file]),
    additionalProperties: false,
    declareExternallyReferenced: true,
    enableConstEnums: false,
    format: true,
    strictIndexSignatures: false,
    unknownAny: true,
    // The schema is self-contained here (refs were checked by validation): no file is read.
    $refOptions: { resolve: { external: false } },
    style: { parser: "typescript", printWidth: 100, singleQuote: false, trailingComma: "all", endOfLine: "lf" },
  });
  return text.endsWith("\n") ? text : `${text}\n`;
}
