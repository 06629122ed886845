import { createHash } from "node:crypto";
import { atLeast, maxBump } from "./classify.js";
import type { Bump, DiffReport } from "./types.js";

/** A pending changeset as @changesets/parse reads it: the packages it bumps and how far. */
export interface PendingChangeset {
  readonly file: string;
  readonly releases: readonly { readonly name: string; readonly type: string }[];
}

/**
 * The `.changeset/<name>.md` that releases `report` for `packages` (every published package
 * generated from the schemas: each holds every entity), its change list as the summary. The name
 * is a hash of the contents, so the same diff writes the same file again rather than a second one.
 */
export function changesetFor(report: DiffReport, packages: readonly string[], base: string): { name: string; text: string } | undefined {
  if (report.bump === "none" || packages.length === 0) return undefined;
  const front = [...packages].sort().map((name) => `"${name}": ${report.bump}`);
  const lines = report.changes.map((c) => `- ${c.bump} (${c.side}): ${c.entity} \`${c.pointer || "/"}\`: ${c.change}; ${c.reason}`);
  const text = `---\n${front.join("\n")}\n---\n\nSchema changes since ${base} (\`contracts diff\`):\n\n${lines.join("\n")}\n`;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
  return { name: `contracts-diff-${hash}.md`, text };
}

/** What the pending changesets fail to cover: one line per package whose bump is below `needed`. */
export function missingBumps(needed: Bump, packages: readonly string[], pending: readonly PendingChangeset[]): string[] {
  if (needed === "none") return [];
  const given = new Map<string, Bump>();
  for (const changeset of pending) {
    for (const release of changeset.releases) {
      const type = (["patch", "minor", "major"] as const).find((t) => t === release.type) ?? "none";
      given.set(release.name, maxBump(given.get(release.name) ?? "none", type));
    }
  }
  return [...packages]
    .sort()
    .filter((name) => !atLeast(given.get(name) ?? "none", needed))
    .map((name) => `${name}: needs ${needed}, pending changesets give ${given.get(name) ?? "none"}`);
}
