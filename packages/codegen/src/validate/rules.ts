import type { Problem } from "../errors.js";
import { CONFIG_FILE, type ProjectConfig, type RuleName } from "../load/config.js";
import type { SourceFile } from "../load/parse.js";
import { getAtPointer, joinPointer, splitPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { isObject } from "../schema/refs.js";

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
 * `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else`/`dependentSchemas` branch it is, which sees the
 * branch's properties). Relaxed, an object without `additionalProperties` is open, as JSON Schema
 * says: other properties may hold any value.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 */
export function checkClosedObject(source: SourceFile, node: Json, pointer: string, rules: Rules, findings: Findings): void {
  if (!isObject(node) || !isObject(node["properties"])) return;
  if (node["additionalProperties"] === false || node["unevaluatedProperties"] === false || closedByParent(source.value, pointer)) return;
  const said = node["additionalProperties"];
  file(findings, rules, "closed-objects", source, {
    pointer,
    requires: "an object with declared properties must be closed",
    relaxed:
      said === undefined
        ? 'an object with declared properties has no "additionalProperties": it is open, other properties may hold any value'
        : 'an object with declared properties takes other properties ("additionalProperties" is not false)',
    wants: '"additionalProperties": false',
    fix: 'add "additionalProperties": false (use { "type": "object", "additionalProperties": {} } for an open record)',
  });
}

/** Keywords whose subschemas are evaluated against the same instance as their parent. */
const IN_PLACE: ReadonlySet<string> = new Set(["allOf", "anyOf", "oneOf", "if", "then", "else", "dependentSchemas"]);

function closedByParent(root: Json, pointer: string): boolean {
  const tokens = splitPointer(pointer);
  for (let end = tokens.length; end > 0;) {
    // `/allOf/0` and `/dependentSchemas/k` take two tokens; `/then` one.
    const keyword = tokens[end - 2] !== undefined && ["allOf", "anyOf", "oneOf", "dependentSchemas"].includes(tokens[end - 2]!) ? end - 2 : end - 1;
    if (!IN_PLACE.has(tokens[keyword]!)) return false;
    end = keyword;
    const parent = getAtPointer(root, joinPointer("", ...tokens.slice(0, end))) as Json;
    if (isObject(parent) && parent["unevaluatedProperties"] === false) return true;
  }
  return false;
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
