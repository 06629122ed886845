import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { canonicalSchema, CANONICAL_FILE } from "./helpers.js";

export const PACKAGES = ["types", "validators", "openapi", "fixtures", "docs"];

/** A git repository holding the real schema (committed on `main`) and the five generated packages' package.json. */
export async function repo(): Promise<{ root: string; git: (...args: string[]) => string; edit: (f: (s: any) => void) => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "contracts-diff-"));
  const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  await mkdir(path.join(root, "schemas"));
  await mkdir(path.join(root, ".changeset"));
  await writeFile(path.join(root, ".changeset/README.md"), "changesets\n");
  for (const p of PACKAGES) {
    await mkdir(path.join(root, "packages", p), { recursive: true });
    await writeFile(path.join(root, "packages", p, "package.json"), JSON.stringify({ name: `@contracts/${p}`, version: "0.1.0" }));
  }
  const file = path.join(root, "schemas", CANONICAL_FILE);
  await writeFile(file, `${JSON.stringify(await canonicalSchema(), null, 2)}\n`);
  git("add", "-A");
  git("commit", "-qm", "base");
  const edit = async (f: (s: any) => void) => {
    const schema = JSON.parse(await readFile(file, "utf8"));
    f(schema);
    await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
  };
  return { root, git, edit };
}
