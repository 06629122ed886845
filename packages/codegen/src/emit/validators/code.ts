/**
 * Emitted JavaScript is built only through the `code` tagged template, as Ajv does
 * (lib/compile/codegen/code.ts): interpolated strings, numbers, booleans and null become
 * literals, so a property name or enum value from a schema can never break out of its string;
 * identifiers go through `name()`, which rejects anything that is not one; only `Code` values are
 * inserted verbatim.
 */
import { InternalError } from "../../errors.js";
import { isIdentifier } from "../../schema/names.js";

export class Code {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolated = Code | string | number | boolean | null | readonly Code[];

function literal(value: Exclude<Interpolated, Code | readonly Code[]>): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new InternalError(`cannot emit the number ${value}`);
  // JSON text is a JS literal except for U+2028/U+2029 before ES2019; escape them anyway for readers.
  return JSON.stringify(value).replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029");
}

export function code(strings: TemplateStringsArray, ...values: readonly Interpolated[]): Code {
  let text = strings[0] as string;
  values.forEach((value, i) => {
    if (value instanceof Code) text += value.text;
    else if (Array.isArray(value)) text += (value as readonly Code[]).map((c) => c.text).join("");
    else text += literal(value as Exclude<Interpolated, Code | readonly Code[]>);
    text += strings[i + 1] as string;
  });
  return new Code(text);
}

export function name(identifier: string): Code {
  if (!isIdentifier(identifier)) throw new InternalError(`not an identifier: ${JSON.stringify(identifier)}`);
  return new Code(identifier);
}

export function join(parts: readonly Code[], separator: string): Code {
  return new Code(parts.map((p) => p.text).join(separator));
}

/** Code whose text is data (a JSON document printed by JSON.stringify, TypeBox's output). */
export function verbatim(text: string): Code {
  return new Code(text);
}
