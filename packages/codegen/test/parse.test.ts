import { describe, expect, it } from "vitest";
import { parseSchemaText } from "../src/load/parse.js";

const problemsOf = (text: string) => {
  const parsed = parseSchemaText("schemas/x.schema.json", text);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.line}:${p.column} ${p.pointer} ${p.message}`);
};

describe("parseSchemaText", () => {
  it("finds repeated keys however strings around them look", () => {
    // Colons, quotes and backslashes inside strings must not count as members.
    const text = '{\n  "a": "x\\": y",\n  "b": { "c": "\\\\", "c": 2 },\n  "d": ["e:", {"f": 1}]\n}';
    expect(problemsOf(text)).toEqual(['3:21 /b/c key "c" appears twice in the same object; JSON keeps only the last one, silently dropping the first']);
  });

  it("accepts keys that only look repeated inside strings", () => {
    expect(problemsOf('{ "a": "\\"a\\": 1", "b": { "a": 1 }, "__proto__": { "a": 2 } }')).toEqual([]);
  });

  it("locates pointers lazily, on the key of a property", () => {
    const parsed = parseSchemaText("schemas/x.schema.json", '{\n  "properties": {\n    "n": { "type": "string" }\n  }\n}');
    expect(parsed.ok && parsed.source.locate("/properties/n/type")).toEqual({ line: 3, column: 12 });
    expect(parsed.ok && parsed.source.locate("/properties/missing")).toEqual({ line: 2, column: 3 });
  });
});
