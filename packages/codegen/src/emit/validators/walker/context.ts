import { code, join, type Code } from "../code.js";
import { types, type SchemaObject } from "../schema.js";

/** Read-only facts a keyword group needs about the node it emits for. */
export interface NodeContext {
  /** JSON pointer of the node in its schema file. */
  readonly pointer: string;
  readonly file: string;
  /** The walker function name of a `$ref` target. */
  readonly refTarget: (ref: string) => Code;
}

/** One group of keywords: the statements of the node's error walker that check them. */
export type KeywordGroup = (schema: SchemaObject, ctx: NodeContext) => readonly Code[];

/**
 * The walk of one child: its key pushed on the shared path for the call and popped after, so no
 * array is built per property visited (an issue copies the path only when it is recorded).
 */
export function atChild(key: Code, walker: Code, value: Code): Code {
  return code`{ path.push(${key}); ${walker}(${value}, path, out); path.pop(); }`;
}

/** `if (<test>) { body }`, or just the body when the node's only type already guarantees the test. */
export function guarded(schema: SchemaObject, typeName: string, test: Code, body: readonly Code[]): Code {
  const only = types(schema);
  const lines = body.map((b) => code`\n    ${b}`);
  return only.length === 1 && only[0] === typeName ? join(body, "\n  ") : code`if (${test}) {${lines}\n  }`;
}
