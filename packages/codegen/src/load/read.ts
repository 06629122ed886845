import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The schema sources of a project: `schemas/*.schema.json`, sorted by name. */
export interface RawSchemaFile {
  readonly file: string;
  readonly text: string;
}

export const SCHEMA_DIR = "schemas";
export const SCHEMA_SUFFIX = ".schema.json";

export async function readSchemaFiles(root: string): Promise<RawSchemaFile[]> {
  const dir = path.join(root, SCHEMA_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = names.filter((n) => n.endsWith(SCHEMA_SUFFIX)).sort();
  return Promise.all(
    files.map(async (name) => ({
      file: `${SCHEMA_DIR}/${name}`,
      // Normalise CRLF so a Windows checkout produces the same model and output.
      text: (await readFile(path.join(dir, name), "utf8")).replace(/\r\n/g, "\n"),
    })),
  );
}
