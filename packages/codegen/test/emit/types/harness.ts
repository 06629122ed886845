import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import ts from "typescript";
import type { Json } from "../../../src/model/types.js";
import { declare } from "../../../src/emit/types/index.js";
import { toJson2TsSchema } from "../../../src/emit/types/prepare.js";
import { printDeclarations } from "../../../src/emit/types/print.js";
import { isObject } from "../../../src/schema/refs.js";
import { programOf } from "../../tsc.js";

/**
 * The declarations the types emitter writes for `schema` named `name`, its `$defs` declared
 * beside it (a `$ref` to `#/$defs/<key>` is the type `<key>`, to `#` the type itself): the same
 * prepare → json2ts → print path as `emitEntityTypes`, without a model, so constructs validation
 * does not yet accept can be typed.
 */
export async function typesOf(name: string, schema: Json): Promise<string> {
  const refName = (ref: string) => ({ name: ref === "#" ? name : (ref.split("/").pop() ?? "") });
  const declarations = [await declare(name, toJson2TsSchema(isObject(schema) ? { ...schema, title: name } : schema, refName))];
  const defs = isObject(schema) && isObject(schema["$defs"]) ? schema["$defs"] : {};
  for (const key of Object.keys(defs)) {
    const def = defs[key] as Json;
    declarations.push(await declare(key, toJson2TsSchema(isObject(def) ? { ...def, title: key } : def, refName, `/$defs/${key}`)));
  }
  return printDeclarations(declarations.join("\n"));
}

/**
 * Compiles, in one program, one virtual module per entry: its declarations, then each sample as
 * `export const vN: <Name> = <sample>;` on its own line, plus any extra `code`. Returns, per
 * entry, the diagnostics of each sample line (by index) and of the rest.
 */
export function compileSamples(
  entries: Record<string, { declarations: string; name: string; samples: readonly Json[]; code?: string }>,
): Map<string, { perSample: string[][]; other: string[] }> {
  const files = new Map<string, { source: string; firstSampleLine: number; count: number }>();
  for (const [key, { declarations, name, samples, code = "" }] of Object.entries(entries)) {
    const head = `${declarations}\n`;
    const lines = samples.map((s, i) => `export const v${i}: ${name} = ${JSON.stringify(s)};`);
    const firstSampleLine = head.split("\n").length - 1;
    files.set(path.join(import.meta.dirname, `__${key.replace(/[^a-zA-Z0-9]+/g, "_")}__.ts`), {
      source: `${head}${lines.join("\n")}\n${code}\nexport {};\n`,
      firstSampleLine,
      count: samples.length,
    });
  }
  const program = programOf(new Map([...files].map(([file, { source }]) => [file, source])));
  const out = new Map<string, { perSample: string[][]; other: string[] }>();
  const keys = Object.keys(entries);
  [...files].forEach(([file, { firstSampleLine, count }], i) => {
    const sourceFile = program.getSourceFile(file);
    const perSample: string[][] = Array.from({ length: count }, () => []);
    const other: string[] = [];
    for (const d of ts.getPreEmitDiagnostics(program, sourceFile)) {
      const text = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const sample = line - firstSampleLine;
      if (sample >= 0 && sample < count) perSample[sample]?.push(text);
      else other.push(text);
    }
    out.set(keys[i] as string, { perSample, other });
  });
  return out;
}

/** Ajv 2020 (with the formats) as the reference verdict of the given/want tables. */
export function ajvJudge(schema: Json): (value: Json) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) as boolean;
}
