import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { environmentError, SchemaProblems, type Problem } from "../errors.js";
import { newAjv2020 } from "../schema/ajv.js";
import { parseSchemaText } from "./parse.js";

/** What a project may set in `contracts.config.json`; every field has a default. */
export interface ProjectConfig {
  readonly rules: { readonly "unsafe-patterns": RuleLevel };
}

export type RuleLevel = "error" | "warn" | "off";

export const CONFIG_FILE = "contracts.config.json";
export const DEFAULT_CONFIG: ProjectConfig = { rules: { "unsafe-patterns": "warn" } };

const require = createRequire(import.meta.url);

/**
 * Reads `contracts.config.json` at `root` (absent: the defaults), checked against the codegen's
 * own `contracts.config.schema.json` so that a misspelt rule or level is a located problem, not a
 * setting silently ignored.
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
  const parsed = parseSchemaText(CONFIG_FILE, text.replace(/\r\n/g, "\n"));
  if (!parsed.ok) throw new SchemaProblems(parsed.problems);
  const validate = newAjv2020({ allErrors: true, strict: true }).compile(require("../../contracts.config.schema.json") as object);
  if (!validate(parsed.source.value)) {
    const problems = (validate.errors ?? []).map((e): Problem => {
      const pointer = e.keyword === "additionalProperties" ? `${e.instancePath}/${String((e.params as { additionalProperty?: string }).additionalProperty ?? "")}` : e.instancePath;
      const said = e.keyword === "enum" ? `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}` : (e.message ?? "is invalid");
      return {
        file: CONFIG_FILE,
        pointer,
        ...parsed.source.locate(pointer),
        message: e.keyword === "additionalProperties" ? `"${pointer.split("/").pop()}" is not a setting contracts knows` : `${pointer || "the config"} ${said}`,
        hint: "see the README's \"Project config\" section for every setting and its values",
      };
    });
    throw new SchemaProblems(problems);
  }
  const value = parsed.source.value as { rules?: Partial<ProjectConfig["rules"]> };
  return { rules: { ...DEFAULT_CONFIG.rules, ...value.rules } };
}
