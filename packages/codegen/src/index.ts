export { main } from "./cli/main.js";
export { InternalError, SchemaProblems, formatProblem, type Problem } from "./errors.js";
export type { Emitter, Outputs } from "./emit/emitter.js";
export { emitters } from "./emit/index.js";
export { emitAll, generateProject, modelFromFiles, type Generated } from "./pipeline.js";
export type * from "./model/types.js";
