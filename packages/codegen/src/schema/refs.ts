/** The model's one `$ref` resolution (`model/refs.ts`), under the name the stages import it by. */
export { indexSchemas, isObject, resolveRef, type RefResolution, type RefTarget } from "../model/refs.js";
export type { SchemaIndex } from "../model/types.js";
