import { defineEmitter } from "../emitter.js";
import { compileCheck } from "./check.js";
import { checkModule, entityModule, indexModule } from "./module.js";
import { emitWalkers } from "./walker/index.js";

export const VALIDATORS_DIR = "packages/validators/src/generated";

/**
 * Validators: per entity, TypeBox's ahead-of-time check (`<slug>.check.ts`) and a module with the
 * schema, its error walkers and `isX`/`assertX`/`parseX`/`validateX` (`<slug>.ts`); an index with
 * the `validators` registry. The runtime they import is hand-written in packages/validators/src/runtime.
 */
export const validatorsEmitter = defineEmitter({
  name: "validators",
  outputRoots: [VALIDATORS_DIR],
  async entity(entity) {
    const walkers = emitWalkers(entity);
    const check = compileCheck(entity.schema);
    return {
      files: new Map([
        [`${VALIDATORS_DIR}/${entity.slug}.check.ts`, checkModule(entity, check)],
        [`${VALIDATORS_DIR}/${entity.slug}.ts`, entityModule(entity, check, walkers)],
      ]),
    };
  },
  async aggregate(model) {
    return new Map([[`${VALIDATORS_DIR}/index.ts`, indexModule(model)]]);
  },
});
