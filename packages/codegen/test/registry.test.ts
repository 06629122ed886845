import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivedTargets, emitters } from "../src/emit/index.js";
import { REPO_ROOT } from "./helpers.js";

const roots = [...emitters, ...derivedTargets].flatMap((e) => e.outputRoots);

/** A .gitattributes pattern as a regular expression (`*` within a segment, `**` across them). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("**")
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

describe("the emitter registry is the one list of what is generated", () => {
  it("every emitter has a unique name and owns directories no other emitter owns", () => {
    expect(new Set(emitters.map((e) => e.name)).size).toBe(emitters.length);
    expect(new Set(roots).size).toBe(roots.length);
    for (const a of roots) for (const b of roots) if (a !== b) expect(a.startsWith(`${b}/`), `${a} inside ${b}`).toBe(false);
  });

  it("turbo.json's codegen task lists exactly the emitters' output roots", () => {
    const turbo = JSON.parse(readFileSync(path.join(REPO_ROOT, "turbo.json"), "utf8")) as { tasks: Record<string, { outputs?: string[] }> };
    expect([...(turbo.tasks["//#codegen"]?.outputs ?? [])].sort()).toEqual(roots.map((r) => `${r}/**`).sort());
  });

  it(".gitattributes marks every output root generated, and nothing else", () => {
    const patterns = readFileSync(path.join(REPO_ROOT, ".gitattributes"), "utf8")
      .split("\n")
      .filter((line) => line.includes("linguist-generated=true"))
      .map((line) => line.split(/\s+/)[0] as string);
    const matches = (pattern: string, root: string) => globToRegExp(pattern).test(`${root}/any-file`);
    for (const root of roots)
      expect(
        patterns.some((p) => matches(p, root)),
        `${root} is not marked`,
      ).toBe(true);
    for (const pattern of patterns)
      expect(
        roots.some((r) => matches(pattern, r)),
        `${pattern} marks no output root`,
      ).toBe(true);
  });

  it("every emitter declares where its entity steps run and which libraries shape its output", () => {
    for (const emitter of emitters) {
      expect(["main", "worker"]).toContain(emitter.thread);
      for (const library of emitter.libraries) expect(() => import.meta.resolve(library), library).not.toThrow();
    }
  });
});
