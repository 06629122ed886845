import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { atEdge, environmentError } from "../errors.js";

/** The schema sources of a project: `schemas/*.schema.json`, sorted by name. */
export interface RawSchemaFile {
  readonly file: string;
  readonly text: string;
}

export const SCHEMA_DIR = "schemas";
export const SCHEMA_SUFFIX = ".schema.json";

/**
 * Synchronous, as is all of a run's file I/O: a run has nothing to do while it waits on the
 * disk, and one synchronous call after another measured 2–3x faster than promises (each a
 * round trip through libuv's thread pool) for a project's hundreds of small files.
 */
export function readSchemaFiles(root: string): RawSchemaFile[] {
  const dir = path.join(root, SCHEMA_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw environmentError(error, "list", dir, root);
  }
  const files = names.filter((n) => n.endsWith(SCHEMA_SUFFIX)).sort();
  return files.map((name) => {
    const file = path.join(dir, name);
    return {
      file: `${SCHEMA_DIR}/${name}`,
      // Normalise CRLF so a Windows checkout produces the same model and output.
      text: atEdge("read", file, root, () => readFileSync(file, "utf8")).replace(/\r\n/g, "\n"),
    };
  });
}
