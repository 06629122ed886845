import type { Options } from "prettier";
import { loadPrettier } from "../prettier.js";

/*
 * Both prettier passes use prettier's defaults (printWidth 80) so a page is a fixpoint of
 * `prettier --check` without a config: the markdown pass re-formats embedded ts blocks with the
 * same options, so the two must agree. Prettier is what pads the tables exactly as the spec page is
 * padded, which is why tables are not aligned by hand here.
 */
// `proseWrap: "preserve"` (the default, pinned): with "never" prettier stops aligning wide tables.
const TS_OPTIONS: Options = { parser: "typescript", endOfLine: "lf" };
const MD_OPTIONS: Options = { parser: "markdown", proseWrap: "preserve", embeddedLanguageFormatting: "off", endOfLine: "lf" };

/**
 * A fenced ts block holding `source` as prettier's typescript pass prints it. Formatted here, not
 * by the page's markdown pass: prettier formatting embedded code from markdown cost about 37 ms a
 * page against 7 ms for the same code on its own (measured on 40 pages), so the markdown pass runs
 * with `embeddedLanguageFormatting: "off"` and finds the block already in its final form.
 */
export async function tsBlock(source: string): Promise<string> {
  const code = (await (await loadPrettier()).format(source, TS_OPTIONS)).trimEnd();
  const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
  return `${fence}ts\n${code}\n${fence}`;
}

/** Markdown blocks joined by blank lines, padded and normalized by prettier. */
export async function markdownBody(blocks: readonly string[]): Promise<string> {
  return (await loadPrettier()).format(`${blocks.join("\n\n")}\n`, MD_OPTIONS);
}

/**
 * YAML frontmatter. Written by hand rather than through prettier or a YAML library because the
 * spec page quotes every string and leaves numbers bare: a JSON string is a valid YAML
 * double-quoted scalar, so `JSON.stringify` gives exactly that.
 */
export function frontmatter(fields: readonly (readonly [string, string | number])[]): string {
  return ["---", ...fields.map(([key, value]) => `${key}: ${JSON.stringify(value)}`), "---", ""].join("\n");
}

/** A GFM table; prettier pads the columns, so the delimiter row only needs to be valid. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * Text safe in a table cell: a newline would end the row, a pipe would split the cell (GFM escapes
 * it as `\|`, also inside code spans).
 * @see https://github.github.com/gfm/#example-200
 */
export function cellSafe(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n)\s*/g, " ").replace(/\|/g, "\\|");
}

/**
 * A code span that survives backticks in its text, safe in a table cell.
 * @see https://spec.commonmark.org/0.31.2/#code-spans
 */
export function codeCell(text: string): string {
  const fence = "`".repeat(longestRun(text, "`") + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return cellSafe(`${fence}${pad}${text}${pad}${fence}`);
}

/** `[`Name`](./Name.md)`: a link to an entity's page. */
export function pageLink(name: string): string {
  return `[${codeCell(name)}](./${encodeURIComponent(name)}.md)`;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

