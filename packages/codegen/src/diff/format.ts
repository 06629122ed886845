import type { DiffReport } from "./types.js";

/** The report as a table for a terminal: one row per change, columns padded, then the bump. */
export function formatReport(report: DiffReport, base: string): string {
  if (report.changes.length === 0) return `contracts diff: no schema change since ${base} (bump: none)`;
  const header = ["bump", "side", "entity", "pointer", "change", "reason"];
  const rows = report.changes.map((c) => [c.bump, c.side, c.entity, c.pointer || "/", c.change, c.reason]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell))
      .join("  ")
      .trimEnd();
  const n = report.changes.length;
  return [`contracts diff: ${n} change${n === 1 ? "" : "s"} since ${base}; bump: ${report.bump}`, "", line(header), ...rows.map(line)].join("\n");
}
