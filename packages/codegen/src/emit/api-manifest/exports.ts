import type { Outputs } from "../emitter.js";

/**
 * The names a generated module exports, following its `export * from "./x.js"` re-exports
 * through the other generated modules. Written by hand on purpose: the modules are our own
 * output, printed in a fixed shape (by our templates, oxfmt and openapi-typescript), and the
 * TypeScript parser, the library for this, would be loaded on the main thread for this alone
 * (0.25–0.45 s a run). A test holds the result equal to what the TypeScript checker sees in each
 * built package, so a new shape of export cannot slip past unnoticed.
 */
export function exportedNames(outputs: Outputs, file: string, seen: Set<string> = new Set()): string[] {
  const text = outputs.get(file);
  if (text === undefined || seen.has(file)) return [];
  seen.add(file);
  const names = new Set<string>();
  for (const match of text.matchAll(
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    names.add(match[1]!);
  }
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const spec of match[1]!.split(",")) {
      const parts = spec
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/);
      const name = parts[parts.length - 1]!.trim();
      if (name) names.add(name);
    }
  }
  for (const match of text.matchAll(/^export\s+(?:type\s+)?\*\s+from\s+["']([^"']+)["']/gm)) {
    for (const name of exportedNames(outputs, resolveRelative(file, match[1]!), seen)) names.add(name);
  }
  return [...names];
}

/** `./x.js` from `a/b/index.ts` → `a/b/x.ts` (generated modules import each other by `.js`). */
function resolveRelative(from: string, specifier: string): string {
  const dir = from.split("/").slice(0, -1);
  for (const part of specifier.replace(/\.js$/, ".ts").split("/")) {
    if (part === "..") dir.pop();
    else if (part !== ".") dir.push(part);
  }
  return dir.join("/");
}
