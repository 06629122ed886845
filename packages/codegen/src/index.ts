export { main } from "./cli/main.js";
export { InternalError, SchemaProblems, formatProblem, type Problem } from "./errors.js";
export { defineEmitter, type DerivedTarget, type Emitter, type EntityOutcome, type Outputs } from "./emit/emitter.js";
export { derivedTargets, emitters } from "./emit/index.js";
export { generate, modelFromFiles, type GenerateOptions, type Generated } from "./core/generate.js";
export { inThreadRunner, type EntityRunner, type RunInput } from "./core/runner.js";
export { generateProject, type ProjectRun } from "./run/project.js";
export type * from "./model/types.js";
