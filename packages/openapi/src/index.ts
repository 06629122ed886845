export { openapi30, openapi31 } from "./generated/documents.js";
export type { components } from "./generated/openapi-types.js";
export { mergeComponents, type MergedDocument, type ServiceDocument } from "./merge.js";
