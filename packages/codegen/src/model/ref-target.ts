/** Where a `$ref` leads: a file of the project and a JSON pointer in it. */
export interface RefTarget {
  readonly file: string;
  readonly pointer: string;
}

/**
 * A `$ref` resolved (`model/refs.ts`), or why it cannot be. `via`: how the target was found, as
 * every JSON Schema tool would (`"uri"`), or by the referring file's path only (`"file"`).
 */
export type RefResolution = { ok: true; target: RefTarget; via: "uri" | "file" } | { ok: false; reason: string; hint: string };
