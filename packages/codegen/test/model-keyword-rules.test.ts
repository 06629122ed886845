import { describe, expect, it } from "vitest";
import { KEYWORDS, KEYWORD_NAMES, keywordSpec, type CheckContext } from "../src/model/keywords/index.js";
import type { Json } from "../src/model/types.js";

/** What a keyword's own validation rule (`check` in `model/keywords/<keyword>.ts`) reports for one schema object. */
function reported(keyword: string, node: { readonly [k: string]: Json }): string[] {
  const out: string[] = [];
  const ctx: CheckContext = {
    node,
    pointer: "/p",
    report: (pointer, message) => out.push(`${pointer}: ${message}`),
    resolve: (ref) =>
      ref === "#/$defs/A" ? { ok: true, target: { file: "f", pointer: "/$defs/A" }, via: "uri" } : { ok: false, reason: `cannot resolve ${ref}`, hint: "h" },
    idOf: () => undefined,
  };
  keywordSpec(keyword)?.check?.(node[keyword] as Json, ctx);
  return out;
}

/** Given a schema object, want exactly these problems from the keyword's rule (none: well-formed). */
const TABLE: [string, string, { readonly [k: string]: Json }, string[]][] = [
  ["pattern", "compiles with the u flag", { pattern: "^a+$" }, []],
  [
    "pattern",
    "an escape the u flag refuses",
    { pattern: "^\\_$" },
    ['/p/pattern: pattern "^\\\\_$" is not a valid regular expression with the "u" (Unicode) flag: invalid escape'],
  ],
  ["minLength", "at most maxLength", { minLength: 2, maxLength: 2 }, []],
  ["minLength", "over maxLength", { minLength: 3, maxLength: 2 }, ["/p/minLength: minLength 3 is greater than maxLength 2, so no string is valid"]],
  ["minItems", "over maxItems", { minItems: 3, maxItems: 1 }, ["/p/minItems: minItems 3 is greater than maxItems 1, so no array is valid"]],
  [
    "minimum",
    "equal to an exclusive maximum",
    { minimum: 1, exclusiveMaximum: 1 },
    ["/p/minimum: minimum 1 is not less than exclusiveMaximum 1, so no number is valid"],
  ],
  [
    "exclusiveMinimum",
    "equal to a maximum",
    { exclusiveMinimum: 1, maximum: 1 },
    ["/p/exclusiveMinimum: exclusiveMinimum 1 is not less than maximum 1, so no number is valid"],
  ],
  ["enum", "empty", { enum: [] }, ['/p/enum: "enum" is empty, so no value is valid']],
  [
    "enum",
    "a value not of the type, a value twice",
    { type: "string", enum: ["a", 1, "a"] },
    ['/p/enum/1: enum value 1 is not of type "string", so it can never be valid', '/p/enum/2: enum value "a" is listed twice (first at /p/enum/0)'],
  ],
  ["const", "not of the type", { type: "integer", const: 1.5 }, ['/p/const: const 1.5 is not of type "integer", so no value is valid']],
  [
    "required",
    "a name not declared",
    { properties: { a: {} }, required: ["a", "b"] },
    ['/p/required/1: required property "b" is not declared in "properties"'],
  ],
  [
    "oneOf",
    "null through two branches",
    { oneOf: [{ type: ["string", "null"] }, { type: "null" }] },
    ['/p/oneOf/1: null is accepted by branches 0 and 1 of "oneOf", so null is never valid (oneOf needs exactly one branch to match)'],
  ],
  ["$ref", "resolves", { $ref: "#/$defs/A" }, []],
  ["$ref", "does not resolve", { $ref: "#/nope" }, ["/p/$ref: cannot resolve #/nope"]],
  [
    "$defs",
    "a __proto__ key",
    JSON.parse('{"$defs": {"__proto__": {}}}'),
    [
      '/p/$defs/__proto__: definition name "__proto__" is not supported: JavaScript treats it as the object\'s prototype, so generated code and JSON handling would drop or misuse it',
    ],
  ],
];

describe("each keyword's validation rule, in its registry file", () => {
  it.each(TABLE)("%s: %s", (keyword, _, node, want) => {
    expect(reported(keyword, node)).toEqual(want);
  });

  it("an optional property of an inherited member's name, and one named __proto__", () => {
    expect(reported("properties", JSON.parse('{"properties": {"__proto__": {}, "toString": {}, "valueOf": {}}, "required": ["valueOf"]}'))).toEqual([
      '/p/properties/__proto__: property name "__proto__" is not supported: JavaScript treats it as the object\'s prototype, so generated code and JSON handling would drop or misuse it',
      '/p/properties/toString: optional property "toString" has the name of a member every JavaScript object inherits (Object.prototype.toString): TypeScript would see the inherited one on every value that leaves it out',
    ]);
  });

  it("names the keywords that have a rule (a rule moved out of its file fails here)", () => {
    expect(KEYWORD_NAMES.filter((k) => KEYWORDS[k].check !== undefined)).toEqual([
      "$ref",
      "$defs",
      "oneOf",
      "properties",
      "enum",
      "const",
      "minimum",
      "exclusiveMinimum",
      "minLength",
      "pattern",
      "minItems",
      "required",
    ]);
  });
});
