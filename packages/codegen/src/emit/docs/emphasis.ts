/*
 * Emphasis in descriptions, printed as prettier prints it: `*em*` becomes `_em_` (or `*em*` between
 * letters), `__strong__` becomes `**strong**`, and delimiters that could be read as emphasis
 * inside emphasis get a backslash. Without this a description written `*like this*` (or naming
 * `__init__`) would leave a page that `prettier --check` rewrites.
 *
 * The delimiter runs are paired as micromark pairs them (the parser prettier uses:
 * micromark/lib/attention.js, CommonMark "process emphasis"), then printed by the rules of
 * prettier's print/mdast.js ("emphasis", "strong") and print/word.js (`printWord`). Plain
 * `[text](url)` links are handled; prose that holds other inline syntax that could interact with
 * emphasis (HTML, autolinks, images, other links, strikethrough, math, templates) or characters
 * prettier splits words at (CJK) is left as written: `emphasisAware` says which prose this module
 * handles.
 *
 * Why not prettier's markdown formatting of the description (the one library that prints these
 * bytes; mdast-util-to-markdown spells and escapes emphasis its own way): re-measured in session 9,
 * loading prettier and its markdown plugin costs 250-600 ms once per run in the main thread, then
 * 3.5-7 ms a call, and `format` is async where the page renderer is synchronous.
 */

/**
 * `[text](url)` with plain text and a URL that prettier prints as written (no spaces, escapes,
 * entities, parentheses or title): a link whose text is its own scope for emphasis.
 */
