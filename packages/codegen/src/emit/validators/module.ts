import { sourceFile } from "../../model/views.js";
import type { Entity, Json, Model } from "../../model/types.js";
import { doNotEditHeader } from "../emitter.js";
import { code, join, name, verbatim, type Code } from "./code.js";
import type { CompiledCheck } from "./check.js";
import type { Walkers } from "./walker/index.js";
import { compareCodeUnits } from "../../errors.js";

/** TypeBox's module, verbatim (its own `// @ts-ignore` lines make it compile as TypeScript). */
export function checkModule(entity: Entity, check: CompiledCheck, files: readonly string[]): string {
  return `${doNotEditHeader(files)}\n// The ahead-of-time check TypeBox's Code() (typebox/compile) printed for ${entity.name}; used by ./${entity.slug}.js.\n${check.module}\n`;
}

/** `import { errors$Point } from "./geometry.js";` per other file whose walkers this module calls. */
function walkerImports(walkers: Walkers): Code[] {
  return [...walkers.imports]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(
      ([slug, names]) =>
        code`import { ${join(
          [...names].sort(compareCodeUnits).map((n) => code`errors$${name(n)}`),
          ", ",
        )} } from ${`./${slug}.js`};\n`,
    );
}

/**
 * The entity's public module: the schema as written, its static type, the wiring of TypeBox's
 * check to the runtime refinements, the error walkers and the exports.
 *
 * The type is @contracts/types' declaration, not TypeBox's `XStatic` of the schema: `XStatic`
 * resolves `$ref` only as a pointer into the same literal (a ref into another file becomes
 * `unknown`) and cuts recursion to `any` after two levels, while the types package declares each
 * definition once, with recursion and cross-file refs intact. One declaration, one type.
 */
export function entityModule(entity: Entity, check: CompiledCheck, walkers: Walkers, recursive: boolean, bundled?: Json): string {
  const X = name(entity.name);
  const validator = name(`${entity.name}Validator`);
  const doc = entity.description === undefined ? code`` : code`/** ${verbatim(entity.description.replaceAll("*/", "*\\/"))} */\n`;
  const exported = join(
    walkers.exports.map(([local, as]) => code`${local} as ${as}`),
    ", ",
  );
  // Values that nest through a recursive definition are bounded before the recursive check runs;
  // a schema that refers to other files is given self-contained to `~standard.jsonSchema`.
  const settings = [
    ...(recursive ? [code`maxDepth: rt.MAX_DEPTH`] : []),
    ...(bundled === undefined ? [] : [code`bundled: ${verbatim(JSON.stringify(bundled, null, 2))}`]),
  ];
  const options = settings.length === 0 ? code`` : code`, { ${join(settings, ", ")} }`;
  const text = code`${verbatim(doNotEditHeader([sourceFile(entity)]))}

import type * as types from "@contracts/types";
import * as rt from "../runtime/index.js";
import { Check, SetExternal } from ${`./${entity.slug}.check.js`};
${walkerImports(walkers)}
${doc}export const ${X} = ${verbatim(JSON.stringify(entity.schema, null, 2))} as const;
export type ${X} = types.${X};

// Before any export can run: TypeBox's compiled check calls these refinements as External[i].
SetExternal(${check.external});

${join(walkers.functions, "\n\n")}

/** The walkers of this file's root and definitions, for the modules whose schemas refer to them. */
export { ${exported} };

/** Every way to validate a ${X}; also its Standard Schema v1 and Standard JSON Schema v1 object (\`~standard\`, vendor "contracts"); \`.jsonOnly\` for the "JSON data only" mode. */
export const ${validator}: rt.Validator<${X}> = rt.defineValidator<${X}>(${entity.name}, ${X}, Check, errorsRoot${options});
export const is${X}: (value: unknown) => value is ${X} = ${validator}.is;
export const assert${X}: (value: unknown) => asserts value is ${X} = ${validator}.assert;
/** The value itself when valid; throws rt.ContractValidationError with every error otherwise. */
export const parse${X}: (value: unknown) => ${X} = ${validator}.parse;
export const validate${X}: (value: unknown) => rt.ValidationResult<${X}> = ${validator}.validate;
`;
  return text.text;
}

/**
 * The `validators` registry, keyed by entity name, for generic callers. Each module's public names
 * are listed, not `export *`: the walkers modules export to each other stay internal.
 */
export function indexModule(model: Model): string {
  const entities = model.entities;
  const imports = entities.map((e) => code`import { ${name(`${e.name}Validator`)} } from ${`./${e.slug}.js`};\n`);
  const reexports = entities.map((e) => {
    const names = [e.name, `${e.name}Validator`, `is${e.name}`, `assert${e.name}`, `parse${e.name}`, `validate${e.name}`].map(name);
    return code`export { ${join(names, ", ")} } from ${`./${e.slug}.js`};\n`;
  });
  const entries = entities.map((e) => code`\n  ${name(e.name)}: ${name(`${e.name}Validator`)},`);
  const header = verbatim(doNotEditHeader(entities.map(sourceFile)));
  return code`${header}

${imports}${reexports}
/** Every entity's validator by name. */
export const validators = {${entries}
} as const;

export type EntityName = keyof typeof validators;
`.text;
}
