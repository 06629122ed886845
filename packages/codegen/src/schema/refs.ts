import path from "node:path";
import type { Json, SchemaIndex } from "../model/types.js";
import { getAtPointer } from "../load/pointer.js";

/** Where a `$ref` leads: a file of the project and a JSON pointer in it. */
export interface RefTarget {
  readonly file: string;
  readonly pointer: string;
}

export type { SchemaIndex } from "../model/types.js";

/**
 * The index of a set of parsed files, built once per set: every `$ref` of every file is resolved,
 * several times over a run, and a scan of all files for each made that quadratic in the number
 * of entities.
 */
export function indexSchemas(files: ReadonlyMap<string, Json>): SchemaIndex {
  const byId = new Map<string, string>();
  for (const [file, schema] of files) {
    const id = isObject(schema) ? schema["$id"] : undefined;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, file);
  }
  return { files, byId };
}

export type RefResolution = { ok: true; target: RefTarget } | { ok: false; reason: string; hint: string };

/**
 * Resolves `$ref` the way our schemas use it: `#` and `#/pointer` inside the file, and a relative
 * file reference (`./other.schema.json`, `./other.schema.json#/$defs/Y`) or the other file's `$id`.
 * Hand-written rather than json-schema-ref-parser because we need every failure with its pointer,
 * without I/O, over the set of files already loaded.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
export function resolveRef(fromFile: string, ref: string, index: SchemaIndex): RefResolution {
  const hash = ref.indexOf("#");
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : decodeFragment(ref.slice(hash + 1));
  if (fragment === undefined) {
    return {
      ok: false,
      reason: `$ref "${ref}" is not a valid URI reference: a "%" in it does not start a percent-encoded UTF-8 character`,
      hint: 'write "%25" for a literal "%" (and "~0" / "~1" for "~" / "/" in a JSON pointer token)',
    };
  }
  if (fragment !== "" && !fragment.startsWith("/")) {
    return {
      ok: false,
      reason: `$ref "${ref}" uses an anchor, which is not supported`,
      hint: 'point at a JSON pointer instead, e.g. "#/$defs/Name"',
    };
  }
  let file = fromFile;
  if (base !== "") {
    const byId = index.byId.get(base);
    if (byId !== undefined) file = byId;
    else if (/^[a-z][a-z0-9+.-]*:/i.test(base)) {
      return {
        ok: false,
        reason: `$ref "${ref}" names no schema of this project`,
        hint: 'use a relative file reference such as "./other.schema.json", or the $id of a file in schemas/',
      };
    } else file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), base));
  }
  const doc = index.files.get(file);
  if (doc === undefined) {
    return {
      ok: false,
      reason: `$ref "${ref}" points at ${file}, which is not a schema file of this project`,
      hint: "fix the file name, or add that schema under schemas/",
    };
  }
  if (getAtPointer(doc, fragment) === undefined) {
    return {
      ok: false,
      reason: `$ref "${ref}" points at ${fragment || "the root"} of ${file}, where nothing is defined`,
      hint: 'fix the pointer, or add the definition it names (usually under "$defs")',
    };
  }
  return { ok: true, target: { file, pointer: fragment } };
}

/** The fragment with percent-encoding undone; `undefined` when it is malformed (`%zz`). */
function decodeFragment(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

export function isObject(v: unknown): v is { readonly [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
