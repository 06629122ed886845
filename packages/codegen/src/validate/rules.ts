import type { Problem } from "../errors.js";
import { CONFIG_FILE, type ProjectConfig, type RuleName } from "../load/config.js";
import type { SourceFile } from "../load/parse.js";
import { getAtPointer, joinPointer, splitPointer } from "../load/pointer.js";
import { keywordSpec } from "../model/keywords/index.js";
import { walkSchemas } from "../model/subschemas.js";
import type { Json } from "../model/types.js";
import { isObject, resolveRef, type RefTarget, type SchemaIndex } from "../schema/refs.js";

/**
 * The schema conventions a project may relax in `contracts.config.json` ("closed-objects",
 * "id-required", "unknown-formats"): each check says what the rule requires, and what the
 * relaxed rule does instead, so "error" refuses with the first, "warn" prints both and goes on,
 * "off" says nothing. What a relaxed rule means for the model is in `withRuleDefaults`.
 */
export type Rules = ProjectConfig["rules"];

/** Problems found, split by the level their rule has: errors stop the run, warnings are printed. */
export interface Findings {
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

/** What a rule found at one place: what it requires, what happens when it is relaxed, the fix. */
interface Breach {
  readonly pointer: string;
  readonly requires: string;
  readonly relaxed: string;
  /** What the rule wants, for the warning: `"additionalProperties": false`. */
  readonly wants: string;
  readonly fix: string;
}

/** Files each rule level to `findings`: "error" as a problem, "warn" as a warning that says both sides, "off" dropped. */
function file(findings: Findings, rules: Rules, rule: RuleName, source: SourceFile, breach: Breach): void {
  const level = rules[rule];
  if (level === "off") return;
  const at = { file: source.file, pointer: breach.pointer, ...source.locate(breach.pointer) };
  if (level === "error") {
    findings.problems.push({
      ...at,
      message: breach.requires,
      hint: `${breach.fix}; or, to accept it, set "rules": { "${rule}": "warn" } (or "off") in ${CONFIG_FILE}`,
    });
  } else {
    findings.warnings.push({
      ...at,
      message: `${breach.relaxed}; the "${rule}" rule (set to "warn") would require ${breach.wants}`,
      hint: `${breach.fix}; or set "rules": { "${rule}": "off" } in ${CONFIG_FILE} to stop this warning`,
    });
  }
}

/** The `$id` a schema without one gets when "id-required" is relaxed: the one `new-entity` writes. */
export function defaultId(file: string): string {
  return `https://contracts.dev/schemas/${file.slice(file.lastIndexOf("/") + 1)}`;
}

/**
 * "closed-objects": an object schema with declared properties says that nothing else is allowed
 * (`additionalProperties: false`, or `unevaluatedProperties: false` on it or on the schema whose
 * `allOf`/`anyOf`/`oneOf` branch it is, which sees the branch's properties). Relaxed, an object
 * without `additionalProperties` is open, as JSON Schema says: other properties may hold any value.
 *
 * Where closing a schema itself would break it, the rule asks nothing of it:
 * - `if`/`then`/`else`/`not`/`dependentSchemas/<name>` and everything inside them: they constrain
 *   the instance their parent describes (whose properties the parent declares, and the parent is
 *   judged); `additionalProperties: false` in an `if` would reject the parent's other properties.
 * - an `allOf` member, inline or a schema some `allOf` of the project refers to by `$ref` (a member
 *   `{ "$ref": … }`), or a `$ref` beside `properties` (the 2020-12 form of the same composition):
 *   `additionalProperties: false` on it would reject the other members' properties. The schema
 *   holding the `allOf` is judged instead, as declaring its members' properties, and its fix is
 *   `unevaluatedProperties: false`, which sees them all (a holder without properties of its own
 *   is also closed when a member is: their intersection is).
 * A schema used both as such a base and on its own (a property's type, an entity) is not judged
 * either: closing it would break the composition, so where it is used on its own it is open (the
 * rule has one level for the whole project, so this cannot be a warning there alone). Close that
 * use with `{ "$ref": "#/$defs/Base", "unevaluatedProperties": false }` to refuse other properties.
 * `anyOf`/`oneOf` branches are judged as objects of their own: closing each branch is the usual way.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11.3 (unevaluatedProperties)
 */
export function checkClosedObject(source: SourceFile, node: Json, pointer: string, rules: Rules, findings: Findings, composition: Composition): void {
  if (!isObject(node)) return;
  const own = isObject(node["properties"]);
  // Composed: its `allOf` members or the `$ref` beside its properties declare properties, which
  // `unevaluatedProperties` sees and `additionalProperties` does not.
  const composed = (Array.isArray(node["allOf"]) || (own && typeof node["$ref"] === "string")) && composition.partsDeclareProperties(source.file, pointer);
  if (!own && !composed) return;
  const path = keywordPath(pointer);
  if (path.some((step) => ASSERTING.has(step.keyword)) || path.at(-1)?.keyword === "allOf" || composition.bases.has(place(source.file, pointer))) return;
  if (closedItself(node) || (!own && composition.partClosed(source.file, pointer)) || closedByParent(source.value, path)) return;
  const said = node["additionalProperties"];
  const parts = Array.isArray(node["allOf"]) ? 'its "allOf" members declare' : 'its "$ref" declares';
  file(findings, rules, "closed-objects", source, {
    pointer,
    requires: "an object with declared properties must be closed",
    relaxed: composed
      ? `an object composed of the properties ${parts} has no "unevaluatedProperties": false: it is open, other properties may hold any value`
      : said === undefined
        ? 'an object with declared properties has no "additionalProperties": it is open, other properties may hold any value'
        : 'an object with declared properties takes other properties ("additionalProperties" is not false)',
    wants: composed ? '"unevaluatedProperties": false' : '"additionalProperties": false',
    fix: composed
      ? `add "unevaluatedProperties": false, which sees the properties ${parts} ("additionalProperties": false would reject them)`
      : 'add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record)',
  });
}

/** Keywords whose subschemas constrain their parent's instance rather than define an object: never judged. */
const ASSERTING: ReadonlySet<string> = new Set(["if", "then", "else", "not", "dependentSchemas"]);

/** Keywords whose subschemas are evaluated against the same instance as their parent (the judged ones). */
const IN_PLACE: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf"]);

/** The keywords on the way from the root to `pointer`, each with the pointer of the schema holding it. */
function keywordPath(pointer: string): { keyword: string; holder: string }[] {
  const tokens = splitPointer(pointer);
  const out: { keyword: string; holder: string }[] = [];
  for (let i = 0; i < tokens.length;) {
    const keyword = tokens[i]!;
    out.push({ keyword, holder: joinPointer("", ...tokens.slice(0, i)) });
    const positions = keywordSpec(keyword)?.positions;
    i += positions === "array" || positions === "map" ? 2 : 1;
  }
  return out;
}

/** Whether a schema whose branch (or branch of a branch) the node is says `unevaluatedProperties: false`. */
function closedByParent(root: Json, path: readonly { keyword: string; holder: string }[]): boolean {
  for (let i = path.length - 1; i >= 0 && IN_PLACE.has(path[i]!.keyword); i--) {
    const parent = getAtPointer(root, path[i]!.holder) as Json;
    if (isObject(parent) && parent["unevaluatedProperties"] === false) return true;
  }
  return false;
}

const place = (file: string, pointer: string) => `${file}#${pointer}`;

const closedItself = (node: { readonly [key: string]: Json }) => node["additionalProperties"] === false || node["unevaluatedProperties"] === false;

/** What "closed-objects" needs to know of the whole project's compositions (`composition`). */
export interface Composition {
  /** The schemas an `allOf` member `{ "$ref" }`, or a `$ref` beside `properties`, refers to: `file#pointer`. */
  readonly bases: ReadonlySet<string>;
  /** Whether the `allOf` members of the schema at `pointer` of `file`, or the `$ref` beside its properties, declare properties (theirs or their parts'). */
  partsDeclareProperties(file: string, pointer: string): boolean;
  /**
   * Whether one of its `allOf` members (or their parts) says nothing else is allowed: then so does
   * the holder, their intersection (for a holder without properties of its own; one with them
   * closes itself, a closed member would reject its properties).
   */
  partClosed(file: string, pointer: string): boolean;
}

/** The compositions of every file of `index`, found once for a run. */
export function composition(index: SchemaIndex): Composition {
  const bases = new Set<string>();
  const targetOf = (file: string, ref: Json | undefined, at: string): RefTarget | undefined => {
    if (typeof ref !== "string") return undefined;
    const resolved = resolveRef(file, ref, index, at);
    return resolved.ok ? resolved.target : undefined;
  };
  for (const [file, schema] of index.files) {
    walkSchemas(schema, (node, pointer) => {
      if (!isObject(node)) return;
      const members = node["allOf"];
      if (Array.isArray(members)) {
        members.forEach((member: Json, i: number) => {
          const target = isObject(member) ? targetOf(file, member["$ref"], joinPointer(pointer, "allOf", i)) : undefined;
          if (target !== undefined) bases.add(place(target.file, target.pointer));
        });
      }
      const target = isObject(node["properties"]) ? targetOf(file, node["$ref"], pointer) : undefined;
      if (target !== undefined) bases.add(place(target.file, target.pointer));
    });
  }
  /** Whether `test` holds for the schema at `pointer` (unless `self` is false) or for a schema it is composed of (a ref cycle ends). */
  const anyPart = (file: string, pointer: string, test: (node: { readonly [key: string]: Json }) => boolean, seen: Set<string>, self = true): boolean => {
    const node = getAtPointer(index.files.get(file), pointer) as Json;
    if (!isObject(node) || seen.has(place(file, pointer))) return false;
    seen.add(place(file, pointer));
    if (self && test(node)) return true;
    const members = node["allOf"];
    if (Array.isArray(members) && members.some((_member: Json, i: number) => anyPart(file, joinPointer(pointer, "allOf", i), test, seen))) return true;
    // A judged schema's lone `$ref` (an alias) is no composition: its target is judged where it is.
    if (!self && !isObject(node["properties"])) return false;
    const target = targetOf(file, node["$ref"], pointer);
    return target !== undefined && anyPart(target.file, target.pointer, test, seen);
  };
  return {
    bases,
    partsDeclareProperties: (file, pointer) => anyPart(file, pointer, (node) => isObject(node["properties"]), new Set(), false),
    partClosed: (file, pointer) => anyPart(file, pointer, closedItself, new Set(), false),
  };
}

export { knownFormats } from "../schema/formats.js";

/**
 * "unknown-formats": a `format` outside the set ajv-formats knows. Relaxed, it is an annotation,
 * as the 2020-12 format-annotation vocabulary says: carried into the artifacts, not checked.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-7.2.1
 * Every format ajv-formats knows is honoured by every target (checked, sampled, rendered as `string`).
 */
export function checkUnknownFormat(source: SourceFile, node: Json, pointer: string, known: ReadonlySet<string>, rules: Rules, findings: Findings): void {
  if (!isObject(node) || typeof node["format"] !== "string" || known.has(node["format"])) return;
  const format = node["format"];
  file(findings, rules, "unknown-formats", source, {
    pointer: joinPointer(pointer, "format"),
    requires: `format ${JSON.stringify(format)} is not one ajv-formats knows, so no validator could check it`,
    relaxed: `format ${JSON.stringify(format)} is not one ajv-formats knows: it is kept as an annotation and not checked`,
    wants: "a format ajv-formats knows",
    fix: `use a known format (${[...known].join(", ")}), or a "pattern"`,
  });
}

/**
 * "id-required", second half: the root's `$id` ends with the file's name. A relative `$ref` to
 * another file resolves against the `$id` for every JSON Schema tool, and by the file's path when
 * no schema resource has that URI: they agree only when the `$id` ends with the file's name.
 * Relaxed (a schema dropped in with its own `$id`, such as `https://example.com/tree`), a ref that
 * the two readings would resolve apart is still refused where it is written (conventions.ts).
 */
export function checkIdNamesFile(source: SourceFile, rules: Rules, findings: Findings): void {
  const id = isObject(source.value) ? source.value["$id"] : undefined;
  const fileName = source.file.slice(source.file.lastIndexOf("/") + 1);
  if (typeof id !== "string" || id.replace(/#.*$/, "").split("/").pop() === fileName) return;
  file(findings, rules, "id-required", source, {
    pointer: "/$id",
    requires: `"$id" ${JSON.stringify(id)} does not end with the file's name, ${JSON.stringify(fileName)}`,
    relaxed: `"$id" ${JSON.stringify(id)} does not end with the file's name, ${JSON.stringify(fileName)}: a relative "$ref" from another file resolves by that file's path`,
    wants: `an "$id" ending with "/${fileName}"`,
    fix: `end it with "/${fileName}" (e.g. "https://contracts.dev/schemas/${fileName}") so relative "$ref"s resolve to the same file for every JSON Schema tool`,
  });
}

/**
 * "id-required" (the root has an `$id`: a `$ref` by URI and every JSON Schema tool resolve
 * against it), and the sources as the model reads them: relaxed, a root without `$id` gets
 * `defaultId(file)` (first in the object, where new-entity writes it), so refs, the model and
 * every artifact agree on it. Other sources are returned as they are.
 */
export function withRuleDefaults(sources: readonly SourceFile[], rules: Rules, findings: Findings): SourceFile[] {
  return sources.map((source) => {
    const value = source.value;
    if (!isObject(value) || value["$id"] !== undefined) return source;
    const id = defaultId(source.file);
    file(findings, rules, "id-required", source, {
      pointer: "",
      requires: 'has no "$id"',
      relaxed: `has no "$id": it is given ${JSON.stringify(id)}, from the file's name`,
      wants: 'an "$id"',
      fix: `add a stable "$id", e.g. ${JSON.stringify(id)}`,
    });
    if (rules["id-required"] === "error") return source;
    const withId: Json = { $id: id, ...value };
    return { file: source.file, text: source.text, value: withId, locate: (pointer: string) => source.locate(pointer) };
  });
}
