import type { Json } from "../json.js";
import { dataKeyword } from "./define.js";

/**
 * `enum`: The value equals one of the listed JSON values (any JSON: objects and arrays too).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2
 */
export const enumKeyword = dataKeyword("enum", "validation", "any", asValues);

function asValues(value: Json): readonly Json[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
