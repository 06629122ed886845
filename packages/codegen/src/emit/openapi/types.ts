import type { Json } from "../../model/types.js";
import { mapSubschemas } from "../../model/subschemas.js";
import { isObject } from "../../schema/refs.js";
import { openapiTypescript } from "./library.js";
import { indent } from "./serialize.js";

/**
 * TypeScript types of the 3.1 document by openapi-typescript (`components["schemas"][Name]`), so
 * services typing their handlers from the OpenAPI fragment get what client generators get.
 *
 * Generated per entity, not per document, so an incremental run re-types only the entities that
 * changed: each component goes through openapi-typescript's own `transformSchemaObject` (what
 * `openapiTS` runs for every schema of `components`), and `componentsModule` wraps the members in
 * the frame `openapiTS` prints. The transform context mirrors `openapiTS`'s defaults but one,
 * `emptyObjectsUnknown` (below); our schemas
 * use no discriminators, so nothing needs the whole document.
 */
export function componentMembers(schemas: Readonly<Record<string, Json>>): Record<string, string> {
  const ots = openapiTypescript();
  const { ts } = ots;
  const document = { openapi: "3.1.1", info: { title: "", version: "" }, components: { schemas } } as unknown as import("openapi-typescript").OpenAPI3;
  const ctx = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: { objects: {}, refsHandled: [] },
    // An object with no properties and no additionalProperties is open (any property, any value):
    // openapiTS's default types it `Record<string, never>`, which rejects every valid non-empty value.
    emptyObjectsUnknown: true,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined,
    silent: true,
    inject: undefined,
    // A schema no value satisfies (`false`, given to it as `{ not: {} }` below; a readOnly property
    // of a write view) is `never`, as @contracts/types says: openapiTS's default, `unknown`, would
    // let a write view's type take `id`.
    transform(schema: unknown) {
      return acceptsNothing(schema) ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword) : undefined;
    },
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      return ots.resolveRef(document, $ref, { silent: true });
    },
  } as unknown as import("openapi-typescript").GlobalContext;
  const out: Record<string, string> = {};
  for (const name of Object.keys(schemas)) {
    const schema = withoutBooleanSchemas(schemas[name] as Json) as unknown as import("openapi-typescript").SchemaObject;
    const type = ots.transformSchemaObject(schema, { path: ots.createRef(["components", "schemas", name]), schema, ctx });
    const property = ts.factory.createPropertySignature(undefined, ots.tsPropertyIndex(name), undefined, type);
    ots.addJSDocComment(schema as never, property);
    // Printed inside a throw-away interface so comments and indentation come out as openapiTS's.
    const text = ots.astToString([ts.factory.createInterfaceDeclaration(undefined, "Frame", undefined, undefined, [property])]);
    out[name] = text.trimEnd().split("\n").slice(1, -1).join("\n");
  }
  return out;
}

/**
 * openapi-typescript reads every subschema as an object (`"$ref" in sub` throws on `false`), so a
 * boolean subschema is given to it as the object that judges the same: `true` as `{}`, `false` as
 * `{ not: {} }`. `additionalProperties` keeps its boolean, which openapi-typescript reads. The
 * document itself still carries the schema as written.
 */
function withoutBooleanSchemas(schema: Json): Json {
  if (!isObject(schema)) return schema;
  return mapSubschemas(schema, "", (sub, _pointer, at) => {
    if (typeof sub === "boolean") return at.keyword === "additionalProperties" ? sub : sub ? {} : { not: {} };
    return withoutBooleanSchemas(sub);
  });
}

/** `{ "not": {} }`: no value is valid. */
function acceptsNothing(schema: unknown): boolean {
  if (!isObject(schema as Json)) return false;
  const keys = Object.keys(schema as object);
  const not = (schema as { not?: Json }).not;
  return keys.length === 1 && keys[0] === "not" && isObject(not as Json) && Object.keys(not as object).length === 0;
}

/** The module `openapiTS` would print for a document whose only components are these schemas. */
export function componentsModule(members: readonly string[]): string {
  const schemas = members.length === 0 ? "    schemas: never;" : ["    schemas: {", ...members.map((m) => indent(m, "    ")), "    };"].join("\n");
  return [
    "export type paths = Record<string, never>;",
    "export type webhooks = Record<string, never>;",
    "export interface components {",
    schemas,
    "    responses: never;",
    "    parameters: never;",
    "    requestBodies: never;",
    "    headers: never;",
    "    pathItems: never;",
    "}",
    "export type $defs = Record<string, never>;",
    "export type operations = Record<string, never>;",
    "",
  ].join("\n");
}