export const SIMPLE_LINK = /\[([^[\]`\\<>]*)\]\(([\w/:.#?=%+~-]+)\)/;

/** Prose this module pairs and prints exactly; other prose is passed through unchanged. */
export function emphasisAware(text: string): boolean {
  if (!/[*_]/.test(text)) return false;
  const outsideLinks = text.replace(new RegExp(SIMPLE_LINK.source, "g"), (_, label: string) => `x${label}x`);
  return !text.includes("![") && !/[[\]<>~$@{}\u1100-\uffff]|:\/\/|www\./i.test(outsideLinks);
}

/** An inline piece of a description: text (with escapes), a printed code span, or emphasis. */
export type Inline =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "code"; readonly printed: string }
  | { readonly kind: "link"; readonly children: readonly Inline[]; readonly url: string }
  | { readonly kind: "emphasis" | "strong"; readonly children: readonly Inline[] };

/** A run of `*` or `_`, with whether it may open or close emphasis (CommonMark flanking rules). */
export interface DelimiterRun {
  readonly kind: "run";
  readonly marker: "*" | "_";
  length: number;
  readonly open: boolean;
  readonly close: boolean;
}

type Item = Inline | DelimiterRun;

/** A delimiter run of `text` at `start..end`, classified by its neighbours in the source. */
export function delimiterRun(text: string, start: number, end: number): DelimiterRun {
  const marker = text[start] as "*" | "_";
  const before = classify(text[start - 1]);
  const after = classify(text[end]);
  const leftFlanking = after === "other" || (after === "punctuation" && before !== "other");
  const rightFlanking = before === "other" || (before === "punctuation" && after !== "other");
  return {
    kind: "run",
    marker,
    length: end - start,
    open: marker === "*" ? leftFlanking : leftFlanking && (before !== "other" || !rightFlanking),
    close: marker === "*" ? rightFlanking : rightFlanking && (after !== "other" || !leftFlanking),
  };
}

/** micromark's classifyCharacter, per UTF-16 code unit as micromark reads the text. */
function classify(char: string | undefined): "whitespace" | "punctuation" | "other" {
  if (char === undefined || /\s/.test(char)) return "whitespace";
  return /\p{P}|\p{S}/u.test(char) ? "punctuation" : "other";
}

/** Pairs the runs into emphasis and strong nodes (micromark's resolveAllAttention). */
export function resolveEmphasis(items: readonly Item[]): Inline[] {
  const list: Item[] = items.map((item) => (item.kind === "run" ? { ...item } : item));
  for (let r = 0; r < list.length; r++) {
    const closer = list[r] as Item;
    if (closer.kind !== "run" || !closer.close) continue;
    for (let i = r - 1; i >= 0; i--) {
      const opener = list[i] as Item;
      if (opener.kind !== "run" || !opener.open || opener.marker !== closer.marker) continue;
      // The "rule of 3": a run that can both open and close pairs only with one of fitting length.
      if ((opener.close || closer.open) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0) continue;
      const use = opener.length > 1 && closer.length > 1 ? 2 : 1;
      const node: Inline = { kind: use === 2 ? "strong" : "emphasis", children: list.slice(i + 1, r).map(asInline) };
      opener.length -= use;
      closer.length -= use;
      list.splice(i, r - i + 1, ...(opener.length > 0 ? [opener] : []), node, ...(closer.length > 0 ? [closer] : []));
      r = opener.length > 0 ? i + 1 : i; // the loop moves on to what remains of the closer, if anything
      break;
    }
  }
  return list.map(asInline);
}

/** An unpaired run is literal text. */
function asInline(item: Item): Inline {
  return item.kind === "run" ? { kind: "text", text: item.marker.repeat(item.length) } : item;
}

/*
 * Printing. prettier splits text into sentences (the text between other inline nodes) of words
 * and whitespace; a word outside emphasis prints as written, inside emphasis it is escaped where
 * it could open or close emphasis itself.
 */

const PUNCTUATION = /[!-/:-@[-`{-~\u3000\uff5e]|[\p{Pc}\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u;
const WHITESPACE = /[\p{Zs}\t\n\f\r]/u;

interface Sentence {
  readonly kind: "sentence";
  readonly words: readonly { readonly kind: "word" | "whitespace"; readonly value: string }[];
}
type Printable = Sentence | Exclude<Inline, { kind: "text" }>;

/** Where a node is printed: inside which emphasis, and what its parent is. */
interface Context {
  readonly inEmphasis: boolean;
  readonly inStrong: boolean;
  /** The parent is emphasis or strong (not a link in one). */
  readonly parentIsEmphasis: boolean;
  readonly parentIsStrongBesideWord: boolean;
}

/** The inline nodes as prettier prints them. */
export function printInlines(nodes: readonly Inline[]): string {
  return printChildren(nodes, { inEmphasis: false, inStrong: false, parentIsEmphasis: false, parentIsStrongBesideWord: false });
}

function printChildren(nodes: readonly Inline[], context: Context): string {
  const siblings = sentences(nodes);
  return siblings.map((_, index) => print(siblings, index, context)).join("");
}

/** Adjacent text nodes make one sentence, split into words at runs of spaces, tabs and newlines. */
function sentences(nodes: readonly Inline[]): Printable[] {
  const out: Printable[] = [];
  let text: string | undefined;
  const flush = () => {
    if (text === undefined) return;
    const tokens = text.split(/([\t\n ]+)/);
    const words = tokens
      .map((value, i) => ({ kind: i % 2 === 1 ? ("whitespace" as const) : ("word" as const), value: i % 2 === 1 ? " " : value }))
      .filter((node, i) => !(node.kind === "word" && node.value === "" && (i === 0 || i === tokens.length - 1)));
    out.push({ kind: "sentence", words });
    text = undefined;
  };
  for (const node of nodes) {
    if (node.kind === "text") text = (text ?? "") + node.text;
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

function print(siblings: readonly Printable[], index: number, context: Context): string {
  const node = siblings[index] as Printable;
  switch (node.kind) {
    case "code":
      return node.printed;
    case "link":
      return `[${printChildren(node.children, { ...context, parentIsEmphasis: false, parentIsStrongBesideWord: false })}](${node.url})`;
    case "strong":
      return `**${printChildren(node.children, { ...context, inStrong: true, parentIsEmphasis: true, parentIsStrongBesideWord: besideWord(siblings, index) })}**`;
    case "emphasis": {
      const style = besideWord(siblings, index) || context.parentIsStrongBesideWord || context.inEmphasis ? "*" : "_";
      return `${style}${printChildren(node.children, { inEmphasis: true, inStrong: context.inStrong, parentIsEmphasis: true, parentIsStrongBesideWord: false })}${style}`;
    }
    case "sentence":
      return node.words
        .map((word, i) => {
          if (word.kind === "whitespace" || !(context.inEmphasis || context.inStrong)) return word.value;
          return printWord(word.value, i === 0 && index === 0 && context.parentIsEmphasis, node.words[i - 1]?.value, node.words[i + 1]?.value);
        })
        .join("");
  }
}

/** prettier's prevOrNextWord: a word touches the node with neither space nor punctuation between. */
function besideWord(siblings: readonly Printable[], index: number): boolean {
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const last = previous?.kind === "sentence" ? previous.words.at(-1) : undefined;
  const first = next?.kind === "sentence" ? next.words[0] : undefined;
  return (
    (last?.kind === "word" && !PUNCTUATION.test(last.value.at(-1) ?? "") && !WHITESPACE.test(last.value.at(-1) ?? "")) ||
    (first?.kind === "word" && !PUNCTUATION.test(first.value[0] ?? "") && !WHITESPACE.test(first.value[0] ?? ""))
  );
}

/** prettier's printWord inside emphasis or strong (print/word.js). */
function printWord(word: string, isFirst: boolean, previous: string | undefined, next: string | undefined): string {
  const text = isFirst && (word.startsWith("*") || word.startsWith("_")) ? `\\${word}` : word;
  return text.replace(/(\\+|^|.)(\*+|_+)($|.)/g, (match, preceding: string, run: string, following: string) => {
    if (/^\\+$/.test(preceding) && preceding.length % 2 === 1) return match; // already escaped
    return canOpenOrClose(preceding.at(-1) || previous?.at(-1), run, following[0] || next?.[0]) ? `${preceding}\\${run}${following}` : match;
  });
}

function canOpenOrClose(preceding: string | undefined, run: string, following: string | undefined): boolean {
  if (!preceding || !following) return false;
  const followedByWhitespace = WHITESPACE.test(following);
  const precededByWhitespace = WHITESPACE.test(preceding);
  const followedByPunctuation = PUNCTUATION.test(following);
  const precededByPunctuation = PUNCTUATION.test(preceding);
  const leftFlanking = !followedByWhitespace && (!followedByPunctuation || precededByWhitespace || precededByPunctuation);
  const rightFlanking = !precededByWhitespace && (!precededByPunctuation || followedByWhitespace || followedByPunctuation);
  if (run[0] === "*") return leftFlanking || rightFlanking;
  if (leftFlanking) return !rightFlanking || precededByPunctuation;
  if (rightFlanking) return !leftFlanking || followedByPunctuation;
  return false;
}
