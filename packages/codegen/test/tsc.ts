import ts from "typescript";

/** The compiler options the type tests check generated types under: the strictest a consumer may use. */
export const TSC_OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  types: [],
};

/**
 * One program over in-memory modules (absolute path → source), the real file system beside them
 * for what they import: the harness every tsc-judged test of this package shares.
 */
export function programOf(files: ReadonlyMap<string, string>): ts.Program {
  const host = ts.createCompilerHost(TSC_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, version) => {
    const source = files.get(file);
    return source === undefined ? getSourceFile(file, version) : ts.createSourceFile(file, source, version);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => files.has(file) || fileExists(file);
  return ts.createProgram([...files.keys()], TSC_OPTIONS, host);
}
