import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { formatProblem, SchemaProblems } from "../../src/errors.js";
import { openapiEmitter } from "../../src/emit/openapi/index.js";
import { typesEmitter } from "../../src/emit/types/index.js";
import { generateWith } from "../helpers.js";

const BASE = "https://contracts.dev/schemas";
const entity = (slug: string, title: string, schema: object) => ({
  file: `schemas/${slug}.schema.json`,
  text: `${JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${BASE}/${slug}.schema.json`, title, type: "object", ...schema }, null, 2)}\n`,
});
const block = (tag: string, field: object) => ({
  type: "object",
  properties: { type: { const: tag }, ...field },
  required: ["type", ...Object.keys(field)],
  additionalProperties: false,
});

/** Through the whole pipeline (load, validate, model, emit): what a user's schema gets. */
describe("the types and openapi emitters on a message with a tagged union of three blocks", async () => {
  const message = entity("message", "Message", {
    properties: {
      role: { enum: ["user", "assistant"] },
      content: { type: "array", items: { oneOf: [{ $ref: "#/$defs/TextBlock" }, { $ref: "#/$defs/ImageBlock" }, { $ref: "#/$defs/AudioBlock" }] } },
      name: { $ref: "#/$defs/Name", description: "Who wrote it.", maxLength: 80 },
    },
    required: ["role", "content"],
    additionalProperties: false,
    $defs: {
      TextBlock: block("text", { text: { type: "string" } }),
      ImageBlock: block("image", { data: { type: "string", contentEncoding: "base64" } }),
      AudioBlock: block("audio", { data: { type: "string" } }),
      Name: { type: "string", minLength: 1 },
    },
  });
  const outputs = await generateWith([typesEmitter, openapiEmitter], [message]).catch((e: unknown) => {
    throw new Error((e as SchemaProblems).problems.map(formatProblem).join("\n"));
  });
  const types = outputs.get("packages/types/src/generated/message.ts") ?? "";
  const oas31 = JSON.parse(outputs.get("packages/openapi/generated/openapi.json") ?? "{}");
  const oas30 = JSON.parse(outputs.get("packages/openapi/generated/openapi-3.0.json") ?? "{}");

  it("types: a discriminated union of the three block interfaces; a $ref's bounds in its JSDoc", () => {
    expect(types).toContain("  content: (TextBlock | ImageBlock | AudioBlock)[];");
    expect(types).toContain(
      "  /**\n   * Who wrote it.\n   *\n   * Also checked at runtime (TypeScript cannot say it): `maxLength: 80`.\n   */\n  name?: Name;",
    );
    expect(types).toContain('export interface TextBlock {\n  type: "text";\n  text: string;\n}');
  });

  it("OpenAPI 3.0: oneOf + discriminator with mapping; both documents valid", async () => {
    expect(oas30.components.schemas.Message.properties.content.items).toEqual({
      discriminator: {
        mapping: { audio: "#/components/schemas/AudioBlock", image: "#/components/schemas/ImageBlock", text: "#/components/schemas/TextBlock" },
        propertyName: "type",
      },
      oneOf: [{ $ref: "#/components/schemas/TextBlock" }, { $ref: "#/components/schemas/ImageBlock" }, { $ref: "#/components/schemas/AudioBlock" }],
    });
    expect(oas31.components.schemas.Message.properties.content.items).toEqual({
      oneOf: [{ $ref: "#/components/schemas/TextBlock" }, { $ref: "#/components/schemas/ImageBlock" }, { $ref: "#/components/schemas/AudioBlock" }],
    });
    expect(oas30.components.schemas.ImageBlock.properties.data).toEqual({ type: "string" });
    const validator = new Validator();
    expect((await validator.validate(oas31)).errors ?? []).toEqual([]);
    expect((await validator.validate(oas30)).errors ?? []).toEqual([]);
  });
});

describe("definitions that are not objects: a union, an enum, a string alias, an array", async () => {
  const chat = entity("chat", "Chat", {
    properties: { blocks: { $ref: "#/$defs/Blocks" }, role: { $ref: "#/$defs/Role" }, by: { $ref: "#/$defs/UserId" } },
    additionalProperties: false,
    $defs: {
      Block: { description: "One block.", oneOf: [{ $ref: "#/$defs/Text" }, { $ref: "#/$defs/Image" }] },
      Blocks: { type: "array", items: { $ref: "#/$defs/Block" } },
      Role: { enum: ["user", "assistant"] },
      UserId: { type: "string", pattern: "^usr_[a-z0-9]+$" },
      Text: block("text", { text: { type: "string" } }),
      Image: block("image", { url: { type: "string", format: "uri" } }),
    },
  });
  const outputs = await generateWith([typesEmitter, openapiEmitter], [chat]);
  const types = outputs.get("packages/types/src/generated/chat.ts") ?? "";
  const oas31 = JSON.parse(outputs.get("packages/openapi/generated/openapi.json") ?? "{}");
  const oas30 = JSON.parse(outputs.get("packages/openapi/generated/openapi-3.0.json") ?? "{}");

  it("each a type alias", () => {
    expect(types).toContain("/**\n * One block.\n */\nexport type Block = Text | Image;");
    expect(types).toContain("export type Blocks = Block[];");
    expect(types).toContain('export type Role = "user" | "assistant";');
    expect(types).toContain('/**\n * Also checked at runtime (TypeScript cannot say it): `pattern: "^usr_[a-z0-9]+$"`.\n */\nexport type UserId = string;');
  });

  it("each an OpenAPI component in both documents; the union a 3.0 discriminator", () => {
    expect(Object.keys(oas31.components.schemas)).toEqual(["Block", "Blocks", "Chat", "Image", "Role", "Text", "UserId"]);
    expect(Object.keys(oas30.components.schemas)).toEqual(Object.keys(oas31.components.schemas));
    expect(oas31.components.schemas.Role).toEqual({ enum: ["user", "assistant"] });
    expect(oas30.components.schemas.Blocks).toEqual({ items: { $ref: "#/components/schemas/Block" }, type: "array" });
    expect(oas30.components.schemas.Block.discriminator).toEqual({
      mapping: { image: "#/components/schemas/Image", text: "#/components/schemas/Text" },
      propertyName: "type",
    });
  });
});

describe("a construct OpenAPI 3.0 cannot say", () => {
  it("fails generation with every such place located: file, line:column, pointer, the construct and the fix", async () => {
    const tagged = entity("tagged", "Tagged", {
      properties: {
        labels: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
        pair: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
      },
      additionalProperties: false,
    });
    const failure = await generateWith([openapiEmitter], [tagged]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SchemaProblems);
    const fix =
      '  fix: rewrite it with what 3.0 has (allOf, anyOf, oneOf, not, items, additionalProperties), or turn the 3.0 document off: "targets": {"openapi30": false} in contracts.config.json';
    expect((failure as SchemaProblems).problems.map(formatProblem)).toEqual([
      `schemas/tagged.schema.json:9:7 at /properties/labels/patternProperties: cannot be expressed in OpenAPI 3.0.3: \`patternProperties\`: 3.0 has no keyword that constrains properties by name pattern\n${fix}`,
      `schemas/tagged.schema.json:18:7 at /properties/pair/prefixItems: cannot be expressed in OpenAPI 3.0.3: a tuple (\`prefixItems\`): 3.0 \`items\` is one schema for every item\n${fix}`,
    ]);
  });
});
