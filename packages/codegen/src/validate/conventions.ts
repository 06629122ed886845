import { canonicalJson } from "../diff/canonical.js";
import type { SourceFile } from "../load/parse.js";
import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { KEYWORD_NAMES, keywordSpec } from "../model/keywords/index.js";
import { walkSchemas } from "../model/subschemas.js";
import { isExtension, SUPPORTED_FORMATS } from "../schema/keywords.js";
import { isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";
import { toPascalCase } from "../schema/names.js";
import { checkClosedObject, checkIdNamesFile, checkUnknownFormat, knownFormats, type Findings, type Rules } from "./rules.js";
import { checkSatisfiable } from "./satisfiable.js";

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The project's own rules on top of JSON Schema (see ARCHITECTURE.md, "Schema conventions"):
 * a PascalCase title, resolvable refs, keywords JSON Schema 2020-12 defines (the
 * keyword registry, `model/keywords/`), and the rules a project may relax (`rules`: closed
 * objects, known formats; see rules.ts; `$id` is checked where a relaxed rule gives it a default,
 * `withRuleDefaults`), whose findings at "warn" come back apart. Runs on files that passed the
 * meta-schema, so keyword values have their JSON Schema shapes.
 */
export function checkConventions(source: SourceFile, index: SchemaIndex, rules: Rules, formats: ReadonlySet<string> = knownFormats()): Findings {
  const findings: Findings = { problems: [], warnings: [] };
  const problems = findings.problems;
  const add = (pointer: string, message: string, hint: string) => problems.push({ file: source.file, pointer, ...source.locate(pointer), message, hint });
  const root = source.value;
  if (!isObject(root)) return findings;

  const title = root["title"];
  if (typeof title !== "string") {
    add("", 'has no "title": the title is the entity\'s exported name', 'add "title": "EntityName" (PascalCase, unique across schemas/)');
  } else if (!PASCAL_CASE.test(title)) {
    add(
      "/title",
      `title ${JSON.stringify(title)} is not a PascalCase identifier`,
      `rename it to ${JSON.stringify(suggestedTitle(title))}: letters and digits, starting with an upper-case letter`,
    );
  }
  checkIdNamesFile(source, rules, findings);
  // Any schema can be an entity (a union, an enum, a string alias, an array, a tuple): an emitter
  // that cannot express its root yet says so through its support table, located.
  const docs = root["x-docs"];
  if (docs !== undefined) {
    const ok = isObject(docs) && typeof docs["section"] === "string" && typeof docs["group"] === "string" && typeof docs["order"] === "number";
    if (!ok)
      add(
        "/x-docs",
        '"x-docs" must be an object with string "section", string "group" and number "order"',
        'write e.g. "x-docs": { "section": "Reference", "group": "Types", "order": 50 }',
      );
  }

  walkSchemas(root, (node, pointer) => {
    checkClosedObject(source, node, pointer, rules, findings);
    const unknownFormat = checkUnknownFormat(source, node, pointer, formats, rules, findings);
    checkNode(node, pointer, source, index, add, unknownFormat);
  });
  return findings;
}

function checkNode(
  node: Json,
  pointer: string,
  source: SourceFile,
  index: SchemaIndex,
  add: (pointer: string, message: string, hint: string) => void,
  unknownFormat: boolean,
): void {
  if (!isObject(node)) return;
  for (const keyword of Object.keys(node)) checkKeyword(keyword, pointer, add);
  const pattern = node["pattern"];
  const patternProblem = typeof pattern === "string" ? patternError(pattern) : undefined;
  if (patternProblem !== undefined) {
    add(
      joinPointer(pointer, "pattern"),
      `pattern ${JSON.stringify(pattern)} is not a valid regular expression with the "u" (Unicode) flag: ${patternProblem}`,
      'escape only characters that need it (write "_", not "\\\\_"): validators and fixtures compile patterns with the "u" flag, as JSON Schema specifies',
    );
  }
  checkReservedNames(node, pointer, add);
  checkSatisfiable(node, pointer, add);
  const format = node["format"];
  // A format ajv-formats knows that the emitters do not check yet; an unknown one is the "unknown-formats" rule's.
  if (typeof format === "string" && !unknownFormat && !SUPPORTED_FORMATS.has(format)) {
    add(joinPointer(pointer, "format"), `format "${format}" is not supported`, `use one of ${[...SUPPORTED_FORMATS].join(", ")}, or a "pattern"`);
  }
  const properties = node["properties"];
  if (isObject(properties)) {
    const required = node["required"];
    if (Array.isArray(required)) {
      required.forEach((name: Json, i: number) => {
        if (typeof name === "string" && !Object.hasOwn(properties, name)) {
          add(
            joinPointer(pointer, "required", i),
            `required property "${name}" is not declared in "properties"`,
            'declare it under "properties" or remove it from "required"',
          );
        }
      });
    }
  }
  const enumValues = node["enum"];
  if (Array.isArray(enumValues)) {
    // Values of any JSON type, compared as JSON Schema compares them (deep, key order free).
    const first = new Map<string, number>();
    enumValues.forEach((value: Json, i: number) => {
      const key = canonicalJson(value);
      if (first.has(key)) {
        // Fixtures name a case per value, and the types and docs would list it twice.
        add(
          joinPointer(pointer, "enum", i),
          `enum value ${JSON.stringify(value)} is listed twice (first at ${joinPointer(pointer, "enum", first.get(key) ?? 0)})`,
          "remove the repeated value",
        );
      } else {
        first.set(key, i);
      }
    });
  }
  if (isObject(properties)) checkInheritedNames(properties, node["required"], pointer, add);
  const ref = node["$ref"];
  if (typeof ref === "string") {
    const resolved = resolveRef(source.file, ref, index, pointer);
    // A target inside a schema (neither a root nor a `$defs` entry) resolves: the targets that
    // need a name for it refuse it through their support tables ("ref-to-subschema").
    if (!resolved.ok) {
      add(joinPointer(pointer, "$ref"), resolved.reason, resolved.hint);
    } else if (resolved.via === "file") {
      // Found by the file's path alone: every other JSON Schema tool resolves against the $id.
      const byUri = uriTarget(source.value, ref);
      const targetId = index.files.get(resolved.target.file);
      const expected = isObject(targetId) && typeof targetId["$id"] === "string" ? targetId["$id"].replace(/#.*$/, "") : undefined;
      if (byUri !== undefined && expected !== undefined && byUri !== expected) {
        // We resolve by file; every other JSON Schema tool resolves against the $id.
        add(
          joinPointer(pointer, "$ref"),
          `$ref "${ref}" leads to ${resolved.target.file} by file but to ${byUri} by "$id", and ${resolved.target.file}'s "$id" is ${expected}`,
          `give both files "$id"s with the same base (e.g. "https://contracts.dev/schemas/<file name>"), or refer to the other file by its "$id"`,
        );
      }
    }
  }
}

/**
 * The whole 2020-12 vocabulary is accepted (the registry says which keywords exist); a keyword
 * of an earlier draft that 2020-12 replaced is refused with what to write instead, and a word no vocabulary
 * defines is refused too: JSON Schema would ignore it as an annotation, which turns a typo
 * (`"minlength"`) into a constraint silently not checked. `x-` extensions are annotations.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-6.5 (unknown keywords)
 */
/** Keywords of schemas written for OpenAPI 3.0, with their 2020-12 spelling. */
const FOREIGN: { readonly [keyword: string]: string } = {
  nullable: 'OpenAPI 3.0\'s "nullable": add "null" to "type" (e.g. "type": ["string", "null"]), or wrap the schema in "anyOf" with { "type": "null" }',
  example: 'OpenAPI 3.0\'s "example": write "examples": [<the value>]',
};

function checkKeyword(keyword: string, pointer: string, add: (pointer: string, message: string, hint: string) => void): void {
  if (isExtension(keyword)) return;
  const spec = keywordSpec(keyword);
  if (spec?.refused !== undefined) {
    add(joinPointer(pointer, keyword), `"${keyword}" is a keyword of an earlier JSON Schema draft, replaced in 2020-12`, spec.refused);
  } else if (spec === undefined && Object.hasOwn(FOREIGN, keyword)) {
    add(joinPointer(pointer, keyword), `"${keyword}" is not a JSON Schema 2020-12 keyword`, FOREIGN[keyword] as string);
  } else if (spec === undefined) {
    const near = KEYWORD_NAMES.find((k) => k.toLowerCase() === keyword.toLowerCase() && keywordSpec(k)?.refused === undefined);
    add(
      joinPointer(pointer, keyword),
      `"${keyword}" is not a JSON Schema 2020-12 keyword`,
      near !== undefined ? `did you mean "${near}"?` : 'check the spelling, or prefix a custom annotation with "x-" (e.g. "x-' + keyword + '")',
    );
  }
}

/**
 * Every JavaScript object inherits `toString`, `valueOf`, `constructor`... from Object.prototype.
 * TypeScript sees those on every object literal, so an optional property of that name and
 * another type fails every value that leaves it out (`{}` is not assignable to
 * `{ toString?: string }`), and a validator's `"toString" in value` would find the inherited
 * one. Required, the property is always the object's own and both hold.
 */
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function checkInheritedNames(
  properties: { readonly [k: string]: Json },
  required: Json | undefined,
  pointer: string,
  add: (pointer: string, message: string, hint: string) => void,
): void {
  const requiredNames = new Set(Array.isArray(required) ? required : []);
  for (const name of Object.keys(properties)) {
    if (name === "__proto__" || !INHERITED.has(name) || requiredNames.has(name)) continue;
    add(
      joinPointer(pointer, "properties", name),
      `optional property "${name}" has the name of a member every JavaScript object inherits (Object.prototype.${name}): TypeScript would see the inherited one on every value that leaves it out`,
      `make "${name}" required, or rename it`,
    );
  }
}

/** The title to suggest for a non-PascalCase one: an entity name starts with a capital letter. */
function suggestedTitle(title: string): string {
  const name = toPascalCase(title);
  return /^[A-Z]/.test(name) ? name : `Entity${name}`;
}

/**
 * `__proto__` as an object key is the prototype in JavaScript (`o["__proto__"] = x` sets it, an
 * object literal `{ __proto__: x }` too): emitters building maps of names and generated code
 * holding the name would drop or misuse it, so it cannot name a property or a definition.
 */
function checkReservedNames(node: Json, pointer: string, add: (pointer: string, message: string, hint: string) => void): void {
  if (!isObject(node)) return;
  for (const [keyword, what] of [
    ["properties", "property"],
    ["$defs", "definition"],
  ] as const) {
    const named = node[keyword];
    if (isObject(named) && Object.hasOwn(named, "__proto__")) {
      add(
        joinPointer(pointer, keyword, "__proto__"),
        `${what} name "__proto__" is not supported: JavaScript treats it as the object's prototype, so generated code and JSON handling would drop or misuse it`,
        `rename the ${what}`,
      );
    }
  }
}

/**
 * Validators and fixtures compile `pattern` with the `u` flag (JSON Schema patterns are Unicode
 * ECMA-262); the meta-schema's `regex` check does not, and lets through e.g. `\_`, which is an
 * error under `u`.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /^\_x$/u: Invalid escape" → "invalid escape"
    const reason = String((error as Error).message).replace(/^.*: /, "");
    return reason.charAt(0).toLowerCase() + reason.slice(1);
  }
}

/** The document a relative file `$ref` names when resolved against the schema's `$id`, as JSON Schema tools do. */
function uriTarget(root: Json, ref: string): string | undefined {
  const base = ref.replace(/#.*$/, "");
  if (base === "" || /^[a-z][a-z0-9+.-]*:/i.test(base) || !isObject(root) || typeof root["$id"] !== "string") return undefined;
  try {
    return new URL(base, root["$id"]).href;
  } catch {
    return undefined;
  }
}
