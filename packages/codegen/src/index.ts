export { main } from "./cli/main.js";
export { InternalError, SchemaProblems, formatProblem, type Problem } from "./errors.js";
export {
  defineEmitter,
  unsupported,
  unsupportedIn,
  type Construct,
  type DerivedTarget,
  type Emitter,
  type EntityOutcome,
  type Outputs,
  type Support,
} from "./emit/emitter.js";
export { derivedTargets, emitters } from "./emit/index.js";
export { generate, modelFromFiles, type GenerateOptions, type Generated } from "./core/generate.js";
export { inThreadRunner, type EntityRunner, type RunInput } from "./core/runner.js";
export { generateProject, type ProjectRun } from "./run/project.js";
export type * from "./model/types.js";
export { KEYWORDS, KEYWORD_NAMES, keywordSpec, type KeywordName, type KeywordSpec, type KeywordValue } from "./model/keywords/index.js";
export { subschemas, walkSchemas, type Subschema } from "./model/subschemas.js";
export { visit, type NodeOfKind, type Visitor } from "./model/visit.js";
export { childNodes, schemaChildren, walkNodes } from "./model/walk.js";
