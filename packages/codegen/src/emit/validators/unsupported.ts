import { SchemaProblems, type Problem } from "../../errors.js";
import type { Model } from "../../model/types.js";
import { unsupported } from "../emitter.js";

/** The keywords prepare.ts turns into a TypeBox `~refine` each. */
const REFINED = ["format", "multipleOf", "required"] as const;

/**
 * Transitional (issue 13, until the validators compile refinements together): two refinements in
 * one schema make TypeBox's `Code()` ask for an external value the emitter does not map, so such
 * a schema is refused, located, instead of failing with an internal error.
 */
export function checkRefinements(model: Model): void {
  const problems: Problem[] = [];
  for (const entity of model.entities) {
    for (const node of entity.nodes.values()) {
      const refined = REFINED.filter((k) => (k === "required" ? (node.keywords.required?.length ?? 0) > 0 : node.keywords[k] !== undefined));
      if (refined.length < 2) continue;
      const names = refined.map((k) => `"${k}"`);
      problems.push(unsupported(entity, node.pointer, `${names.slice(0, -1).join(", ")} and ${names.at(-1)} in one schema`, "validators"));
    }
  }
  if (problems.length > 0) throw new SchemaProblems(problems);
}
