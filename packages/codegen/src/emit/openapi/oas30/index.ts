import type { Json } from "../../../model/types.js";
import { isObject, mapSubschemas, sortKeys } from "../schema-tree.js";
import type { Oas30Context, Step } from "./context.js";
import { conditionals } from "./conditionals.js";
import { discriminator } from "./discriminator.js";
import { constToEnum, dropUnsupported, examplesToExample, exclusiveBounds, itemsObject } from "./keywords.js";
import { nullableUnion } from "./nullable-union.js";
import { refToComponent } from "./ref.js";
import { typeToNullable } from "./type.js";
import { trivialCases, unevaluated, unexpressible } from "./unexpressible.js";

export type { Oas30Context } from "./context.js";

/**
 * The down-conversion rules, in the order they apply to each node (children first). Order
 * matters: `unevaluated*` is read before conditionals add an `allOf`, what is left that 3.0
 * cannot say is reported before `type` splits a node into branches, `const` becomes an `enum`
 * before `type` adds null to it, null branches are recognised after their own conversion, and a
 * `$ref` is wrapped once its siblings are final.
 */
const STEPS: readonly Step[] = [
  dropUnsupported,
  examplesToExample,
  exclusiveBounds,
  constToEnum,
  itemsObject,
  unevaluated,
  conditionals,
  trivialCases,
  unexpressible,
  typeToNullable,
  nullableUnion,
  discriminator,
  refToComponent,
];

/**
 * A JSON Schema 2020-12 schema as an OpenAPI 3.0.3 Schema Object that accepts exactly the same
 * values; what 3.0 cannot say is reported through `ctx.report`.
 * @see https://spec.openapis.org/oas/v3.0.3.html#schema-object
 */
export function toOas30(schema: Json, pointer: string, ctx: Oas30Context): Json {
  // 3.0 has no boolean schemas: `true` is the empty schema, `false` the one nothing passes.
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (!isObject(schema)) return schema;
  let node = mapSubschemas(schema, pointer, (sub, at) => toOas30(sub, at, ctx));
  for (const step of STEPS) node = step(node, { raw: schema, pointer, ctx });
  return sortKeys(node);
}
