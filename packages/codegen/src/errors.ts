import path from "node:path";

/**
 * Three kinds of failure, kept apart on purpose: a `Problem` is the user's (bad schema input) and
 * an `EnvironmentError` the user's machine (a permission, a full disk, a directory where a file
 * belongs, another run holding the project); both are printed as one located line plus a hint,
 * never with a stack. Anything else is our bug and may show one.
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

/**
 * The file system refused an operation the run needs. `file` is project-relative where it lies
 * inside the project (absolute otherwise); `reason` is the OS error in words, `code` its name.
 */
export class EnvironmentError extends Error {
  readonly operation: string;
  readonly file: string;
  readonly code: string;
  readonly reason: string;
  readonly hint: string;
  constructor(fields: { operation: string; file: string; code: string; reason: string; hint: string }, options?: ErrorOptions) {
    super(`cannot ${fields.operation} ${fields.file}: ${fields.reason}${fields.code ? ` (${fields.code})` : ""}`, options);
    this.name = "EnvironmentError";
    this.operation = fields.operation;
    this.file = fields.file;
    this.code = fields.code;
    this.reason = fields.reason;
    this.hint = fields.hint;
  }
}

/** What each OS error says, in words, and what the user can do about it. */
const OS_ERRORS: Record<string, { reason: string; hint: (file: string) => string }> = {
  EACCES: { reason: "permission denied", hint: (f) => `give the user running contracts access to ${f} and the folder holding it (or run contracts as their owner)` },
  EPERM: { reason: "operation not permitted", hint: (f) => `give the user running contracts access to ${f} and the folder holding it (or run contracts as their owner)` },
  EROFS: { reason: "the file system is read-only", hint: () => "run contracts in a writable checkout (the generated files live in the repository), or remount it read-write" },
  ENOSPC: { reason: "no space left on the device", hint: () => "free some disk space, then run contracts again (nothing was half-written)" },
  EDQUOT: { reason: "the disk quota is exhausted", hint: () => "free some space within your quota, then run contracts again (nothing was half-written)" },
  EISDIR: { reason: "it is a directory, where a file belongs", hint: (f) => `remove or rename the directory ${f}` },
  ENOTDIR: { reason: "a part of the path is a file, where a directory belongs", hint: (f) => `remove or rename the file that stands in the path of ${f}` },
  ENOENT: { reason: "it does not exist", hint: (f) => `check that ${f} exists (and was not removed while contracts ran)` },
  EMFILE: { reason: "too many files are open", hint: () => "raise the open-file limit (ulimit -n), then run contracts again" },
  ENFILE: { reason: "too many files are open on this system", hint: () => "close other programs or raise the system's open-file limit, then run contracts again" },
  EBUSY: { reason: "the file is busy (in use by another program)", hint: () => "close the program that holds it, then run contracts again" },
  EIO: { reason: "an input/output error (the disk or its file system)", hint: () => "check the disk, then run contracts again" },
  ENAMETOOLONG: { reason: "the path is too long for the file system", hint: () => "move the project to a shorter path" },
};

/** A Node file-system error (`code` such as EACCES, and the `syscall` that failed). */
export function isOsError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

/**
 * Turns an OS error met while doing `operation` on `target` into an `EnvironmentError`; anything
 * else is returned as it is (it is not the environment's).
 */
export function environmentError(error: unknown, operation: string, target: string, root: string): unknown {
  if (!isOsError(error)) return error;
  const rel = path.relative(root, target);
  const file = rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? target : rel.split(path.sep).join("/");
  const known = OS_ERRORS[error.code];
  return new EnvironmentError(
    {
      operation,
      file,
      code: error.code,
      reason: known?.reason ?? (error.message.replace(/^[A-Z]+: /, "").split(",")[0] ?? error.code),
      hint: known?.hint(file) ?? "fix the file system problem, then run contracts again",
    },
    { cause: error },
  );
}

/** Runs `fn`, reporting an OS error as an `EnvironmentError` on `target`. */
export function atEdge<T>(operation: string, target: string, root: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw environmentError(error, operation, target, root);
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
