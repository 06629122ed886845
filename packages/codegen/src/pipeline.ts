import { compareCodeUnits, InternalError, SchemaProblems, sortProblems, type Problem } from "./errors.js";
import type { Emitter, Outputs } from "./emit/emitter.js";
import { emitters as defaultEmitters } from "./emit/index.js";
import { parseSchemaText, type SourceFile } from "./load/parse.js";
import { readSchemaFiles, SCHEMA_DIR, type RawSchemaFile } from "./load/read.js";
import { buildModel } from "./model/build.js";
import type { Model } from "./model/types.js";
import { validateSources } from "./validate/index.js";

export interface Generated {
  readonly model: Model;
  readonly outputs: Outputs;
  readonly ownedRoots: readonly string[];
}

/** load → validate → model: throws `SchemaProblems` with every problem of every file. */
export function modelFromFiles(files: readonly RawSchemaFile[]): Model {
  const problems: Problem[] = [];
  const sources: SourceFile[] = [];
  for (const { file, text } of files) {
    const parsed = parseSchemaText(file, text);
    if (parsed.ok) sources.push(parsed.source);
    else problems.push(...parsed.problems);
  }
  problems.push(...validateSources(sources));
  if (problems.length > 0) throw new SchemaProblems(sortProblems(problems));
  return buildModel(sources);
}

/** → emit: every emitter's files, merged; a path claimed twice is our bug. */
export async function emitAll(model: Model, emitters: readonly Emitter[] = defaultEmitters): Promise<Generated> {
  const results = await Promise.all(emitters.map((e) => e.emit(model)));
  const outputs = new Map<string, string>();
  results.forEach((files, i) => {
    for (const [file, contents] of files) {
      if (outputs.has(file)) throw new InternalError(`${file} is emitted twice (second time by ${emitters[i]?.name})`);
      if (!contents.endsWith("\n") || contents.includes("\r")) throw new InternalError(`${file}: output must use LF and end with a newline`);
      outputs.set(file, contents);
    }
  });
  const sorted = new Map([...outputs].sort(([a], [b]) => compareCodeUnits(a, b)));
  return { model, outputs: sorted, ownedRoots: emitters.flatMap((e) => e.outputRoots) };
}

/** The whole pipeline up to (not including) the write stage, for the project at `root`. */
export async function generateProject(root: string, emitters?: readonly Emitter[]): Promise<Generated> {
  const files = await readSchemaFiles(root);
  if (files.length === 0) {
    throw new SchemaProblems([
      {
        file: `${SCHEMA_DIR}/`,
        pointer: "",
        line: 1,
        column: 1,
        message: "no *.schema.json file found",
        hint: `add a schema such as ${SCHEMA_DIR}/my-entity.schema.json, or run contracts from the project root (or pass --root)`,
      },
    ]);
  }
  return emitAll(modelFromFiles(files), emitters);
}
