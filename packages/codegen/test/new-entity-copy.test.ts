import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, runIn } from "../../../scripts/project-copy.mjs";
import { REPO_ROOT } from "./helpers.js";

/**
 * The README promises that adding an entity needs no edit beyond its schema: here a user does it
 * in a temporary copy of this repository (node_modules linked, no second install), runs
 * `npm run new-entity -- BillingAccount`, adds four fields, generates, and the packages that hold
 * every entity build, type-check and pass their tests.
 *
 * Not the whole `npm test` in the copy: run twice, the suite would not fit its 10-minute budget
 * (with every suite of the five packages this file cost 96 s of CPU; with the subset, 56 s). An added schema
 * changes generated files only, so what runs is what reads them: `contracts check` over the
 * copy, the codegen's test of the published API manifest, and the five generated packages'
 * typecheck (where an entity union breaks a test's types) and test suites, less the
 * suites listed in CANONICAL_ONLY below, which read no generated entity but ConnectorWithStatus
 * (or a project of their own) and so judge the same code with or without a new entity. Also left
 * out: the codegen's other suites (throw-away projects), examples/connectors-api
 * (ConnectorWithStatus alone), and the docs site and consumer tests, which list every entity but
 * are slow (Chromium, npm pack and install) and prove it on projects of their own: the docs site's
 * copy with three entities; the consumer test derives the entity list from schemas/.
 */
const PACKAGES = ["types", "validators", "openapi", "fixtures", "docs"] as const;

/** Suites that only judge ConnectorWithStatus, or a project they generate themselves: see above. */
const CANONICAL_ONLY: Partial<Record<(typeof PACKAGES)[number], readonly string[]>> = {
  // hand-written ConnectorWithStatus values compiled against its type
  types: ["test/types.test.ts"],
  // fast-check against Ajv on ConnectorWithStatus; the static type of ConnectorWithStatus; a
  // scenario project of three schemas of its own; formats on hand-built schemas; other realms'
  // ConnectorWithStatus values
  validators: ["test/differential.test.ts", "test/static-type.test.ts", "test/scenario.test.ts", "test/formats.test.ts", "test/realms.test.ts"],
  // ConnectorWithStatus samples judged by both documents; its OpenAPI type against @contracts/types
  openapi: ["test/verdicts.test.ts", "test/types.test.ts"],
};

let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), "contracts-new-entity-"));
  copyProject(REPO_ROOT, project);
  await runIn(project, "npm", ["run", "new-entity", "--", "BillingAccount"]);
  const file = path.join(project, "schemas/billing-account.schema.json");
  const schema = JSON.parse(await readFile(file, "utf8")) as { properties: Record<string, unknown>; required: string[] };
  // Four fields of different kinds, as a user would write them: bounds, an enum, a nullable
  // format, an array of closed objects.
  Object.assign(schema.properties, {
    name: { type: "string", minLength: 1, maxLength: 80, description: "What the account is called on invoices." },
    balanceCents: { type: "integer", minimum: 0, description: "What the account owes, in cents." },
    currency: { enum: ["usd", "eur", "gbp"], description: "The currency of every amount." },
    contacts: {
      type: "array",
      description: "Who receives the invoices.",
      items: {
        type: "object",
        properties: { email: { type: "string", format: "email" }, phone: { type: ["string", "null"] } },
        required: ["email"],
        additionalProperties: false,
      },
    },
  });
  schema.required.push("name", "balanceCents", "currency");
  await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
  await runIn(project, process.execPath, ["packages/codegen/bin/contracts.js", "generate", "--no-frozen"]);
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe("a new entity added with new-entity, in a copy of the repository", () => {
  it("is generated into every package, and contracts check finds nothing stale", async () => {
    for (const file of [
      "packages/types/src/generated/billing-account.ts",
      "packages/validators/src/generated/billing-account.ts",
      "packages/docs/pages/BillingAccount.md",
    ]) {
      await expect(readFile(path.join(project, file), "utf8"), file).resolves.toContain("BillingAccount");
    }
    const { stdout } = await runIn(project, process.execPath, ["packages/codegen/bin/contracts.js", "check"]);
    expect(stdout).toMatch(/^contracts check: \d+ generated files up to date/);
  });

  it("leaves the API manifest test green", async () => {
    await runIn(path.join(project, "packages/codegen"), "npx", ["vitest", "run", "test/api-manifest.test.ts"]);
  });

  // In dependency order: each package type-checks against the built declarations of the ones
  // before it (the copy's, by workspace link); only those that others import are built.
  it.each(PACKAGES)(
    "leaves @contracts/%s type-checking and testing green",
    async (name) => {
      const dir = path.join(project, "packages", name);
      if (name === "types" || name === "validators") await runIn(dir, "npm", ["run", "build"]);
      await runIn(dir, "npm", ["run", "typecheck"]);
      const excluded = CANONICAL_ONLY[name] ?? [];
      // Through the package's test script, which also leaves out what contracts.config.json turns off.
      await runIn(dir, "npm", ["test", "--", "--passWithNoTests", ...excluded.flatMap((file) => ["--exclude", file])]);
    },
    600_000,
  );
});
