import { compareCodeUnits } from "../errors.js";
import type { Bump, Change, DiffReport, Effect, Side, SidedFinding } from "./types.js";

const ORDER: readonly Bump[] = ["none", "patch", "minor", "major"];

export function maxBump(a: Bump, b: Bump): Bump {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** `given` releases at least `needed` (`none` < `patch` < `minor` < `major`). */
export function atLeast(given: Bump, needed: Bump): boolean {
  return ORDER.indexOf(given) >= ORDER.indexOf(needed);
}

/** The semver level of an effect on one side, and why. */
export function judge(effect: Effect, side: Side, reason: string | undefined): { bump: Exclude<Bump, "none">; reason: string } {
  switch (effect) {
    case "annotation":
      return { bump: "patch", reason: reason ?? "no accepted value changes" };
    case "additive":
      return { bump: "minor", reason: reason ?? "new, and every existing value and consumer stays valid" };
    case "breaking":
    case "incomparable":
      return { bump: "major", reason: reason ?? "can break existing consumers" };
    case "widened":
      return side === "read"
        ? { bump: "major", reason: reason ?? "readers may receive values they were not written for" }
        : { bump: "minor", reason: reason ?? "clients may send more; every value accepted before still is" };
    case "narrowed":
      return side === "read"
        ? { bump: "minor", reason: reason ?? "readers receive a subset of the values they handle" }
        : { bump: "major", reason: reason ?? "values clients sent before may now be rejected" };
  }
}

/**
 * Findings judged per side and sorted; a finding judged alike on both sides is one `both` row.
 * The report's bump is the highest of its rows (`none` without any).
 */
export function report(findings: readonly SidedFinding[]): DiffReport {
  const changes: Change[] = [];
  for (const finding of findings) {
    const judged = finding.sides.map((side) => ({ side, ...judge(finding.effect, side, finding.reason) }));
    const [first, second] = judged;
    if (!first) continue;
    const base = { entity: finding.entity, pointer: finding.pointer, change: finding.change };
    if (second && second.bump === first.bump && second.reason === first.reason) {
      changes.push({ ...base, bump: first.bump, side: "both", reason: first.reason });
    } else {
      for (const j of judged) changes.push({ ...base, bump: j.bump, side: j.side, reason: j.reason });
    }
  }
  changes.sort(
    (a, b) =>
      compareCodeUnits(a.entity, b.entity) ||
      compareCodeUnits(a.pointer, b.pointer) ||
      compareCodeUnits(a.change, b.change) ||
      compareCodeUnits(a.side, b.side),
  );
  return { bump: changes.reduce<Bump>((bump, c) => maxBump(bump, c.bump), "none"), changes };
}
