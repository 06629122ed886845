import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { formatProblem, SchemaProblems } from "../../src/errors.js";
import { openapiEmitter } from "../../src/emit/openapi/index.js";
import { typesEmitter } from "../../src/emit/types/index.js";
import { generateWith } from "../helpers.js";

const BASE = "https://contracts.dev/schemas";
const entity = (slug: string, title: string, schema: object) => ({
  file: `schemas/${slug}.schema.json`,
  text: `${JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}/${slug}.schema.json`, title, ...schema }, null, 2)}\n`,
});

/** Entities that are not objects: each a type alias and an OpenAPI component. */
const files = [
  entity("content-block", "ContentBlock", {
    description: "One block of a message.",
    oneOf: [{ $ref: "#/$defs/TextBlock" }, { $ref: "#/$defs/ImageBlock" }, { $ref: "#/$defs/AudioBlock" }],
    $defs: {
      TextBlock: { type: "object", properties: { type: { const: "text" }, text: { type: "string" } }, required: ["type", "text"], additionalProperties: false },
      ImageBlock: {
        type: "object",
        properties: { type: { const: "image" }, data: { type: "string" } },
        required: ["type", "data"],
        additionalProperties: false,
      },
      AudioBlock: {
        type: "object",
        properties: { type: { const: "audio" }, data: { type: "string" } },
        required: ["type", "data"],
        additionalProperties: false,
      },
    },
  }),
  entity("role", "Role", { enum: ["user", "assistant"] }),
  entity("user-id", "UserId", { type: "string", pattern: "^usr_[a-z0-9]+$" }),
  entity("tags", "Tags", { type: "array", items: { type: "string" }, uniqueItems: true }),
];
const point = entity("point", "Point", { type: "array", prefixItems: [{ type: "number" }, { type: "number" }], items: false, minItems: 2 });

describe("non-object entities", async () => {
  const outputs = await generateWith([typesEmitter, openapiEmitter], files);
  const types = (slug: string) => outputs.get(`packages/types/src/generated/${slug}.ts`) ?? "";
  const oas31 = JSON.parse(outputs.get("packages/openapi/generated/openapi.json") ?? "{}");
  const oas30 = JSON.parse(outputs.get("packages/openapi/generated/openapi-3.0.json") ?? "{}");

  it("get a type alias each", () => {
    expect(types("content-block")).toContain("/**\n * One block of a message.\n */\nexport type ContentBlock = TextBlock | ImageBlock | AudioBlock;");
    expect(types("role")).toContain('export type Role = "user" | "assistant";');
    expect(types("user-id")).toContain("export type UserId = string;");
    expect(types("tags")).toContain("export type Tags = string[];");
  });

  it("get an OpenAPI component each, in both documents; the tagged union a 3.0 discriminator", async () => {
    expect(Object.keys(oas31.components.schemas)).toEqual(["AudioBlock", "ContentBlock", "ImageBlock", "Role", "Tags", "TextBlock", "UserId"]);
    expect(oas31.components.schemas.Role).toEqual({ enum: ["user", "assistant"], title: "Role" });
    expect(oas30.components.schemas.ContentBlock.discriminator).toEqual({
      mapping: { audio: "#/components/schemas/AudioBlock", image: "#/components/schemas/ImageBlock", text: "#/components/schemas/TextBlock" },
      propertyName: "type",
    });
    const validator = new Validator();
    expect((await validator.validate(oas31)).errors ?? []).toEqual([]);
    expect((await validator.validate(oas30)).errors ?? []).toEqual([]);
  });

  it("a tuple entity: a tuple type, and for OpenAPI 3.0 a located problem naming the construct", async () => {
    const typed = await generateWith([typesEmitter], [point]);
    expect(typed.get("packages/types/src/generated/point.ts")).toContain("export type Point = [number, number];");
    const failure = await generateWith([openapiEmitter], [point]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SchemaProblems);
    expect((failure as SchemaProblems).problems.map(formatProblem)).toEqual([
      'schemas/point.schema.json:6:3 at /prefixItems: cannot be expressed in OpenAPI 3.0.3: a tuple (`prefixItems`): 3.0 `items` is one schema for every item\n  fix: rewrite it with what 3.0 has (allOf, anyOf, oneOf, not, items, additionalProperties), or turn the 3.0 document off: "targets": {"openapi30": false} in contracts.config.json',
    ]);
  });
});
