/**
 * What `contracts diff` reports. A schema change is judged by the sets of values it accepts, once
 * for each side of the wire: the **read** side (values the server sends; a reader breaks when the
 * set grows) and the **write** side (values a client sends; a client breaks when it shrinks).
 */

export type Side = "read" | "write";
export type Bump = "none" | "patch" | "minor" | "major";

/**
 * How one change moves the accepted-value set of the node it is at. `widened` and `narrowed` are
 * judged per side; the others are the same on both.
 * - `annotation`: no accepted value changes (descriptions, titles, examples, `x-docs`): patch
 * - `additive`: new and safe for everyone who exists (an optional property, an entity): minor
 * - `breaking`: breaks someone whatever the side (a property or entity removed or renamed): major
 * - `incomparable`: the sets cannot be compared exactly (patterns, formats): major, with a reason
 */
export type Effect = "annotation" | "additive" | "breaking" | "incomparable" | "widened" | "narrowed";

/** One change found by a rule, before it is judged per side. */
export interface Finding {
  /** JSON pointer in the entity's schema file (the new file; the old one for removals). */
  readonly pointer: string;
  /** What changed, in a few words: `enum value "paused" added`. */
  readonly change: string;
  readonly effect: Effect;
  /** Why, where the effect alone does not say it (required for `breaking` and `incomparable`). */
  readonly reason?: string;
}

/** A finding at the sides of the wire its node is on (a `readOnly` property is on the read side only). */
export interface SidedFinding extends Finding {
  readonly entity: string;
  readonly sides: readonly Side[];
}

/** One row of the report, as `--json` prints it. `side` is `both` when both sides judge it alike. */
export interface Change {
  readonly entity: string;
  readonly pointer: string;
  readonly change: string;
  readonly bump: Exclude<Bump, "none">;
  readonly side: Side | "both";
  readonly reason: string;
}

export interface DiffReport {
  readonly bump: Bump;
  readonly changes: readonly Change[];
}

export const BOTH_SIDES: readonly Side[] = ["read", "write"];
