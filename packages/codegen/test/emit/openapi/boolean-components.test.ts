import { describe, expect, it } from "vitest";
import { componentMembers } from "../../../src/emit/openapi/types.js";

/** openapi-typescript reads subschemas as objects: boolean ones reach it as the objects that judge the same. */
describe("openapi-typescript's types of boolean schemas", () => {
  it("types a boolean component and boolean subschemas without throwing", () => {
    const members = componentMembers({ Anything: true, Nothing: false, Tuple: { allOf: [false] }, Items: { type: "array", items: true } });
    expect(Object.keys(members)).toEqual(["Anything", "Nothing", "Tuple", "Items"]);
    expect(members["Anything"]).toMatch(/Anything: unknown;/);
    expect(members["Items"]).toMatch(/Items: unknown\[\];/);
  });

  it("types a false property never (a readOnly property of a write view may not be sent)", () => {
    const members = componentMembers({ Input: { type: "object", properties: { id: false, name: { type: "string" } } } });
    expect(members["Input"]).toMatch(/id\?: never;/);
    expect(members["Input"]).toMatch(/name\?: string;/);
  });
});
