/**
 * JSON pointers (RFC 6901).
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */

export function escapeToken(token: string | number): string {
  const text = String(token);
  // Most tokens need no escaping; pointers are built for every node of every schema.
  return text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text;
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  // A loop, not map + join: called for every node of every sampled value, where the two arrays
  // per call showed in profiles.
  let pointer = base;
  for (const token of tokens) pointer += `/${escapeToken(token)}`;
  return pointer;
}

/** Splits a pointer into unescaped tokens; `""` is the whole document. */
export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => (t.includes("~") ? t.replace(/~1/g, "/").replace(/~0/g, "~") : t));
}

/** Looks a pointer up in a parsed JSON value; `undefined` when nothing is there. */
export function getAtPointer(value: unknown, pointer: string): unknown {
  let node = value;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (node !== null && typeof node === "object" && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}
