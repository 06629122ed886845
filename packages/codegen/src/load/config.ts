import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { environmentError, SchemaProblems, type Problem } from "../errors.js";
import { newAjv2020 } from "../schema/ajv.js";
import { parseSchemaText } from "./parse.js";

export type RuleLevel = "error" | "warn" | "off";

/** The targets a project may turn off: one per emitter, and the two OpenAPI documents apart. */
export const TARGET_NAMES = ["types", "validators", "openapi31", "openapi30", "fixtures", "docs"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export const RULE_NAMES = ["unsafe-patterns", "closed-objects", "id-required", "unknown-formats"] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** What a project may set in `contracts.config.json`; every field has a default. */
export interface ProjectConfig {
  readonly targets: Readonly<Record<TargetName, boolean>>;
  readonly rules: Readonly<Record<RuleName, RuleLevel>>;
}

export const CONFIG_FILE = "contracts.config.json";

/** A missing file or key: every target on, the conventions enforced, ReDoS only a warning (recheck can be wrong both ways). */
export const DEFAULT_CONFIG: ProjectConfig = Object.freeze({
  targets: Object.freeze({ types: true, validators: true, openapi31: true, openapi30: true, fixtures: true, docs: true }),
  rules: Object.freeze({ "unsafe-patterns": "warn", "closed-objects": "error", "id-required": "error", "unknown-formats": "error" }),
});

/** The hint of a problem a rule raises: how to relax it where the project means it. */
export function relaxHint(rule: RuleName): string {
  return `or set "rules": { "${rule}": "warn" } (or "off") in ${CONFIG_FILE}`;
}

const require = createRequire(import.meta.url);

/**
 * Reads `contracts.config.json` at `root` (absent: the defaults), checked against the codegen's
 * own `contracts.config.schema.json` so that a misspelt target, rule or level is a located
 * problem, not a setting silently ignored.
 */
export function readConfig(root: string): ProjectConfig {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_CONFIG;
    throw environmentError(error, "read", file, root);
  }
  return parseConfig(text);
}

/** The config in `text` (the file's contents), or `SchemaProblems` located in it. */
export function parseConfig(text: string): ProjectConfig {
  const parsed = parseSchemaText(CONFIG_FILE, text.replace(/\r\n/g, "\n"));
  if (!parsed.ok) throw new SchemaProblems(parsed.problems);
  const validate = newAjv2020({ allErrors: true, strict: true }).compile(require("../../contracts.config.schema.json") as object);
  if (!validate(parsed.source.value)) {
    const problems = (validate.errors ?? []).map((e): Problem => {
      const unknown = e.keyword === "additionalProperties";
      const pointer = unknown ? `${e.instancePath}/${String((e.params as { additionalProperty?: string }).additionalProperty ?? "")}` : e.instancePath;
      const said =
        e.keyword === "enum"
          ? `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`
          : (e.message ?? "is invalid");
      const known = knownNames(e.instancePath);
      return {
        file: CONFIG_FILE,
        pointer,
        ...parsed.source.locate(pointer),
        message: unknown ? `"${pointer.split("/").pop()}" is not a setting contracts knows` : `${pointer || "the config"} ${said}`,
        hint: `${known ? `use one of ${known}; ` : ""}see the README's "Project config" section for every setting and its values`,
      };
    });
    throw new SchemaProblems(problems);
  }
  const value = parsed.source.value as { targets?: Partial<ProjectConfig["targets"]>; rules?: Partial<ProjectConfig["rules"]> };
  const targets = { ...DEFAULT_CONFIG.targets, ...value.targets };
  const missing = missingTargets(targets).map(({ target, needed, on }): Problem => {
    const pointer = `/targets/${target}`;
    return {
      file: CONFIG_FILE,
      pointer,
      ...parsed.source.locate(pointer),
      message: `"${target}" is off, but ${quotedList(on)} ${on.length > 1 ? "are" : "is"} on, and ${on.length > 1 ? "their" : "its"} generated code imports ${needed}`,
      hint: `set "${target}": true, or turn ${quotedList(on)} off as well`,
    };
  });
  if (missing.length > 0) throw new SchemaProblems(missing);
  return { targets, rules: { ...DEFAULT_CONFIG.rules, ...value.rules } };
}

/**
 * Targets whose generated code imports another target's package: the validators and the
 * fixtures type their values with @contracts/types (`import type ... from "@contracts/types"`),
 * which with "types" off exports no entity, so they would not build.
 */
const IMPORTS: readonly { target: TargetName; needed: string; by: readonly TargetName[] }[] = [
  { target: "types", needed: "the entity types from @contracts/types", by: ["validators", "fixtures"] },
];

/** A target turned off while a target that imports its package is on. */
function missingTargets(targets: Readonly<Record<TargetName, boolean>>): { target: TargetName; needed: string; on: TargetName[] }[] {
  return IMPORTS.filter((i) => !targets[i.target])
    .map((i) => ({ target: i.target, needed: i.needed, on: i.by.filter((t) => targets[t]) }))
    .filter((m) => m.on.length > 0);
}

const quotedList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(" and ");

/** The names a settings object takes, for the hint of a misspelt one. */
function knownNames(instancePath: string): string | undefined {
  const names = instancePath === "/targets" ? TARGET_NAMES : instancePath === "/rules" ? RULE_NAMES : instancePath === "" ? ["targets", "rules"] : undefined;
  return names?.map((n) => `"${n}"`).join(", ");
}
