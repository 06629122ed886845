import { createRequire } from "node:module";
import type { Problem } from "../errors.js";
import type { RuleLevel } from "../load/config.js";
import { joinPointer } from "../load/pointer.js";
import type { Json, Model } from "../model/types.js";
import { isObject } from "../schema/refs.js";
import { walkSchemas } from "../model/subschemas.js";
import { problemAt } from "../emit/emitter.js";

const require = createRequire(import.meta.url);

/**
 * Patterns that can take super-linear time to match (ReDoS): validators compile `pattern` with
 * JavaScript's backtracking RegExp, so `^(a+)+$` takes seconds on 30 characters of untrusted
 * input. recheck (a maintained static + fuzzing checker) decides; writing our own analysis would
 * be guessing. Loaded only when a project has patterns (about 0.2 s, then a few ms a pattern),
 * and called asynchronously so a run's emitting overlaps it. Each distinct pattern is checked
 * once per run.
 * @see https://makenowjust-labs.github.io/recheck/
 */
export async function checkPatterns(model: Model, level: RuleLevel): Promise<Problem[]> {
  if (level === "off") return [];
  const found: { entity: Model["entities"][number]; pointer: string; pattern: string }[] = [];
  for (const entity of model.entities) {
    walkSchemas(entity.schema as Json, (node, pointer) => {
      if (isObject(node) && typeof node["pattern"] === "string") found.push({ entity, pointer: joinPointer(pointer, "pattern"), pattern: node["pattern"] });
    });
  }
  if (found.length === 0) return [];
  const { check } = require("recheck") as typeof import("recheck");
  const verdicts = new Map<string, ReturnType<typeof check>>();
  for (const { pattern } of found) if (!verdicts.has(pattern)) verdicts.set(pattern, check(pattern, "u"));
  const problems: Problem[] = [];
  for (const { entity, pointer, pattern } of found) {
    const verdict = await verdicts.get(pattern);
    if (verdict?.status !== "vulnerable") continue;
    const growth = verdict.complexity.type === "exponential" ? "exponential" : `polynomial (degree ${verdict.complexity.degree})`;
    problems.push(
      problemAt(
        entity,
        pointer,
        `pattern ${JSON.stringify(pattern)} can take ${growth} time to match (recheck found an attack string of ${verdict.attack.string.length} characters): a validator checking untrusted strings against it can be made to hang`,
        `rewrite it so that no part can match the same text in two ways (e.g. "^(a+)+$" is "^a+$"), and bound the string with "maxLength"; or, if only trusted strings reach it, set "rules": { "unsafe-patterns": "off" } in contracts.config.json`,
      ),
    );
  }
  return problems;
}
