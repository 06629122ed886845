import { sourceFile } from "../../model/views.js";
import { SUPPORT } from "./support.js";
import { reserve, TYPESCRIPT_GLOBALS } from "../../schema/names.js";
import { defineEmitter } from "../emitter.js";
import { compileCheck } from "./check.js";
import { checkModule, entityModule, indexModule } from "./module.js";
import { bundle } from "./refs.js";
import { indexRefs, tracksEvaluation } from "./resolve.js";
import { emitWalkers } from "./walker/index.js";

export const VALIDATORS_DIR = "packages/validators/src/generated";

/**
 * Validators: per entity, TypeBox's ahead-of-time check (`<slug>.check.ts`, compiled from the
 * entity bundled with every definition it reaches) and a module with the schema, its error
 * walkers and `isX`/`assertX`/`parseX`/`validateX` (`<slug>.ts`, importing other files' walkers);
 * an index with the `validators` registry. The runtime they import is hand-written in
 * packages/validators/src/runtime.
 */
export const validatorsEmitter = defineEmitter({
  name: "validators",
  targets: [{ name: "validators", support: SUPPORT }],
  outputRoots: [VALIDATORS_DIR],
  libraries: ["typebox"],
  reservedNames: reserve(
    "exported by @contracts/validators itself",
    ["ContractValidationError", "StandardJSONSchemaV1", "StandardSchemaV1", "ValidationError", "ValidationResult", "Validator", "EntityName"],
    TYPESCRIPT_GLOBALS,
  ),
  thread: "main",
  async entity(entity, model) {
    const refs = indexRefs(model);
    const walkers = emitWalkers(entity, model, refs, tracksEvaluation(entity, model, refs));
    const bundled = bundle(entity, model, refs);
    const check = await compileCheck(bundled.schema);
    return {
      files: new Map([
        [
          `${VALIDATORS_DIR}/${entity.slug}.check.ts`,
          checkModule(
            entity,
            check,
            bundled.files.map((f) => sourceFile(model.byFile.get(f) ?? { file: f })),
          ),
        ],
        [`${VALIDATORS_DIR}/${entity.slug}.ts`, entityModule(entity, check, walkers, bundled.recursive, bundled.files.length > 1 ? bundled.schema : undefined)],
      ]),
    };
  },
  async aggregate(model) {
    return new Map([[`${VALIDATORS_DIR}/index.ts`, indexModule(model)]]);
  },
});
