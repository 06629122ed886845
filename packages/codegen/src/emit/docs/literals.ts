import isEs5IdentifierName from "is-es5-identifier-name";

/*
 * TypeScript literals and property keys as prettier prints them (its print-string, print-number and
 * key printers), for the code the docs lay out themselves (see doc.ts). We write every literal with
 * JSON.stringify; prettier then keeps double quotes unless the text holds more double than single
 * quotes, unquotes keys that are ES5 identifier names, and normalizes number spelling.
 */

/** A string literal: JSON's double-quoted form, or single quotes when that needs fewer escapes. */
export function stringLiteral(value: string): string {
  const raw = JSON.stringify(value);
  if (!value.includes('"')) return raw;
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 34) doubles++;
    else if (c === 39) singles++;
  }
  if (doubles <= singles) return raw;
  // prettier's makeString: drop the escapes of `"`, escape `'`, keep every other escape.
  return `'${content.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, quote: string) =>
    escaped !== undefined ? (escaped === '"' ? '"' : match) : quote === "'" ? "\\'" : quote,
  )}'`;
}

/** A number literal: JSON's spelling (`1e+21`) normalized the way prettier does (`1e21`). */
export function numberLiteral(value: number): string {
  const raw = JSON.stringify(value);
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

/** A property key: bare when it is an ES5 identifier name (`café`, `class`), else a string literal. */
export function propertyKeyLiteral(name: string): string {
  return isEs5IdentifierName(name) ? name : stringLiteral(name);
}
