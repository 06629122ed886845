import { joinPointer } from "../../load/pointer.js";
import { asString, dataKeyword } from "./define.js";

/**
 * `$ref`: A reference to another schema, applied in place (its siblings apply too). Its rule: it
 * resolves (the model's one resolution: a root, an embedded `$id`, an `$anchor`, a JSON pointer),
 * and a relative one found by the file's path alone leads where every other JSON Schema tool,
 * resolving against the `$id`, would go too.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.3.1
 */
export const $ref = dataKeyword("$ref", "core", "any", asString, {
  check(ref, { pointer, report, resolve, idOf }) {
    if (typeof ref !== "string") return;
    const at = joinPointer(pointer, "$ref");
    const resolved = resolve(ref);
    // A target inside a schema (neither a root nor a `$defs` entry) resolves: the targets that
    // need a name for it refuse it through their support tables ("ref-to-subschema").
    if (!resolved.ok) return report(at, resolved.reason, resolved.hint);
    if (resolved.via !== "file") return;
    const byUri = uriTarget(idOf(""), ref);
    const expected = idOf(resolved.target.file)?.replace(/#.*$/, "");
    if (byUri !== undefined && expected !== undefined && byUri !== expected) {
      report(
        at,
        `$ref "${ref}" leads to ${resolved.target.file} by file but to ${byUri} by "$id", and ${resolved.target.file}'s "$id" is ${expected}`,
        `give both files "$id"s with the same base (e.g. "https://contracts.dev/schemas/<file name>"), or refer to the other file by its "$id"`,
      );
    }
  },
});

/** The document a relative file `$ref` names when resolved against the schema's `$id`, as JSON Schema tools do. */
function uriTarget(id: string | undefined, ref: string): string | undefined {
  const base = ref.replace(/#.*$/, "");
  if (base === "" || /^[a-z][a-z0-9+.-]*:/i.test(base) || id === undefined) return undefined;
  try {
    return new URL(base, id).href;
  } catch {
    return undefined;
  }
}
