import { InternalError } from "../../errors.js";

/**
 * Lays out a module's declarations as json-schema-to-typescript leaves them with `format: false`
 * (no indentation, no semicolons, every union in parentheses) with oxfmt, in the layout prettier
 * gave them when json2ts formatted each declaration itself.
 *
 * Why oxfmt: prettier was 70% of this emitter's time, and oxfmt (Rust, prettier-compatible) was
 * the cheapest of the layouts tried, prettier included (figures in the README's "Measured
 * decisions"). Its output is prettier's on the committed modules and the synthetic ones; the one
 * difference seen: a union after a property name too long to share its line is split one member
 * a line, where prettier moved it whole to the next line.
 * Its version is pinned exactly: a formatter upgrade may move a line, and that must show up as a
 * reviewed change of the generated files, never as a drift.
 */
/** prettier's defaults at the repository's 100 columns, as oxfmt takes them (also the docs' pages.ts). */
export const OXFMT_OPTIONS = {
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  endOfLine: "lf",
} as const;

export async function printDeclarations(source: string): Promise<string> {
  // Loaded on first use, like json2ts (the CLI's worker thread loads both ahead, by `prepare`).
  const { format } = await import("oxfmt");
  const { code, errors } = await format("types.ts", source, OXFMT_OPTIONS);
  if (errors.length > 0) {
    throw new InternalError(
      `json-schema-to-typescript printed TypeScript that does not parse:\n${errors.map((e) => e.codeframe ?? e.message).join("\n")}\n${source}`,
    );
  }
  return code;
}
