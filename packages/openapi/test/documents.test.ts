import { readdirSync, readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { openapi30, openapi31 } from "../src/index.js";

const read = (file: string) => readFileSync(new URL(`../generated/${file}`, import.meta.url), "utf8");
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
};

/** The entity names of the repository's schemas (their titles): every one is a component. */
const schemasDir = new URL("../../../schemas/", import.meta.url);
const entityNames = readdirSync(schemasDir)
  .filter((f) => f.endsWith(".schema.json"))
  .map((f) => (JSON.parse(readFileSync(new URL(f, schemasDir), "utf8")) as { title: string }).title);

const documents = [
  { version: "3.1", json: "openapi.json", yaml: "openapi.yaml", typed: openapi31 },
  { version: "3.0", json: "openapi-3.0.json", yaml: "openapi-3.0.yaml", typed: openapi30 },
] as const;

describe.each(documents)("the OpenAPI $version document", ({ version, json, yaml, typed }) => {
  const document = JSON.parse(read(json)) as typeof typed;

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

  it("holds every entity under components/schemas (sorted by name), no paths, info from this package", () => {
    const names = Object.keys(document.components.schemas);
    expect(names).toEqual(expect.arrayContaining([...entityNames, "ConnectorWithStatus"]));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(document.paths).toEqual({});
    expect({ title: document.info.title, version: document.info.version }, "info drifted from package.json (generate reads it): run npm run generate").toEqual({
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

it("3.0 uses no 2020-12 construct: no type arrays, no null type, no const, no examples, no $defs", () => {
  const text = read("openapi-3.0.json");
  const document = JSON.parse(text) as unknown;
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
  expect(openapi30.components.schemas.ConnectorWithStatus.properties.server).toMatchObject({ type: "object", nullable: true });
  expect(openapi30.components.schemas.ConnectorWithStatus.properties.server.properties.status).toEqual({
    type: "string",
    nullable: true,
    enum: ["error", "connected", "disconnected", null],
  });
});
