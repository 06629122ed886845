import { readdirSync, readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { openapi30, openapi31 } from "../src/index.js";
import { targetOn } from "../../../scripts/targets.mjs";

const read = (file: string) => readFileSync(new URL(`../generated/${file}`, import.meta.url), "utf8");
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
};

/**
 * What the repository's schemas declare, read from the files themselves (not from the codegen):
 * each file's entity (its title) and the definitions under its "$defs" (a title, else the key).
 */
const schemasDir = new URL("../../../schemas/", import.meta.url);
const declared = readdirSync(schemasDir)
  .filter((file) => file.endsWith(".schema.json"))
  .map((file) => JSON.parse(readFileSync(new URL(file, schemasDir), "utf8")) as { title: string; $defs?: Record<string, { title?: unknown }> });
const entityNames = declared.map((schema) => schema.title);
/** Entities with a readOnly or writeOnly property at the top level (each has an Input and a Patch view). */
const viewed = declared
  .filter((schema) =>
    Object.values((schema as { properties?: Record<string, { readOnly?: unknown; writeOnly?: unknown }> }).properties ?? {}).some(
      (p) => p.readOnly === true || p.writeOnly === true,
    ),
  )
  .map((schema) => schema.title);
const definitionNames = declared.flatMap((schema) =>
  Object.entries(schema.$defs ?? {}).map(([key, definition]) => (typeof definition.title === "string" ? definition.title : key)),
);

const documents = [
  { target: "openapi31", version: "3.1", json: "openapi.json", yaml: "openapi.yaml", typed: openapi31 },
  { target: "openapi30", version: "3.0", json: "openapi-3.0.json", yaml: "openapi-3.0.yaml", typed: openapi30 },
] as const;

/** A document as read from its JSON file. */
interface Document {
  components: { schemas: Record<string, unknown> };
  paths: unknown;
  info: { title: string; version: string };
}

// A document contracts.config.json turns off is not written: its tests do not run (test/targets.test.ts checks the package then).
for (const { target, version, json, yaml, typed } of documents)
  describe.runIf(targetOn(target))(`the OpenAPI ${version} document`, () => {
    // Read only where the suite runs: an off document is not written.
    let document: Document;
    beforeAll(() => {
      document = JSON.parse(read(json)) as Document;
    });

    it("is a valid OpenAPI document (zero validator errors)", async () => {
      const validator = new Validator();
      const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe(version);
    });

    it("has the YAML twin equal to the JSON, and the typed module equal to both", () => {
      expect(parse(read(yaml))).toEqual(document);
      expect(typed).toEqual(document);
    });

    it("holds every entity under components/schemas, sorted, no paths, info from this package", () => {
      const names = Object.keys(document.components.schemas);
      expect(entityNames.length).toBeGreaterThan(0);
      for (const entity of entityNames) expect(names, `components/schemas lacks the entity ${entity}`).toContain(entity);
      // An entity with a readOnly or writeOnly property has its write views (XInput, XPatch) beside it.
      for (const entity of viewed)
        for (const view of [`${entity}Input`, `${entity}Patch`]) expect(names, `components/schemas lacks the view ${view}`).toContain(view);
      // Anything else is a definition one of the schemas declares, or a view of one.
      const views = [...entityNames, ...definitionNames].flatMap((n) => [`${n}Input`, `${n}Patch`]);
      expect(names.filter((name) => !entityNames.includes(name) && !definitionNames.includes(name) && !views.includes(name))).toEqual([]);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(document.paths).toEqual({});
      expect(
        { title: document.info.title, version: document.info.version },
        "info drifted from package.json (generate reads it): run npm run generate",
      ).toEqual({
        title: pkg.name,
        version: pkg.version,
      });
    });

    it("does not publish the codegen's own x-docs metadata", () => {
      expect(read(json)).not.toContain("x-docs");
      expect(read(yaml)).not.toContain("x-docs");
    });

    it("is reachable through the package exports", () => {
      expect(pkg.exports[`./${json}`]).toBe(`./generated/${json}`);
      expect(pkg.exports[`./${yaml}`]).toBe(`./generated/${yaml}`);
    });
  });

it.runIf(targetOn("openapi30"))("3.0 uses no 2020-12 construct: no type arrays, no null type, no const, no examples, no $defs", () => {
  const text = read("openapi-3.0.json");
  const document = JSON.parse(text) as { components: { schemas: { ConnectorWithStatus: { properties: { server: { properties: { status: unknown } } } } } } };
  const found: string[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`));
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (["const", "examples", "$defs", "$id", "$schema"].includes(key) || (key === "type" && (Array.isArray(value) || value === "null")))
        found.push(`${path}/${key}`);
      if (key !== "enum") visit(value, `${path}/${key}`);
    }
  };
  visit(document, "");
  expect(found).toEqual([]);
  expect(document.components.schemas.ConnectorWithStatus.properties.server).toMatchObject({ type: "object", nullable: true });
  expect(document.components.schemas.ConnectorWithStatus.properties.server.properties.status).toEqual({
    type: "string",
    nullable: true,
    enum: ["error", "connected", "disconnected", null],
  });
});
