import { describe, expect, it } from "vitest";
import { mergeComponents, openapi30, openapi31 } from "../src/index.js";
import { targetOn } from "../../../scripts/targets.mjs";

const service = (openapi: string, schemas: Record<string, unknown> = { Error: { type: "object" } }) => ({
  openapi,
  info: { title: "connectors-api", version: "1.0.0" },
  paths: { "/connectors": { get: { responses: { "200": { description: "ok" } } } } },
  components: { schemas, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
});

// The cases that need a document's components run only where contracts.config.json has it on;
// with it off, mergeComponents adds nothing, as the off document holds nothing.
const on31 = targetOn("openapi31");

describe("mergeComponents", () => {
  it.each([
    ["3.1.0", openapi31],
    ["3.1.1", openapi31],
    ["3.2.0", openapi31],
    ["3.0.3", openapi30],
    ["3.0.0", openapi30],
  ])("adds the matching components to a %s document, keeping the service's own", (version, fragment) => {
    const doc = service(version);
    const merged = mergeComponents(doc);
    expect(merged.components.schemas).toEqual({ Error: { type: "object" }, ...fragment.components.schemas });
    expect(merged.components.securitySchemes).toEqual(doc.components.securitySchemes);
    expect(merged.paths).toBe(doc.paths);
    expect(doc.components.schemas).toEqual({ Error: { type: "object" } });
  });

  it.runIf(on31)("works on a document without components", () => {
    const merged = mergeComponents({ openapi: "3.1.0", info: { title: "s", version: "1" }, paths: {} });
    expect(merged.components.schemas).toEqual(openapi31.components.schemas);
    expect(Object.keys(merged.components.schemas)).toContain("ConnectorWithStatus");
  });

  it.runIf(on31)("hands out copies: editing the result leaves the package's documents alone", () => {
    const merged = mergeComponents(service("3.1.0")) as { components: { schemas: Record<string, { title?: string }> } };
    (merged.components.schemas["ConnectorWithStatus"] as { title?: string }).title = "Changed";
    expect((openapi31.components.schemas as Record<string, { title?: string }>)["ConnectorWithStatus"]?.title).toBe("ConnectorWithStatus");
  });

  it("accepts merging twice (same schema under the same name is no clash)", () => {
    const once = mergeComponents(service("3.1.0"));
    expect(mergeComponents(once)).toEqual(once);
  });

  it.runIf(on31)("refuses a name clash", () => {
    expect(() => mergeComponents(service("3.1.0", { ConnectorWithStatus: { type: "string" } }))).toThrow(
      new Error(
        'mergeComponents: components.schemas "ConnectorWithStatus" is already defined by the service document with a different schema; rename the service\'s schema (or delete it and use the one from @contracts/openapi)',
      ),
    );
  });

  it("refuses an OpenAPI version it has no components for", () => {
    expect(() => mergeComponents({ openapi: "2.0" })).toThrow(
      new Error(
        'mergeComponents: the service document says "openapi": "2.0"; @contracts/openapi has components for OpenAPI 3.0.x and 3.1.x (also used for 3.2.x)',
      ),
    );
  });
});
