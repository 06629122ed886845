import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** Every module of src/ → the src/ modules it imports (static, dynamic and type-only imports alike). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) {
        const text = readFileSync(full, "utf8");
        const targets = [...text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)].map((m) =>
          path.resolve(path.dirname(full), (m[1] as string).replace(/\.js$/, ".ts")),
        );
        graph.set(full, targets);
      }
    }
  };
  walk(SRC);
  return graph;
}

/** Each import cycle once, as the modules on it (relative to src/), from its first module in path order. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (module: string): void => {
    state.set(module, "open");
    stack.push(module);
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === "open") found.push(stack.slice(stack.indexOf(target)).map((m) => path.relative(SRC, m)));
      else if (!state.has(target) && graph.has(target)) visit(target);
    }
    stack.pop();
    state.set(module, "done");
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return found;
}

describe("the codegen's module structure", () => {
  const graph = importGraph();

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("would report one (the check can fail)", () => {
    const a = path.join(SRC, "a.ts");
    const b = path.join(SRC, "b.ts");
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([["a.ts", "b.ts"]]);
  });

  it("keeps no mutable state at module level: no top-level let or var, collections read-only", () => {
    const offending = [...graph.keys()].flatMap((module) =>
      readFileSync(module, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(SRC, module)}:${i + 1}` }))
        .filter(
          ({ line }) =>
            /^(export )?(let|var) /.test(line) ||
            /^(export )?const \w+ = new (Map|Set|WeakMap|WeakSet)\b/.test(line) ||
            /^(export )?const \w+ = \[\];/.test(line),
        )
        .map(({ at, line }) => `${at}: ${line}`),
    );
    expect(offending).toEqual([]);
  });

  it("keeps the core free of the runners, the CLI and the disk", () => {
    const core = [...graph].filter(([module]) => path.relative(SRC, module).startsWith("core/"));
    expect(core.length).toBeGreaterThan(0);
    for (const [module, targets] of core) {
      for (const target of targets) expect(path.relative(SRC, target), path.relative(SRC, module)).not.toMatch(/^(run|cli|write)\//);
      expect(readFileSync(module, "utf8"), path.relative(SRC, module)).not.toMatch(/from "node:(fs|worker_threads|fs\/promises)"/);
    }
  });
});
