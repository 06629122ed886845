import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Problem } from "../errors.js";
import type { Json } from "../model/types.js";
import { joinPointer, splitPointer } from "./pointer.js";

/** A schema file, parsed, that can say where any pointer in it stands. */
export interface SourceFile {
  /** Relative to the project root, `/`-separated. */
  readonly file: string;
  readonly text: string;
  readonly value: Json;
  /** 1-based line:column of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string): { line: number; column: number };
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; problems: Problem[] };

/**
 * Parses strict JSON. `JSON.parse` gives the value; jsonc-parser's syntax tree (built only when
 * needed: for a syntax error, a duplicate key, or the first `locate`) gives offsets, which
 * JSON.parse has none of. Its leniencies (comments, trailing commas) are switched off so the
 * verdict is JSON's. The tree used to be built for every file up front; skipping it when nothing
 * needs a position made loading a large project's schemas several times faster.
 */
export function parseSchemaText(file: string, text: string): ParseResult {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return { ok: false, problems: syntaxProblems(file, text) };
  }
  let tree: Node | undefined;
  const treeOf = () => (tree ??= parseTree(text, [], PARSE_OPTIONS) ?? { type: "null", offset: 0, length: text.length, colonOffset: 0 });
  let lines: number[] | undefined;
  const position = (offset: number) => offsetToPosition((lines ??= lineStarts(text)), offset);
  // JSON.parse keeps the last of duplicate keys, silently dropping the first: refuse them instead.
  if (memberCount(text) !== keyCount(value)) {
    const duplicates = duplicateKeys(treeOf()).map((key): Problem => ({
      file,
      pointer: key.pointer,
      ...position(key.node.offset),
      message: `key ${JSON.stringify(key.name)} appears twice in the same object; JSON keeps only the last one, silently dropping the first`,
      hint: "remove one of them, or merge them into one",
    }));
    if (duplicates.length > 0) return { ok: false, problems: duplicates };
  }
  return {
    ok: true,
    source: {
      file,
      text,
      value,
      locate(pointer) {
        return position(nodeFor(treeOf(), pointer).offset);
      },
    },
  };
}

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The first syntax error, where jsonc-parser finds it (the rest are unreliable after it). */
function syntaxProblems(file: string, text: string): Problem[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, PARSE_OPTIONS);
  const lines = lineStarts(text);
  const e: ParseError = errors[0] ?? { error: 0 as ParseError["error"], offset: 0, length: 0 };
  const { line, column } = offsetToPosition(lines, e.offset);
  const truncated = e.offset >= text.trimEnd().length;
  return [
    {
      file,
      pointer: "",
      line,
      column,
      message: truncated
        ? "is not valid JSON: the file ends before the JSON value does (truncated?)"
        : `is not valid JSON: ${describeParseError(e)} (found ${JSON.stringify(text.slice(e.offset, e.offset + Math.max(e.length, 1)))})`,
      hint: "fix the JSON syntax at that position (a JSON linter or `node -e 'JSON.parse(...)'` shows it too)",
    },
  ];
}

/**
 * Object members written in `text` (valid JSON): strings followed by a colon. Counted with one
 * regular expression (strings are matched whole, escapes included, so a colon inside one is never
 * seen); fewer keys in the parsed value than members written means some key was repeated, and
 * only then is the syntax tree built to say where.
 */
function memberCount(text: string): number {
  let count = 0;
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"\s*(:)?/g)) if (match[1]) count++;
  return count;
}

function keyCount(value: Json): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + keyCount(item), 0);
  if (value === null || typeof value !== "object") return 0;
  let count = 0;
  for (const key in value) count += 1 + keyCount((value as Record<string, Json>)[key] as Json);
  return count;
}

/** Every repeated key of every object (the second and later occurrences), in document order. */
function duplicateKeys(tree: Node): { name: string; pointer: string; node: Node }[] {
  const found: { name: string; pointer: string; node: Node }[] = [];
  const visit = (node: Node, pointer: string): void => {
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || typeof key.value !== "string") continue;
        const at = joinPointer(pointer, key.value);
        if (seen.has(key.value)) found.push({ name: key.value, pointer: at, node: key });
        seen.add(key.value);
        if (value) visit(value, at);
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, i) => visit(child, joinPointer(pointer, i)));
    }
  };
  visit(tree, "");
  return found;
}

function describeParseError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  // "CloseBraceExpected" → "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function nodeFor(tree: Node, pointer: string): Node {
  const tokens = splitPointer(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const path = tokens.slice(0, n).map((t) => (/^(0|[1-9]\d*)$/.test(t) ? Number(t) : t));
    const node = findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, tokens.slice(0, n));
    if (node) {
      // Point at the key of a property, where the eye looks first.
      const parent = node.parent;
      if (parent?.type === "property" && parent.children?.[0]) return parent.children[0];
      return node;
    }
  }
  return tree;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function offsetToPosition(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
