import type { Problem } from "../errors.js";
import type { SourceFile } from "../load/parse.js";
import { isObject, type SchemaIndex } from "../schema/refs.js";
import { checkConventions } from "./conventions.js";
import { checkMetaSchema } from "./meta.js";

/** Validates every file and every cross-file rule; returns all problems found (empty: valid). */
export function validateSources(sources: readonly SourceFile[]): Problem[] {
  const index: SchemaIndex = { files: new Map(sources.map((s) => [s.file, s.value])) };
  const problems: Problem[] = [];
  for (const source of sources) {
    const meta = checkMetaSchema(source);
    problems.push(...meta);
    if (meta.length === 0) problems.push(...checkConventions(source, index));
  }
  problems.push(...checkUniqueTitles(sources));
  return problems;
}

function checkUniqueTitles(sources: readonly SourceFile[]): Problem[] {
  const byTitle = new Map<string, SourceFile[]>();
  for (const source of sources) {
    const title = isObject(source.value) ? source.value["title"] : undefined;
    if (typeof title !== "string") continue;
    byTitle.set(title, [...(byTitle.get(title) ?? []), source]);
  }
  const problems: Problem[] = [];
  for (const [title, owners] of byTitle) {
    if (owners.length < 2) continue;
    for (const owner of owners) {
      const others = owners.filter((o) => o !== owner).map((o) => o.file).join(", ");
      problems.push({
        file: owner.file,
        pointer: "/title",
        ...owner.locate("/title"),
        message: `title "${title}" is also the title of ${others}; titles name the generated types and must be unique`,
        hint: "rename one of the entities",
      });
    }
  }
  return problems;
}
