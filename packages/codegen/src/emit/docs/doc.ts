import { displayWidth } from "./width.js";

/*
 * A small port of prettier's document printer (src/document/printer/printer.js, prettier 3.10):
 * the same builders and the same fitting rules, for the few constructs the docs print (groups,
 * indentation, alignment, soft and hard lines, if-break). It exists because calling prettier costs
 * about 5 ms a call (parse, print, every plugin's checks) while the pages only hold code we build
 * ourselves from the model, so we can hand the printer prettier's own layout decisions directly and
 * get prettier's output without parsing anything. Not ported: `fill`, line suffixes, cursors, tabs.
 */

export type Doc = string | readonly Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | BreakParent;

interface Group {
  readonly type: "group";
  readonly contents: Doc;
  /** Mutable only while `propagateBreaks` runs, as in prettier. */
  break: boolean;
  readonly id: symbol | undefined;
}
interface Indent {
  readonly type: "indent";
  readonly contents: Doc;
}
interface Align {
  readonly type: "align";
  readonly width: number;
  readonly contents: Doc;
}
interface Line {
  readonly type: "line";
  readonly soft: boolean;
  readonly hard: boolean;
}
interface IfBreak {
  readonly type: "if-break";
  readonly breakContents: Doc;
  readonly flatContents: Doc;
}
interface IndentIfBreak {
  readonly type: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}
interface BreakParent {
  readonly type: "break-parent";
}

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Doc {
  return { type: "group", contents, break: options.shouldBreak ?? false, id: options.id };
}
export function indent(contents: Doc): Doc {
  return { type: "indent", contents };
}
export function align(width: number, contents: Doc): Doc {
  return { type: "align", width, contents };
}
export function ifBreak(breakContents: Doc, flatContents: Doc = ""): Doc {
  return { type: "if-break", breakContents, flatContents };
}
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { type: "indent-if-break", contents, groupId };
}
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

export const line: Doc = { type: "line", soft: false, hard: false };
export const softline: Doc = { type: "line", soft: true, hard: false };
const breakParent: Doc = { type: "break-parent" };
export const hardline: Doc = [{ type: "line", soft: false, hard: true }, breakParent];

type Mode = "break" | "flat";
interface Command {
  readonly indent: string;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** `doc` laid out in `printWidth` columns, two-space indents, as prettier's `printDocToString`. */
export function printDoc(doc: Doc, printWidth: number): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const commands: Command[] = [{ indent: "", mode: "break", doc }];
  const out: string[] = [];
  let position = 0;
  let shouldRemeasure = false;
  while (commands.length > 0) {
    const { indent: ind, mode, doc: d } = commands.pop() as Command;
    if (typeof d === "string") {
      out.push(d);
      position += displayWidth(d);
      continue;
    }
    if (isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: d[i] as Doc });
      continue;
    }
    switch (d.type) {
      case "indent":
        commands.push({ indent: `${ind}  `, mode, doc: d.contents });
        break;
      case "align":
        commands.push({ indent: ind + " ".repeat(d.width), mode, doc: d.contents });
        break;
      case "group": {
        let next: Command;
        if (mode === "flat" && !shouldRemeasure) {
          next = { indent: ind, mode: d.break ? "break" : "flat", doc: d.contents };
        } else {
          shouldRemeasure = false;
          const flat: Command = { indent: ind, mode: "flat", doc: d.contents };
          next = !d.break && fits(flat, commands, printWidth - position) ? flat : { indent: ind, mode: "break", doc: d.contents };
        }
        commands.push(next);
        if (d.id !== undefined) groupModes.set(d.id, next.mode);
        break;
      }
      case "if-break":
        commands.push({ indent: ind, mode, doc: mode === "break" ? d.breakContents : d.flatContents });
        break;
      case "indent-if-break": {
        const groupMode = groupModes.get(d.groupId);
        if (groupMode !== undefined) commands.push({ indent: ind, mode, doc: groupMode === "break" ? indent(d.contents) : d.contents });
        break;
      }
      case "line":
        if (mode === "flat" && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            position += 1;
          }
          break;
        }
        if (mode === "flat") shouldRemeasure = true;
        trimEnd(out);
        out.push(`\n${ind}`);
        position = ind.length;
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");
}

/** Drops the spaces and tabs that end the output so far, as prettier does before a newline. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1] as string;
    const trimmed = last.replace(/[\t ]+$/, "");
    if (trimmed !== "") {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

/**
 * Whether `next` printed flat fits in `width` columns, reading on into the commands after it up
 * to the first line break (those are in the mode they were queued in), as prettier's `fits` does.
 */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  let restIndex = rest.length;
  let pendingSpace = false;
  const todo: { mode: Mode; doc: Doc }[] = [next];
  while (width >= 0) {
    if (todo.length === 0) {
      if (restIndex === 0) return true;
      todo.push(rest[--restIndex] as Command);
      continue;
    }
    const { mode, doc: d } = todo.pop() as { mode: Mode; doc: Doc };
    if (typeof d === "string") {
      if (d !== "") {
        if (pendingSpace) {
          width -= 1;
          pendingSpace = false;
        }
        width -= displayWidth(d);
      }
      continue;
    }
    if (isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) todo.push({ mode, doc: d[i] as Doc });
      continue;
    }
    switch (d.type) {
      case "indent":
      case "align":
      case "indent-if-break":
        todo.push({ mode, doc: d.contents });
        break;
      case "group":
        todo.push({ mode: d.break ? "break" : mode, doc: d.contents });
        break;
      case "if-break":
        todo.push({ mode, doc: mode === "break" ? d.breakContents : d.flatContents });
        break;
      case "line":
        if (mode === "break" || d.hard) return true;
        if (!d.soft) pendingSpace = true;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/** A group holding a hard line (or a broken group) breaks, and so do the groups around it. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) {
    let found = false;
    for (const part of doc) found = propagateBreaks(part) || found;
    return found;
  }
  switch (doc.type) {
    case "group":
      if (propagateBreaks(doc.contents)) doc.break = true;
      return doc.break;
    case "indent":
    case "align":
    case "indent-if-break":
      return propagateBreaks(doc.contents);
    case "if-break":
      return [propagateBreaks(doc.breakContents), propagateBreaks(doc.flatContents)].some(Boolean);
    case "line":
      return false;
    case "break-parent":
      return true;
  }
}

function isArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}
