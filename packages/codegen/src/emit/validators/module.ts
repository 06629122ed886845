import type { Entity, Model } from "../../model/types.js";
import { doNotEditHeader } from "../emitter.js";
import { code, join, name, verbatim, type Code } from "./code.js";
import type { CompiledCheck } from "./check.js";

/** TypeBox's module, verbatim (its own `// @ts-ignore` lines make it compile as TypeScript). */
export function checkModule(entity: Entity, check: CompiledCheck): string {
  return `${doNotEditHeader([entity.file])}\n// The ahead-of-time check TypeBox's Code() (typebox/compile) printed for ${entity.name}; used by ./${entity.slug}.js.\n${check.module}\n`;
}

/**
 * The entity's public module: the schema (typed `as const` so TypeBox infers the static type),
 * the wiring of TypeBox's check to the runtime refinements, the error walkers and the exports.
 */
export function entityModule(entity: Entity, check: CompiledCheck, walkers: readonly Code[]): string {
  const X = name(entity.name);
  const validator = name(`${entity.name}Validator`);
  const doc = entity.description === undefined ? code`` : code`/** ${verbatim(entity.description.replaceAll("*/", "*\\/"))} */\n`;
  const text = code`${verbatim(doNotEditHeader([entity.file]))}

import type { XStatic } from "typebox/schema";
import * as rt from "../runtime/index.js";
import { Check, SetExternal } from ${`./${entity.slug}.check.js`};

${doc}export const ${X} = ${verbatim(JSON.stringify(entity.schema, null, 2))} as const;
export type ${X} = XStatic<typeof ${X}>;

// Before any export can run: TypeBox's compiled check calls these refinements as External[i].
SetExternal(${check.external});

${join(walkers, "\n\n")}

/** Every way to validate a ${X}; also its Standard Schema v1 object (\`~standard\`, vendor "contracts"). */
export const ${validator}: rt.Validator<${X}> = rt.defineValidator<${X}>(${entity.name}, ${X}, Check, errorsRoot);
export const is${X}: (value: unknown) => value is ${X} = ${validator}.is;
export const assert${X}: (value: unknown) => asserts value is ${X} = ${validator}.assert;
/** The value itself when valid; throws rt.ContractValidationError with every error otherwise. */
export const parse${X}: (value: unknown) => ${X} = ${validator}.parse;
export const validate${X}: (value: unknown) => rt.ValidationResult<${X}> = ${validator}.validate;
`;
  return text.text;
}

/** The `validators` registry, keyed by entity name, for generic callers. */
export function indexModule(model: Model): string {
  const entities = model.entities;
  const imports = entities.map((e) => code`import { ${name(`${e.name}Validator`)} } from ${`./${e.slug}.js`};\n`);
  const reexports = entities.map((e) => code`export * from ${`./${e.slug}.js`};\n`);
  const entries = entities.map((e) => code`\n  ${name(e.name)}: ${name(`${e.name}Validator`)},`);
  const header = verbatim(doNotEditHeader(entities.map((e) => e.file)));
  return code`${header}

${imports}${reexports}
/** Every entity's validator by name. */
export const validators = {${entries}
} as const;

export type EntityName = keyof typeof validators;
`.text;
}
