import { InternalError } from "../../errors.js";
import { delimiterRun, emphasisAware, printInlines, resolveEmphasis, SIMPLE_LINK, type DelimiterRun, type Inline } from "./emphasis.js";
import { displayWidth } from "./width.js";

/*
 * Markdown written directly in the form prettier's markdown printer gives it (prettier 3.10,
 * defaults, `proseWrap: "preserve"`), so every page is a fixpoint of `prettier --check` without
 * running prettier, which cost about 5 ms a call. The pages hold few constructs: headings, fenced
 * ts blocks, GFM tables whose cells are code spans, page links and descriptions. What prettier
 * changes in those is reproduced here: table padding, code span fences, runs of spaces in text,
 * the spelling of emphasis.
 * Tests keep prettier as the oracle.
 */

/** A fenced ts block around `code` (already laid out, see declaration.ts). */
export function tsBlock(code: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}ts\n${code}\n${fence}`;
}

/** Markdown blocks joined by blank lines, with the final newline. */
export function markdownBody(blocks: readonly string[]): string {
  return `${blocks.join("\n\n")}\n`;
}

/** `## text`: a heading whose text reads like a table cell's (one line, spaces collapsed). */
export function heading(level: number, text: string): string {
  const content = inlineText(text.replace(NEWLINES, " ").trim(), false);
  return content === "" ? "#".repeat(level) : `${"#".repeat(level)} ${content}`;
}

/**
 * YAML frontmatter. Written by hand rather than through a YAML library because the spec page
 * quotes every string and leaves numbers bare: a JSON string is a valid YAML double-quoted scalar,
 * so `JSON.stringify` gives exactly that. prettier leaves frontmatter as it is.
 */
export function frontmatter(fields: readonly (readonly [string, string | number])[]): string {
  return ["---", ...fields.map(([key, value]) => `${key}: ${JSON.stringify(value)}`), "---", ""].join("\n");
}

/**
 * A GFM table padded as prettier pads it: each column as wide as its widest cell (at least 3),
 * measured in display columns (wide characters take two), cells left-aligned, the delimiter row
 * all dashes. Cells are final Markdown (see `cellText`, `codeCell`, `pageLink`).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell) => Math.max(3, displayWidth(cell)));
  const cellWidths = rows.map((row) =>
    row.map((cell, column) => {
      const width = displayWidth(cell);
      widths[column] = Math.max(widths[column] ?? 3, width);
      return width;
    }),
  );
  const line = (cells: readonly string[], cellWidth: (column: number) => number) =>
    `| ${cells.map((cell, column) => cell + " ".repeat((widths[column] as number) - cellWidth(column))).join(" | ")} |`;
  return [
    line(header, (column) => displayWidth(header[column] as string)),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...rows.map((row, r) => line(row, (column) => cellWidths[r]?.[column] as number)),
  ].join("\n");
}

/**
 * Prose (a description) as a table cell: one line (a newline would end the row), pipes escaped (a
 * pipe would split the cell; GFM takes `\|`, also inside code spans), then as prettier prints it.
 * @see https://github.github.com/gfm/#example-200
 */
export function cellText(text: string): string {
  return inlineText(cellSafe(text), true);
}

/**
 * A code span showing `text` in a table cell, as prettier prints the span the old
 * `` `text` `` spelling parsed to: the fewest backticks that do not occur in it as a run, padded
 * with spaces when it starts or ends with a backtick.
 * @see https://spec.commonmark.org/0.31.2/#code-spans
 */
export function codeCell(text: string): string {
  const code = text.replace(NEWLINES, " ");
  if (code === "") return "``"; // no code span: two literal backticks, which prettier keeps
  const padded = code.startsWith("`") || code.endsWith("`");
  return codeSpan(padded ? code : stripCodePadding(code), true);
}

/** `[`Name`](./Name.md)`: a link to an entity's page (`page`), shown as `text`. */
export function pageLink(page: string, text: string = page): string {
  return `[${codeCell(text)}](./${encodeURIComponent(page)}.md)`;
}

const NEWLINES = /\s*(?:\r\n|\r|\n)\s*/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function cellSafe(text: string): string {
  // A pipe after an odd run of backslashes is escaped already (`\|` in Markdown is a literal pipe);
  // escaping it again would make `\\` a literal backslash and split the cell at the pipe.
  return text.replace(NEWLINES, " ").replace(/(\\*)\|/g, (match, backslashes: string) => (backslashes.length % 2 === 0 ? `${backslashes}\\|` : match));
}

/**
 * One line of inline Markdown (a cell, a heading) as prettier prints it: runs of spaces and tabs
 * become one space, code spans are re-fenced (`codeSpan`) and emphasis re-spelled (emphasis.ts).
 * Everything else prettier keeps as written: text, escapes and entities, links, HTML.
 */
