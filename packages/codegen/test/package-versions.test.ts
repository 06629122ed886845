import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalSchema, CANONICAL_FILE, makeProject, runCli } from "./helpers.js";

/** `changeset version` bumps packages/openapi/package.json; the documents' info.version must follow. */
describe("package versions in generated files", () => {
  it("OpenAPI info.version is read from packages/openapi/package.json at generate time, and check sees a bump", async () => {
    const root = await makeProject({ [CANONICAL_FILE]: await canonicalSchema() });
    const pkg = path.join(root, "packages/openapi/package.json");
    await mkdir(path.dirname(pkg), { recursive: true });
    await writeFile(pkg, JSON.stringify({ name: "@acme/openapi", version: "1.4.0" }));
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    const info = async () =>
      (JSON.parse(await readFile(path.join(root, "packages/openapi/generated/openapi.json"), "utf8")) as { info: { title: string; version: string } }).info;
    expect(await info()).toMatchObject({ title: "@acme/openapi", version: "1.4.0" });
    await writeFile(pkg, JSON.stringify({ name: "@acme/openapi", version: "2.0.0" }));
    const check = await runCli("check", "--root", root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("  changed  packages/openapi/generated/openapi.json");
    expect(check.stderr).toContain("  changed  packages/openapi/src/generated/documents.ts");
    // A cached run must not serve the old documents either.
    expect((await runCli("generate", "--root", root)).code).toBe(0);
    expect(await info()).toMatchObject({ version: "2.0.0" });
    const yaml = await readFile(path.join(root, "packages/openapi/generated/openapi-3.0.yaml"), "utf8");
    expect(yaml).toContain("version: 2.0.0");
  });
});
