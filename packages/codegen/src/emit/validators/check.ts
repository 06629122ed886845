import { InternalError } from "../../errors.js";
import type { Json } from "../../model/types.js";
import { code, join, type Code } from "./code.js";
import { prepareForTypeBox, type Placeholder } from "./prepare.js";

export interface CompiledCheck {
  /** TypeBox's standalone ESM module (`Check`, `SetExternal`), as `Code()` printed it. */
  readonly module: string;
  /** The `SetExternal` argument: runtime refinements in TypeBox's `External[i]` order. */
  readonly external: Code;
}

/**
 * Compiles the fast boolean check ahead of time with TypeBox (`typebox/compile` `Code()`): the
 * output is plain JavaScript, so validating needs no eval at runtime. `Code()` is deterministic
 * (it resets its counters per build); its internal names are its own, positional ones.
 */
export async function compileCheck(schema: Json): Promise<CompiledCheck> {
  const prepared = prepareForTypeBox(schema);
  const result = (await loadTypeBoxCompiler()).Code(prepared.schema as never);
  const external = (value: unknown): Code => {
    // TypeBox's own externals: the patterns of `pattern`/`patternProperties` and the key pattern of objects with optional properties.
    if (value instanceof RegExp) return code`new RegExp(${value.source}, ${value.flags})`;
    const expression = prepared.runtime.get(value as Placeholder);
    if (expression !== undefined) return expression;
    // A node with several refinements (`multipleOf` and `format`): TypeBox takes the whole list as one value.
    if (Array.isArray(value) && value.length > 0 && value.every((v) => prepared.runtime.has(v as Placeholder)))
      return code`[${join(value.map(external), ", ")}]`;
    // The value of a `const` or an `enum` member that is an object or an array, compared deeply by TypeBox.
    // JSON.parse, not a literal: a `"__proto__"` key must stay an own property.
    if (isJson(value)) return code`JSON.parse(${JSON.stringify(value)})`;
    throw new InternalError("TypeBox asked for an external value the validators emitter did not provide");
  };
  const variables = result.External.variables.map(external);
  if (result.External.identifier !== "External") throw new InternalError(`unexpected TypeBox external identifier ${result.External.identifier}`);
  return {
    module: result.Code,
    external: code`{ identifier: "External", variables: [${join(variables, ", ")}] }`,
  };
}

/**
 * Loaded on first use (Node's module cache keeps it): TypeBox's compiler takes about 0.3 s to
 * load, which a run with nothing to emit, or the worker thread (it runs other emitters), should not pay.
 */
function loadTypeBoxCompiler(): Promise<typeof import("typebox/compile")> {
  return import("typebox/compile");
}

/** Plain JSON data (what a schema's `const` or `enum` holds): no functions, placeholders or class instances. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJson);
}
