import { openapi30, openapi31 } from "./generated/documents.js";

/** The part of a service's OpenAPI document `mergeComponents` reads and extends. */
export interface ServiceDocument {
  readonly openapi: string;
  readonly components?: { readonly schemas?: { readonly [name: string]: unknown }; readonly [section: string]: unknown };
  readonly [field: string]: unknown;
}

/** The service document with our schemas added under `components.schemas`. */
export type MergedDocument<D extends ServiceDocument> = Omit<D, "components"> & {
  components: NonNullable<D["components"]> & { schemas: { [name: string]: unknown } };
};

/**
 * Adds every contract schema to a service's own OpenAPI document under `components.schemas`,
 * picking the 3.0.3 or the 3.1 fragment by the document's `openapi` version (3.2 uses the 3.1
 * one: both are JSON Schema 2020-12). Returns a new document; the argument is not modified.
 * Throws when the service already defines a schema of the same name with another definition.
 */
export function mergeComponents<D extends ServiceDocument>(serviceDoc: D): MergedDocument<D> {
  const version = serviceDoc.openapi;
  const fragment = /^3\.0\.\d+$/.test(version) ? openapi30 : /^3\.[12]\.\d+$/.test(version) ? openapi31 : undefined;
  if (fragment === undefined) {
    throw new Error(
      `mergeComponents: the service document says "openapi": ${JSON.stringify(version)}; @contracts/openapi has components for OpenAPI 3.0.x and 3.1.x (also used for 3.2.x)`,
    );
  }
  const own = serviceDoc.components?.schemas ?? {};
  const ours: { readonly [name: string]: unknown } = fragment.components.schemas;
  const clashes = Object.keys(ours).filter((name) => Object.hasOwn(own, name) && !sameJson(own[name], ours[name]));
  if (clashes.length > 0) {
    const list = clashes.map((n) => `"${n}"`).join(", ");
    throw new Error(
      `mergeComponents: components.schemas ${list} ${clashes.length === 1 ? "is" : "are"} already defined by the service document with a different schema; rename the service's schema (or delete it and use the one from @contracts/openapi)`,
    );
  }
  return {
    ...serviceDoc,
    components: { ...serviceDoc.components, schemas: { ...own, ...structuredClone(ours) } },
  } as MergedDocument<D>;
}

/** Same JSON value (key order ignored): merging a document twice is not a clash. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
