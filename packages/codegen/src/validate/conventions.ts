import { distance } from "fastest-levenshtein";
import type { SourceFile } from "../load/parse.js";
import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { KEYWORD_NAMES, keywordSpec, type CheckContext } from "../model/keywords/index.js";
import { walkSchemas } from "../model/subschemas.js";
import { isExtension } from "../schema/keywords.js";
import { isObject, resolveRef, type SchemaIndex } from "../schema/refs.js";
import { toPascalCase } from "../schema/names.js";
import { checkClosedObject, checkIdNamesFile, checkUnknownFormat, composition, knownFormats, type Composition, type Findings, type Rules } from "./rules.js";

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The project's own rules on top of JSON Schema (see ARCHITECTURE.md, "Schema conventions"):
 * a PascalCase title, resolvable refs, keywords JSON Schema 2020-12 defines (the
 * keyword registry, `model/keywords/`), and the rules a project may relax (`rules`: closed
 * objects, known formats; see rules.ts; `$id` is checked where a relaxed rule gives it a default,
 * `withRuleDefaults`; `composed`: the project's compositions, found once by the caller), whose
 * findings at "warn" come back apart. Runs on files that passed the meta-schema, so keyword values
 * have their JSON Schema shapes.
 */
export function checkConventions(
  source: SourceFile,
  index: SchemaIndex,
  rules: Rules,
  formats: ReadonlySet<string> = knownFormats(),
  composed: Composition = composition(index),
): Findings {
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
    checkClosedObject(source, node, pointer, rules, findings, composed);
    checkUnknownFormat(source, node, pointer, formats, rules, findings);
    checkNode(node, pointer, source, index, add);
  });
  return findings;
}

/**
 * The rules of one schema object: its keywords' names (`checkKeyword`), then each keyword's own
 * validation rule, from its registry file (`model/keywords/<keyword>.ts`, `check`).
 */
function checkNode(node: Json, pointer: string, source: SourceFile, index: SchemaIndex, add: (pointer: string, message: string, hint: string) => void): void {
  if (!isObject(node)) return;
  const ctx: CheckContext = {
    node,
    pointer,
    report: add,
    resolve: (ref) => resolveRef(source.file, ref, index, pointer),
    idOf: (file) => {
      const root = file === "" ? source.value : index.files.get(file);
      return isObject(root) && typeof root["$id"] === "string" ? root["$id"] : undefined;
    },
  };
  for (const keyword of Object.keys(node)) {
    checkKeyword(keyword, pointer, add);
    keywordSpec(keyword)?.check?.(node[keyword] as Json, ctx);
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
    const near = nearKeyword(keyword);
    add(
      joinPointer(pointer, keyword),
      `"${keyword}" is not a JSON Schema 2020-12 keyword`,
      near !== undefined ? `did you mean "${near}"?` : 'check the spelling, or prefix a custom annotation with "x-" (e.g. "x-' + keyword + '")',
    );
  }
}

/**
 * The keyword a misspelt one most likely means: the same letters in another case (`minlength`) or
 * another order (`minLenght`, `requried`, `tpye`), else the nearest by edit distance if near enough
 * to be a typo: one edit per 4 letters beyond the first (`minimun`, `propertys`,
 * `additionalProperty`), or, for a short word, one letter short of one (`typ`). A short word of its
 * own (`note`, `unit`, one edit from `not`) is no typo.
 * Ties go to the first in the registry's order, so the hint is the same on every run.
 */
function nearKeyword(keyword: string): string | undefined {
  const lower = keyword.toLowerCase();
  const letters = (word: string) => [...word.toLowerCase()].sort().join("");
  const names = KEYWORD_NAMES.filter((k) => keywordSpec(k)?.refused === undefined);
  const sameLetters = names.find((k) => k.toLowerCase() === lower) ?? names.find((k) => letters(k) === letters(keyword));
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = Math.floor((keyword.length - 1) / 4) + 1;
  for (const name of names) {
    const d = distance(lower, name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  // A short word one letter short of a keyword (`typ`, `enm`) is a dropped letter.
  return best ?? names.find((name) => name.length === keyword.length + 1 && distance(lower, name.toLowerCase()) === 1);
}

/** The title to suggest for a non-PascalCase one: an entity name starts with a capital letter. */
function suggestedTitle(title: string): string {
  const name = toPascalCase(title);
  return /^[A-Z]/.test(name) ? name : `Entity${name}`;
}
