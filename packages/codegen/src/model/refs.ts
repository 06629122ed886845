import path from "node:path";
import { getAtPointer } from "../load/pointer.js";
import type { Json } from "./json.js";
import { subschemas } from "./subschemas.js";
import type { SchemaIndex } from "./types.js";

import type { RefResolution, RefTarget } from "./ref-target.js";

export type { RefResolution, RefTarget } from "./ref-target.js";

/** An embedded schema resource: the subschema at `pointer` has an `$id`, its base URI is `uri`. */
export interface Base {
  readonly pointer: string;
  readonly uri: string;
}

export function isObject(v: unknown): v is { readonly [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The index of a set of parsed files, built once per set (every `$ref` of every file is resolved,
 * several times over a run; a scan of all files for each made that quadratic in the number of
 * entities). It holds every schema resource as 2020-12 identifies it: each file's root by its
 * `$id` and by its path (`file:///schemas/x.schema.json`), each subschema with an `$id` of its own
 * at any depth (resolved against the base URI it is written under), and each `$anchor` (and
 * `$dynamicAnchor`, which is also a plain anchor) as `<base URI>#<name>`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2 (base URI, anchors)
 */
export function indexSchemas(files: ReadonlyMap<string, Json>): SchemaIndex {
  const byId = new Map<string, string>();
  const resources = new Map<string, RefTarget>();
  const bases = new Map<string, Base[]>();
  for (const [file, schema] of files) {
    const id = isObject(schema) ? schema["$id"] : undefined;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, file);
    const own: Base[] = [];
    bases.set(file, own);
    const fileUri = `file:///${file}`;
    if (!resources.has(fileUri)) resources.set(fileUri, { file, pointer: "" });
    const visit = (node: Json, pointer: string, base: string): void => {
      let here = base;
      if (isObject(node)) {
        const ownId = node["$id"];
        const uri = typeof ownId === "string" ? tryUrl(ownId, base) : undefined;
        if (uri !== undefined) {
          here = uri.replace(/#.*$/, "");
          own.push({ pointer, uri: here });
          if (!resources.has(here)) resources.set(here, { file, pointer });
        } else if (pointer === "") own.push({ pointer, uri: here });
        for (const keyword of ["$anchor", "$dynamicAnchor"]) {
          const anchor = node[keyword];
          if (typeof anchor === "string" && !resources.has(`${here}#${anchor}`)) resources.set(`${here}#${anchor}`, { file, pointer });
        }
      }
      for (const sub of subschemas(node, pointer)) visit(sub.schema, sub.pointer, here);
    };
    visit(schema, "", fileUri);
  }
  return { files, byId, resources, bases };
}

/** The base URI of the node at `pointer` in `file`: the nearest enclosing `$id` (the node's own included), else the file's. */
export function baseUriAt(index: SchemaIndex, file: string, pointer: string): string {
  let best: Base | undefined;
  for (const base of index.bases.get(file) ?? []) {
    const encloses = base.pointer === "" || pointer === base.pointer || pointer.startsWith(`${base.pointer}/`);
    if (encloses && (best === undefined || base.pointer.length > best.pointer.length)) best = base;
  }
  return best?.uri ?? `file:///${file}`;
}

/** Whether `file` has schema resources below its root (subschemas with an `$id` of their own). */
export function hasEmbeddedResources(index: SchemaIndex, file: string): boolean {
  return (index.bases.get(file) ?? []).some((b) => b.pointer !== "");
}

/**
 * Resolves the `$ref` written at `at` (the pointer of the node holding it) in `fromFile`, as
 * 2020-12 says: against the base URI of that node, to a schema resource of the project (a file's
 * root, an embedded `$id` at any depth), then its fragment: a JSON pointer from that resource, or
 * an `$anchor`'s name. A reference no resource matches falls back to the project's files: a
 * relative file reference (`./other.schema.json#/$defs/Y`) resolved against the referring file's
 * path, or another file's `$id`. The one resolution every stage uses (validation, the model, each
 * emitter). Hand-written rather than json-schema-ref-parser because we need every failure with
 * its pointer, without I/O, over the set of files already loaded.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
export function resolveRef(fromFile: string, ref: string, index: SchemaIndex, at = ""): RefResolution {
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
  // An empty reference is the base itself (the URL parser refuses "" against a URN's opaque path).
  const uri = base === "" ? baseUriAt(index, fromFile, at) : tryUrl(base, baseUriAt(index, fromFile, at));
  const resource = uri === undefined ? undefined : index.resources.get(uri.replace(/#.*$/, ""));
  if (resource !== undefined) return inResource(ref, resource, uri!.replace(/#.*$/, ""), fragment, index, "uri");
  let file = fromFile;
  if (base !== "") {
    const byId = index.byId.get(base);
    if (byId !== undefined) file = byId;
    else if (/^[a-z][a-z0-9+.-]*:/i.test(base)) {
      return {
        ok: false,
        reason: `$ref "${ref}" names no schema of this project`,
        hint: 'use a relative file reference such as "./other.schema.json", the $id of a file in schemas/, or the $id of a subschema',
      };
    } else file = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), base));
  }
  if (!index.files.has(file)) {
    return {
      ok: false,
      reason: `$ref "${ref}" points at ${file}, which is not a schema file of this project`,
      hint: "fix the file name, or add that schema under schemas/",
    };
  }
  return inResource(ref, { file, pointer: "" }, baseUriAt(index, file, ""), fragment, index, base === "" ? "uri" : "file");
}

/** The fragment of a `$ref` inside the resource at `root` (whose URI is `uri`): the whole, a JSON pointer, or an anchor. */
function inResource(ref: string, root: RefTarget, uri: string, fragment: string, index: SchemaIndex, via: "uri" | "file"): RefResolution {
  if (fragment === "") return { ok: true, target: root, via };
  if (!fragment.startsWith("/")) {
    const anchored = index.resources.get(`${uri}#${fragment}`);
    if (anchored !== undefined) return { ok: true, target: anchored, via };
    return {
      ok: false,
      reason: `$ref "${ref}" names the anchor "${fragment}", which no "$anchor" of ${root.file}${root.pointer === "" ? "" : `#${root.pointer}`} declares`,
      hint: `add "$anchor": "${fragment}" to the subschema it means, or point at it with a JSON pointer (e.g. "#/$defs/Name")`,
    };
  }
  const pointer = root.pointer + fragment;
  if (getAtPointer(index.files.get(root.file), pointer) === undefined) {
    return {
      ok: false,
      reason: `$ref "${ref}" points at ${pointer} of ${root.file}, where nothing is defined`,
      hint: 'fix the pointer, or add the definition it names (usually under "$defs")',
    };
  }
  return { ok: true, target: { file: root.file, pointer }, via };
}

function tryUrl(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/** The fragment with percent-encoding undone; `undefined` when it is malformed (`%zz`). */
function decodeFragment(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}
