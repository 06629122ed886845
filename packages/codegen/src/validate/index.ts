import type { Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { joinPointer } from "../load/pointer.js";
import type { Json } from "../model/types.js";
import { definitionName } from "../schema/names.js";
import { indexSchemas, isObject } from "../schema/refs.js";
import { baseUriAt } from "../model/refs.js";
import { walkSchemas } from "../model/subschemas.js";
import { DEFAULT_CONFIG } from "../load/config.js";
import { checkConventions } from "./conventions.js";
import { checkMetaSchema, metaSchemaValidator } from "./meta.js";
import { checkRecursion } from "./recursion.js";
import { composition, knownFormats, type Findings, type Rules } from "./rules.js";

/**
 * Validates every file and every cross-file rule; returns all problems found (empty: valid) and
 * the findings of rules `rules` sets to "warn". `reserved`: names no entity or definition may
 * take (name → why), from the emitters. `sources` are as the model reads them (`withRuleDefaults`).
 */
export function validateSources(
  sources: readonly SourceFile[],
  reserved: ReadonlyMap<string, string> = new Map(),
  rules: Rules = DEFAULT_CONFIG.rules,
): Findings {
  const index = indexSchemas(new Map(sources.map((s) => [s.file, s.value])));
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const formats = knownFormats();
  const metaSchema = metaSchemaValidator();
  const composed = composition(index);
  const wellFormed: SourceFile[] = [];
  for (const source of sources) {
    const meta = checkMetaSchema(source, metaSchema);
    problems.push(...meta);
    if (meta.length > 0) continue;
    wellFormed.push(source);
    const conventions = checkConventions(source, index, rules, formats, composed);
    problems.push(...conventions.problems);
    warnings.push(...conventions.warnings);
  }
  problems.push(
    ...checkUniqueTitles(sources),
    ...checkUniqueIds(sources),
    ...checkUniqueResources(wellFormed, index),
    ...checkUniqueDefinitionNames(sources, reserved),
    ...checkRecursion(wellFormed, index),
  );
  return { problems, warnings };
}

/**
 * Every `$defs` entry becomes an exported type under its name in every artifact, so a name may
 * be declared once in the whole project: a clash fails naming both places, never `Point1`.
 */
function checkUniqueDefinitionNames(sources: readonly SourceFile[], reservedNames: ReadonlyMap<string, string>): Problem[] {
  const declared = new Map<string, { source: SourceFile; pointer: string }[]>();
  for (const source of sources) {
    if (!isObject(source.value)) continue;
    const title = source.value["title"];
    if (typeof title === "string") declared.set(title, [...(declared.get(title) ?? []), { source, pointer: "/title" }]);
    const defs = source.value["$defs"];
    if (!isObject(defs)) continue;
    for (const key of Object.keys(defs)) {
      const name = definitionName(defs[key] as Json, key);
      declared.set(name, [...(declared.get(name) ?? []), { source, pointer: joinPointer("", "$defs", key) }]);
    }
  }
  const problems: Problem[] = [];
  for (const [name, places] of declared) {
    const reserved = reservedNames.get(name);
    if (reserved) {
      for (const place of places) {
        problems.push({
          file: place.source.file,
          pointer: place.pointer,
          ...place.source.locate(place.pointer),
          message: `name "${name}" is reserved: it is ${reserved}`,
          hint: `choose another name (e.g. "${name}Entity"); a $defs entry can keep its key and set a "title"`,
        });
      }
      continue;
    }
    const defs = places.filter((p) => p.pointer !== "/title");
    // Two entity titles alone are reported by checkUniqueTitles.
    if (places.length < 2 || defs.length === 0) continue;
    problems.push(
      ...declaredTwice(
        defs,
        places,
        (others) => `definition name "${name}" is also declared at ${others}; every generated artifact exports it under that one name`,
        'rename one of them (a $defs key, or its "title"), or $ref the existing definition instead of repeating it',
      ),
    );
  }
  return problems;
}

/** One problem at each of `at`, naming every other place of `places` where the same name is declared. */
function declaredTwice(
  at: readonly { source: SourceFile; pointer: string }[],
  places: readonly { source: SourceFile; pointer: string }[],
  message: (others: string) => string,
  hint: string,
): Problem[] {
  return at.map((place) => {
    const others = places
      .filter((p) => p !== place)
      .map((p) => `${p.source.file}#${p.pointer}`)
      .join(", ");
    return { file: place.source.file, pointer: place.pointer, ...place.source.locate(place.pointer), message: message(others), hint };
  });
}

/**
 * An embedded `$id` or an `$anchor` names one subschema of the whole project: declared twice (in
 * one file or two), a `$ref` to it could mean either, and JSON Schema tools refuse such a schema.
 * (Two roots with one `$id` are `checkUniqueIds`'.)
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-8.2.2
 */
function checkUniqueResources(sources: readonly SourceFile[], index: ReturnType<typeof indexSchemas>): Problem[] {
  const places = new Map<string, { source: SourceFile; pointer: string }[]>();
  const add = (uri: string, source: SourceFile, pointer: string) => places.set(uri, [...(places.get(uri) ?? []), { source, pointer }]);
  for (const source of sources) {
    walkSchemas(source.value, (node, pointer) => {
      if (!isObject(node)) return;
      const base = baseUriAt(index, source.file, pointer);
      if (pointer !== "" && typeof node["$id"] === "string") add(base, source, joinPointer(pointer, "$id"));
      for (const keyword of ["$anchor", "$dynamicAnchor"]) {
        if (typeof node[keyword] === "string") add(`${base}#${node[keyword]}`, source, joinPointer(pointer, keyword));
      }
    });
  }
  const problems: Problem[] = [];
  for (const [uri, at] of places) {
    // A `$dynamicAnchor` beside an `$anchor` of the same name is one place.
    const distinct = [...new Map(at.map((p) => [`${p.source.file}#${p.pointer.replace(/\/[^/]*$/, "")}`, p])).values()];
    if (distinct.length < 2) continue;
    problems.push(
      ...declaredTwice(
        distinct,
        distinct,
        (others) => `${uri} is also declared at ${others}; a $ref to it could name either subschema`,
        'give each subschema its own "$id" or "$anchor"',
      ),
    );
  }
  return problems;
}

/** A `$ref` may name a file by its `$id`: two files with one `$id` would make it ambiguous. */
function checkUniqueIds(sources: readonly SourceFile[]): Problem[] {
  return sameValue(sources, "$id", (id, others) => ({
    message: `$id ${JSON.stringify(id)} is also the $id of ${others}; a $ref by $id could name either file`,
    hint: "give each schema its own $id (usually its URL ending in the file name)",
  }));
}

function checkUniqueTitles(sources: readonly SourceFile[]): Problem[] {
  return sameValue(sources, "title", (title, others) => ({
    message: `title "${title}" is also the title of ${others}; titles name the generated types and must be unique`,
    hint: "rename one of the entities",
  }));
}

/** A problem at `/<keyword>` of every file whose root `keyword` string another file has too. */
function sameValue(sources: readonly SourceFile[], keyword: string, say: (value: string, others: string) => { message: string; hint: string }): Problem[] {
  const owners = new Map<string, SourceFile[]>();
  for (const source of sources) {
    const value = isObject(source.value) ? source.value[keyword] : undefined;
    if (typeof value !== "string") continue;
    owners.set(value, [...(owners.get(value) ?? []), source]);
  }
  const pointer = joinPointer("", keyword);
  const problems: Problem[] = [];
  for (const [value, files] of owners) {
    if (files.length < 2) continue;
    for (const owner of files) {
      const others = files
        .filter((o) => o !== owner)
        .map((o) => o.file)
        .join(", ");
      problems.push({ file: owner.file, pointer, ...owner.locate(pointer), ...say(value, others) });
    }
  }
  return problems;
}
