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
 * - `if`/`then`/`else`/`not`/`dependentSchemas/<name>` and the in-place branches inside them: they
 *   constrain the instance their parent describes (whose properties the parent declares, and the
 *   parent is judged); `additionalProperties: false` in an `if` would reject the parent's other
 *   properties. An object that is a property's value or an item there is judged as any value is.
 * - an `allOf` member, inline or a schema some `allOf` of the project refers to by `$ref` (a member
 *   `{ "$ref": … }`), or a `$ref` beside `properties` (the 2020-12 form of the same composition):
 *   `additionalProperties: false` on it would reject the other members' properties. The schema
 *   holding the `allOf` is judged instead, as declaring its members' properties, and its fix is
 *   `unevaluatedProperties: false`, which sees them all. A holder without properties of its own
 *   is also closed by a closed member that declares every property of the parts, or when every
 *   part closes itself (as before the rule knew compositions). A closure that rejects properties
 *   of the composition (`additionalProperties: false` on the holder over its members' properties,
 *   or on one member beside another's open properties) is refused, naming them.
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
  const ownNames = new Set(own ? Object.keys(node["properties"] as object) : []);
  // Composed: its `allOf` members or the `$ref` beside its properties declare properties, which
  // `unevaluatedProperties` sees and `additionalProperties` does not.
  const parts = Array.isArray(node["allOf"]) || (own && typeof node["$ref"] === "string") ? composition.parts(source.file, pointer) : undefined;
  const composed = parts !== undefined && parts.names.size > 0;
  if (!own && !composed) return;
  const path = keywordPath(pointer);
  if (asserting(path) || path.at(-1)?.keyword === "allOf" || composition.bases.has(place(source.file, pointer))) return;
  if (node["unevaluatedProperties"] === false || closedByParent(source.value, path)) return;
  // Names the parts declare that a closure by `additionalProperties: false` would reject: those not
  // declared beside it (on the node itself, or on a closed part).
  const outside = (declared: ReadonlySet<string>) => [...(parts?.names ?? [])].filter((n) => !declared.has(n));
  if (node["additionalProperties"] === false && outside(ownNames).length === 0) return;
  if (!own && parts !== undefined && parts.closed.some((names) => outside(names).length === 0)) return;
  // Every part closes itself (each says nothing else is allowed): accepted as it was before the
  // rule knew compositions; one open part beside a closed one is the closure rejecting it.
  if (!own && parts !== undefined && parts.closed.length > 0 && parts.open === 0) return;
  const rejected =
    node["additionalProperties"] === false ? outside(ownNames) : !own && parts !== undefined && parts.closed.length > 0 ? outside(parts.closed[0]!) : [];
  const said = node["additionalProperties"];
  const partsSay = Array.isArray(node["allOf"]) ? 'its "allOf" members declare' : 'its "$ref" declares';
  const shown = rejected.map((n) => JSON.stringify(n)).join(", ");
  file(findings, rules, "closed-objects", source, {
    pointer,
    requires:
      rejected.length === 0
        ? "an object with declared properties must be closed"
        : node["additionalProperties"] === false
          ? `an object composed with "allOf" or "$ref" is closed by "additionalProperties": false, which does not see the properties ${partsSay} and rejects them (${shown})`
          : `an "allOf" member closed by "additionalProperties": false rejects the properties the other members declare (${shown})`,
    relaxed: composed
      ? `an object composed of the properties ${partsSay} has no "unevaluatedProperties": false: it is open, other properties may hold any value`
      : said === undefined
        ? 'an object with declared properties has no "additionalProperties": it is open, other properties may hold any value'
        : 'an object with declared properties takes other properties ("additionalProperties" is not false)',
    wants: composed ? '"unevaluatedProperties": false' : '"additionalProperties": false',
    fix: !composed
      ? 'add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record)'
      : rejected.length === 0
        ? `add "unevaluatedProperties": false, which sees the properties ${partsSay} ("additionalProperties": false would reject them)`
        : node["additionalProperties"] === false
          ? `replace "additionalProperties": false with "unevaluatedProperties": false, which sees the properties ${partsSay}`
          : `move the member's "additionalProperties": false here as "unevaluatedProperties": false, which sees the properties ${partsSay}`,
  });
}

/**
 * Whether the node applies to its parent's instance through `if`/`then`/`else`/`not`/
 * `dependentSchemas`: the in-place keywords nearest it (a `properties` or `items` step starts a
 * value of its own, which is judged) include one of those.
 */
function asserting(path: readonly { keyword: string }[]): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const keyword = path[i]!.keyword;
    if (ASSERTING.has(keyword)) return true;
    if (!IN_PLACE.has(keyword)) return false;
  }
  return false;
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

/** What "closed-objects" needs to know of the whole project's compositions (`composition`). */
export interface Composition {
  /** The schemas an `allOf` member `{ "$ref" }`, or a `$ref` beside `properties`, refers to: `file#pointer`. */
  readonly bases: ReadonlySet<string>;
  /**
   * What the parts of the schema at `pointer` of `file` declare (its `allOf` members and the `$ref`
   * beside its properties, and their parts in turn): every property name, for each part closed by
   * `additionalProperties: false` the names it declares (all it lets through), and how many parts
   * declare properties without closing themselves.
   */
  parts(file: string, pointer: string): { readonly names: ReadonlySet<string>; readonly closed: readonly ReadonlySet<string>[]; readonly open: number };
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
  return {
    bases,
    parts(file, pointer) {
      const names = new Set<string>();
      const closed: Set<string>[] = [];
      let open = 0;
      const seen = new Set<string>();
      // `self`: the schema at `pointer` is a part (not the node asked about); a ref cycle ends.
      const visit = (inFile: string, at: string, self: boolean): void => {
        const node = getAtPointer(index.files.get(inFile), at) as Json;
        if (!isObject(node) || seen.has(place(inFile, at))) return;
        seen.add(place(inFile, at));
        if (self) {
          const own = isObject(node["properties"]) ? Object.keys(node["properties"]) : [];
          own.forEach((n) => names.add(n));
          if (node["additionalProperties"] === false || node["unevaluatedProperties"] === false) closed.push(new Set(own));
          else if (own.length > 0) open++;
        }
        const members = node["allOf"];
        if (Array.isArray(members)) members.forEach((_member: Json, i: number) => visit(inFile, joinPointer(at, "allOf", i), true));
        // A judged schema's lone `$ref` (an alias) is no composition: its target is judged where it is.
        if (!self && !isObject(node["properties"])) return;
        const target = targetOf(inFile, node["$ref"], at);
        if (target !== undefined) visit(target.file, target.pointer, true);
      };
      visit(file, pointer, false);
      return { names, closed, open };
    },
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
