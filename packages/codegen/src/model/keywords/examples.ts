import type { Json } from "../json.js";
import { dataKeyword } from "./define.js";

/**
 * `examples`: Sample values (the fixtures use them for what no sampler derives).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9.5
 */
export const examples = dataKeyword("examples", "meta-data", "any", asExamples, { annotation: true });

function asExamples(value: Json): readonly Json[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
