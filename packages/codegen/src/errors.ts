/**
 * Two kinds of failure, kept apart on purpose: a `Problem` is the user's (bad schema input) and is
 * printed as one line plus a hint, never with a stack; anything else is our bug and may show one.
 */

/** One thing wrong with one schema file, located so the user can jump to it. */
export interface Problem {
  /** Schema file relative to the project root, `/`-separated. */
  readonly file: string;
  /** JSON pointer inside the file (`""` for the document, or where parsing stopped). */
  readonly pointer: string;
  /** 1-based line and column of the pointer (or of the syntax error). */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** What to do about it. */
  readonly hint: string;
}

/** Thrown by the pipeline when the input has problems; carries every one of them. */
export class SchemaProblems extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the schemas`);
    this.name = "SchemaProblems";
    this.problems = problems;
  }
}

/** A bug in the codegen itself (an emitter producing something impossible, ...). */
export class InternalError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "InternalError";
  }
}

/** Problems ordered by file, then position, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodeUnits(a.pointer, b.pointer) ||
      compareCodeUnits(a.message, b.message),
  );
}

export function formatProblem(p: Problem): string {
  const where = p.pointer === "" ? "" : ` at ${p.pointer}`;
  return `${p.file}:${p.line}:${p.column}${where}: ${p.message}\n  fix: ${p.hint}`;
}

/** Code-unit string order (`a < b`), never locale-dependent. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