function inlineText(text: string, inTable: boolean): string {
  if (!/[`\t*_]| {2}|^ | $/.test(text)) return text; // plain prose, the usual case, is kept as it is
  const withEmphasis = emphasisAware(text);
  const out = withEmphasis ? printInlines(resolveEmphasis(inlineItems(text, inTable, true))) : inlineItems(text, inTable, false).map(flatItem).join("");
  return out.replace(/^ | $/g, "");
}

function flatItem(item: Inline | DelimiterRun): string {
  if (item.kind === "code") return item.printed;
  if (item.kind === "text") return item.text.replace(/[ \t]+/g, " ");
  throw new InternalError(`inline ${item.kind} outside emphasis-aware prose`);
}

/**
 * The inline pieces of `text` from `from` to `to`: text, code spans and, when `withEmphasis`,
 * delimiter runs and simple links (see emphasis.ts). Runs are classified by their neighbours in
 * the whole text, as the parser sees them.
 */
function inlineItems(text: string, inTable: boolean, withEmphasis: boolean, from = 0, to = text.length): (Inline | DelimiterRun)[] {
  const items: (Inline | DelimiterRun)[] = [];
  let plain = "";
  const flush = () => {
    if (plain !== "") items.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < to && ASCII_PUNCTUATION.test(text[i + 1] as string)) {
      plain += text.slice(i, i + 2);
      i += 2;
    } else if (c === "`") {
      const open = runAt(text, i, "`");
      const close = closingRun(text, i + open, open);
      if (close === -1 || close >= to) {
        plain += text.slice(i, i + open);
        i += open;
      } else {
        let content = text.slice(i + open, close);
        // Inside a table cell GFM reads `\|` in a code span as `|`; prettier escapes it again.
        if (inTable) content = content.replace(/\\([\\|])/g, (escape, char: string) => (char === "|" ? "|" : escape));
        flush();
        items.push({ kind: "code", printed: codeSpan(stripCodePadding(content), inTable) });
        i = close + open;
      }
    } else if (withEmphasis && (c === "*" || c === "_")) {
      const end = i + runAt(text, i, c);
      flush();
      items.push(delimiterRun(text, i, end));
      i = end;
    } else if (withEmphasis && c === "[" && simpleLinkAt(text, i) !== undefined) {
      const { label, url, end } = simpleLinkAt(text, i) as { label: string; url: string; end: number };
      flush();
      items.push({ kind: "link", children: resolveEmphasis(inlineItems(text, inTable, true, i + 1, i + 1 + label.length)), url });
      i = end;
    } else {
      plain += c;
      i++;
    }
  }
  flush();
  return items;
}

function simpleLinkAt(text: string, at: number): { label: string; url: string; end: number } | undefined {
  const link = new RegExp(SIMPLE_LINK.source, "y");
  link.lastIndex = at;
  const match = link.exec(text);
  return match === null ? undefined : { label: match[1] as string, url: match[2] as string, end: link.lastIndex };
}

/** A code span of `value` as prettier prints it (print/mdast.js, "inlineCode"). */
function codeSpan(value: string, inTable: boolean): string {
  const code = inTable ? value.replace(/\|/g, "\\|") : value;
  const fence = "`".repeat(minAbsentRun(code, "`"));
  const pad = code.startsWith("`") || code.endsWith("`") || (/^[\n ]/.test(code) && /[\n ]$/.test(code) && /[^\n ]/.test(code)) ? " " : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

/** CommonMark drops one space at each end of a code span's content when both ends have one. */
function stripCodePadding(content: string): string {
  return content.length >= 2 && content.startsWith(" ") && content.endsWith(" ") && /[^ ]/.test(content) ? content.slice(1, -1) : content;
}

/** Start of the next backtick run exactly `length` long after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf("`", from); i !== -1;) {
    const run = runAt(text, i, "`");
    if (run === length) return i;
    i = text.indexOf("`", i + run);
  }
  return -1;
}

function runAt(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end++;
  return end - start;
}

/** The shortest run of `char` that does not occur in `text` (prettier's getMinNotPresentContinuousCount). */
function minAbsentRun(text: string, char: string): number {
  if (!text.includes(char)) return 1;
  const runs = new Set<number>();
  let run = 0;
  for (const c of text) {
    if (c === char) run++;
    else if (run > 0) {
      runs.add(run);
      run = 0;
    }
  }
  if (run > 0) runs.add(run);
  let n = 1;
  while (runs.has(n)) n++;
  return n;
}

function longestRun(text: string, char: string): number {
  if (!text.includes(char)) return 0;
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
