import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PublishedPackage } from "../model/types.js";

/**
 * The package.json (name and version) of each package the outputs go into: the directory two
 * levels above each output root (`packages/openapi` for `packages/openapi/generated`). Read at
 * load, like the schemas, so emitters stay pure and a version `changeset version` bumps reaches
 * the generated files (OpenAPI `info.version`) on the next generate, and `check` sees it.
 */
export function readPublishedPackages(root: string, outputRoots: readonly string[]): Record<string, PublishedPackage> {
  const out: Record<string, PublishedPackage> = {};
  for (const dir of [...new Set(outputRoots.map((r) => r.split("/").slice(0, 2).join("/")))].sort()) {
    const file = path.join(root, dir, "package.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
    if (typeof json.name === "string" && typeof json.version === "string") out[dir] = { name: json.name, version: json.version };
  }
  return out;
}
