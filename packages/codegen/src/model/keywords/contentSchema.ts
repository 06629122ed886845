import { STRING, schemaKeyword } from "./define.js";

/**
 * `contentSchema`: The schema of the decoded content (with `contentMediaType`).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-8.5
 */
export const contentSchema = schemaKeyword("contentSchema", "content", "schema", STRING, { annotation: true });
