import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeProject, REPO_ROOT, runCli } from "./helpers.js";

const script = path.join(REPO_ROOT, "scripts/new-entity.mjs");
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe("scripts/new-entity.mjs", () => {
  it("scaffolds a schema that generates every artifact as it is", async () => {
    const root = await makeProject({});
    const result = await run("BillingAccount", "--root", root);
    expect(result).toEqual({
      code: 0,
      stdout: "new-entity: wrote schemas/billing-account.schema.json; add its fields, then run `npm run generate`\n",
      stderr: "",
    });
    const schema = JSON.parse(await readFile(path.join(root, "schemas/billing-account.schema.json"), "utf8")) as Record<string, unknown>;
    expect(schema["title"]).toBe("BillingAccount");
    const generated = await runCli("generate", "--root", root);
    expect(generated.stderr).toBe("");
    expect(await readFile(path.join(root, "packages/types/src/generated/billing-account.ts"), "utf8")).toContain("export interface BillingAccount {");
  });

  it("refuses a name that is not PascalCase, and never overwrites a schema", async () => {
    const root = await makeProject({});
    expect(await run("billing", "--root", root)).toMatchObject({
      code: 1,
      stderr: 'new-entity: "billing" is not a PascalCase identifier: letters and digits, starting with an upper-case letter\n',
    });
    await run("Billing", "--root", root);
    expect(await run("Billing", "--root", root)).toMatchObject({ code: 1, stderr: "new-entity: schemas/billing.schema.json already exists\n" });
  });
});
