import type { ApiManifest } from "../emit/api-manifest/index.js";
import { joinPointer } from "../load/pointer.js";
import { BOTH_SIDES, type SidedFinding } from "./types.js";

/**
 * The generated API surface compared: a name a package no longer exports breaks its importers
 * (a rename is one removed and one added), a new one is minor. `packageName` turns a manifest key
 * (the package's directory) into the name users import.
 */
export function diffManifests(before: ApiManifest, after: ApiManifest, packageName: (dir: string) => string = (d) => d): SidedFinding[] {
  const out: SidedFinding[] = [];
  const dirs = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const dir of dirs) {
    const entity = packageName(dir);
    for (const list of ["exports", "components", "files"] as const) {
      const a = new Set(before[dir]?.[list] ?? []);
      const b = new Set(after[dir]?.[list] ?? []);
      const what = list === "exports" ? "export" : list === "components" ? "OpenAPI component" : "file";
      for (const name of a) {
        if (!b.has(name))
          out.push({
            entity,
            pointer: joinPointer("", dir, list, name),
            change: `${what} ${name} removed`,
            effect: "breaking",
            reason: `code that imports ${name} from ${entity} breaks (a rename is a removal and an addition)`,
            sides: BOTH_SIDES,
          });
      }
      for (const name of b) {
        if (!a.has(name))
          out.push({
            entity,
            pointer: joinPointer("", dir, list, name),
            change: `${what} ${name} added`,
            effect: "additive",
            reason: `a new ${what} of ${entity}`,
            sides: BOTH_SIDES,
          });
      }
    }
  }
  return out;
}
