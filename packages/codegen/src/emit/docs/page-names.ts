import { SchemaProblems, type Problem } from "../../errors.js";
import type { Model } from "../../model/types.js";
import { problemAt } from "../emitter.js";

/**
 * Pages are named by entity (`pages/ConnectorWithStatus.md`) beside `pages/index.md`. On a
 * case-insensitive file system (macOS, Windows checkouts) `Index.md` and `index.md`, or `FooBar.md`
 * and `Foobar.md`, are one file, so such titles are refused rather than silently overwritten.
 */
export function checkPageNames(model: Model, indexName: string): void {
  const problems: Problem[] = [];
  const taken = new Map<string, string>([[indexName.toLowerCase(), `the index page ${indexName}.md`]]);
  for (const entity of model.entities) {
    const key = entity.name.toLowerCase();
    const other = taken.get(key);
    if (other === undefined) {
      taken.set(key, `entity ${entity.name} (${entity.file})`);
      continue;
    }
    problems.push(
      problemAt(
        entity,
        "/title",
        `title "${entity.name}" names the docs page ${entity.name}.md, which is the same file as that of ${other} on case-insensitive file systems`,
        'choose a title that differs from every other title, and from "Index", in more than letter case',
      ),
    );
  }
  if (problems.length > 0) throw new SchemaProblems(problems);
}
