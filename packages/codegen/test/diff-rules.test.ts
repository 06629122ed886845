import { describe, expect, it } from "vitest";
import { report } from "../src/diff/classify.js";
import { diffModels } from "../src/diff/models.js";
import type { Bump, Change } from "../src/diff/types.js";
import { modelFromFiles } from "../src/core/generate.js";
import { canonicalSchema, canonicalSchemaText, CANONICAL_FILE, schemaId } from "./helpers.js";

/**
 * One row per rule of the README's "Schema evolution" table, each on a copy of the real schema
 * (schemas/connector-with-status.schema.json) edited the way the row says. The models are built by
 * the real pipeline (load, validate, model), so every edited schema is a valid one.
 */
type Schema = Record<string, any>;
const FILE = `schemas/${CANONICAL_FILE}`;

async function canonical(): Promise<Schema> {
  return (await canonicalSchema()) as Schema;
}

function model(files: Record<string, Schema | string>) {
  return modelFromFiles(Object.entries(files).map(([file, v]) => ({ file, text: typeof v === "string" ? v : `${JSON.stringify(v, null, 2)}\n` })));
}

function diff(before: Record<string, Schema | string>, after: Record<string, Schema | string>) {
  return report(diffModels(model(before), model(after)));
}

async function edited(edit: (s: Schema) => void): Promise<{ bump: Bump; changes: readonly Change[] }> {
  const after = await canonical();
  edit(after);
  return diff({ [FILE]: await canonical() }, { [FILE]: after });
}

const row = (c: Change) => [c.bump, c.side, c.pointer, c.change];

/** A second entity for the rows about entities; valid on its own. */
const workspace = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: schemaId("workspace.schema.json"),
  title: "Workspace",
  type: "object",
  properties: { id: { type: "string" } },
  required: ["id"],
  additionalProperties: false,
};

describe("none: same accepted values, same text as data", () => {
  it("reformatted JSON (other whitespace, other key order) is none", async () => {
    const text = await canonicalSchemaText();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text) as Schema).reverse()));
    expect(diff({ [FILE]: text }, { [FILE]: reordered })).toEqual({ bump: "none", changes: [] });
  });
});

describe("patch: no accepted value set changes", () => {
  it("a description changed", async () => {
    const r = await edited((s) => (s.properties.id.description = "The record's id."));
    expect(r.bump).toBe("patch");
    expect(r.changes.map(row)).toEqual([["patch", "read", "/properties/id", "description changed"]]);
  });
  it("a title and examples added", async () => {
    const r = await edited((s) => Object.assign(s.properties.name, { title: "Display name", examples: ["GitHub"] }));
    expect(r.changes.map(row)).toEqual([
      ["patch", "both", "/properties/name", "examples added"],
      ["patch", "both", "/properties/name", "title added"],
    ]);
  });
  it("x-docs changed", async () => {
    const r = await edited((s) => (s["x-docs"].order = 10));
    expect(r.changes.map(row)).toEqual([["patch", "both", "/x-docs", "x-docs changed"]]);
  });
  it("a reordered enum is the same set: patch (the generated union's order changes)", async () => {
    const r = await edited((s) => s.properties.server.anyOf[0].properties.status.enum.reverse());
    expect(r.changes.map(row)).toEqual([["patch", "both", "", "schema rewritten with the same meaning"]]);
  });
  it('["string", "null"] rewritten as anyOf [string, null] is the same set', async () => {
    const r = await edited((s) => (s.properties.description = { anyOf: [{ type: "string" }, { type: "null" }] }));
    expect(r.bump).toBe("patch");
    expect(r.changes.map(row)).toEqual([["patch", "both", "", "schema rewritten with the same meaning"]]);
  });
  it("a $ref to a $defs entry spelled by the file's $id instead of #: the same definition", async () => {
    const before = await canonical();
    before.$defs = { Server: before.properties.server.anyOf[0] };
    before.properties.server.anyOf[0] = { $ref: "#/$defs/Server" };
    const after = structuredClone(before);
    after.properties.server.anyOf[0] = { $ref: `${schemaId(CANONICAL_FILE)}#/$defs/Server` };
    const r = diff({ [FILE]: before }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([["patch", "both", "", "schema rewritten with the same meaning"]]);
  });
  it("an inline schema moved to $defs behind a $ref: the values are the same, one new exported type (minor)", async () => {
    const r = await edited((s) => {
      s.$defs = { Server: s.properties.server.anyOf[0] };
      s.properties.server.anyOf[0] = { $ref: "#/$defs/Server" };
    });
    expect(r.changes.map(row)).toEqual([["minor", "both", "/$defs/Server", "definition Server added"]]);
  });
  it("an integer's exclusiveMinimum 0 rewritten as minimum 1 is the same set", async () => {
    const withCount = (bound: object) => async () => {
      const s = await canonical();
      s.properties.count = { type: "integer", ...bound };
      return s;
    };
    const r = diff({ [FILE]: await withCount({ exclusiveMinimum: 0 })() }, { [FILE]: await withCount({ minimum: 1 })() });
    expect(r.changes.map(row)).toEqual([["patch", "both", "", "schema rewritten with the same meaning"]]);
  });
});

describe("minor: additive, safe for existing consumers", () => {
  it("an optional property added", async () => {
    const r = await edited((s) => (s.properties.homepage = { type: "string", format: "uri" }));
    expect(r.bump).toBe("minor");
    expect(r.changes.map(row)).toEqual([["minor", "both", "/properties/homepage", 'optional property "homepage" added']]);
  });
  it("a new entity", async () => {
    const r = diff({ [FILE]: await canonical() }, { [FILE]: await canonical(), "schemas/workspace.schema.json": workspace });
    expect(r.changes.map(row)).toEqual([["minor", "both", "", "entity Workspace added"]]);
  });
  it("a bound loosened on a writeOnly property (write side only)", async () => {
    const base = await canonical();
    base.properties.secret = { type: "string", writeOnly: true, maxLength: 64 };
    const after = structuredClone(base);
    after.properties.secret.maxLength = 128;
    const r = diff({ [FILE]: base }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([["minor", "write", "/properties/secret", "maxLength 64 → 128"]]);
  });
  it("an enum value added to a writeOnly property", async () => {
    const base = await canonical();
    base.properties.mode = { enum: ["a", "b"], writeOnly: true };
    const after = structuredClone(base);
    after.properties.mode.enum.push("c");
    const r = diff({ [FILE]: base }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([["minor", "write", "/properties/mode", 'enum value "c" added']]);
  });
  it("a bound tightened on a readOnly property (read side only: readers get a subset)", async () => {
    const r = await edited((s) => (s.properties.id.maxLength = 64));
    expect(r.changes.map(row)).toEqual([["minor", "read", "/properties/id", "maxLength 64 added"]]);
  });
});

describe("major: can break a reader or a writer", () => {
  it("a property removed", async () => {
    const r = await edited((s) => {
      delete s.properties.oauthScopes;
      s.required = s.required.filter((n: string) => n !== "oauthScopes");
    });
    expect(r.bump).toBe("major");
    expect(r.changes.map(row)).toEqual([["major", "both", "/properties/oauthScopes", 'property "oauthScopes" removed']]);
  });
  it("a property renamed is one removed and one added", async () => {
    const r = await edited((s) => {
      s.properties.title = s.properties.name;
      delete s.properties.name;
      s.required = s.required.map((n: string) => (n === "name" ? "title" : n));
    });
    expect(r.changes.map(row)).toEqual([
      ["major", "both", "/properties/name", 'property "name" removed'],
      ["major", "both", "/properties/title", 'required property "title" added'],
    ]);
  });
  it("an entity removed", async () => {
    const r = diff({ [FILE]: await canonical(), "schemas/workspace.schema.json": workspace }, { [FILE]: await canonical() });
    expect(r.changes.map(row)).toEqual([["major", "both", "", "entity Workspace removed"]]);
  });
  it("an entity renamed (its title, the exported name)", async () => {
    const r = await edited((s) => (s.title = "Connector"));
    expect(r.changes.map(row)).toEqual([["major", "both", "/title", "entity renamed ConnectorWithStatus → Connector"]]);
    expect(r.changes[0]!.entity).toBe("Connector");
  });
  it("a required property added", async () => {
    const r = await edited((s) => {
      s.properties.owner = { type: "string" };
      s.required.push("owner");
    });
    expect(r.changes.map(row)).toEqual([["major", "both", "/properties/owner", 'required property "owner" added']]);
  });
  it("a type changed", async () => {
    const r = await edited((s) => (s.properties.enabled = { type: "string" }));
    expect(r.changes).toEqual([
      {
        entity: "ConnectorWithStatus",
        pointer: "/properties/enabled",
        change: "type boolean → string",
        bump: "major",
        side: "both",
        reason: "the old and the new schema share no value",
      },
    ]);
  });
  it("null added: readers break, writers may send more", async () => {
    const r = await edited((s) => (s.properties.name = { type: ["string", "null"] }));
    expect(r.changes.map(row)).toEqual([
      ["major", "read", "/properties/name", "null added"],
      ["minor", "write", "/properties/name", "null added"],
    ]);
  });
  it("null removed: writers that sent it break", async () => {
    const r = await edited((s) => (s.properties.description = { type: "string" }));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/description", "null removed"],
      ["major", "write", "/properties/description", "null removed"],
    ]);
  });
  it("an enum value added to a response field: readers' exhaustive switches break", async () => {
    const r = await edited((s) => s.properties.server.anyOf[0].properties.status.enum.push("paused"));
    expect(r.changes.map(row)).toEqual([
      ["major", "read", "/properties/server/anyOf/0/properties/status", 'enum value "paused" added'],
      ["minor", "write", "/properties/server/anyOf/0/properties/status", 'enum value "paused" added'],
    ]);
  });
  it("an enum value removed", async () => {
    const r = await edited((s) => (s.properties.server.anyOf[0].properties.status.enum = ["connected", "disconnected", null]));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/server/anyOf/0/properties/status", 'enum value "error" removed'],
      ["major", "write", "/properties/server/anyOf/0/properties/status", 'enum value "error" removed'],
    ]);
  });
  it("an enum value added to a readOnly field: the read side only", async () => {
    const base = await canonical();
    base.properties.id = { enum: ["a", "b"], readOnly: true };
    const after = structuredClone(base);
    after.properties.id.enum.push("c");
    const r = diff({ [FILE]: base }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([["major", "read", "/properties/id", 'enum value "c" added']]);
  });
  it("a format tightened (added)", async () => {
    const r = await edited((s) => (s.properties.slug.format = "uuid"));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/slug", 'format "uuid" added'],
      ["major", "write", "/properties/slug", 'format "uuid" added'],
    ]);
  });
  it("a format changed: the sets cannot be compared, major both ways with the reason", async () => {
    const r = await edited((s) => (s.properties.mcpUrl.format = "email"));
    expect(r.changes).toEqual([
      {
        entity: "ConnectorWithStatus",
        pointer: "/properties/mcpUrl",
        change: 'format "uri" → "email"',
        bump: "major",
        side: "both",
        reason: 'formats "uri" and "email" accept different strings; neither set is known to hold the other',
      },
    ]);
  });
  it("a pattern added (tightened)", async () => {
    const r = await edited((s) => (s.properties.slug.pattern = "^[a-z-]+$"));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/slug", "pattern ^[a-z-]+$ added"],
      ["major", "write", "/properties/slug", "pattern ^[a-z-]+$ added"],
    ]);
  });
  it("a pattern changed, even to a looser one: major, conservatively, saying why", async () => {
    const base = await canonical();
    base.properties.slug.pattern = "^[a-z]+$";
    const after = structuredClone(base);
    after.properties.slug.pattern = "^[a-z0-9]+$";
    const [change, ...rest] = diff({ [FILE]: base }, { [FILE]: after }).changes;
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ bump: "major", side: "both", change: "pattern ^[a-z]+$ → ^[a-z0-9]+$" });
    expect(change!.reason).toMatch(/patterns cannot be compared exactly/);
  });
  it("a bound tightened (maxLength added to a field clients send)", async () => {
    const r = await edited((s) => (s.properties.name.maxLength = 80));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/name", "maxLength 80 added"],
      ["major", "write", "/properties/name", "maxLength 80 added"],
    ]);
  });
  it("a numeric bound loosened: readers may get values past the old bound", async () => {
    const base = await canonical();
    base.properties.count = { type: "integer", minimum: 1, maximum: 10 };
    const after = structuredClone(base);
    after.properties.count.maximum = 20;
    const r = diff({ [FILE]: base }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([
      ["major", "read", "/properties/count", "upper bound <= 10 → <= 20"],
      ["minor", "write", "/properties/count", "upper bound <= 10 → <= 20"],
    ]);
  });
  it("closing an open object", async () => {
    const r = await edited((s) => (s.properties.configSchema.anyOf[0].additionalProperties = false));
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/configSchema/anyOf/0/additionalProperties", "object closed (additionalProperties: false)"],
      ["major", "write", "/properties/configSchema/anyOf/0/additionalProperties", "object closed (additionalProperties: false)"],
    ]);
  });
  it("an optional property made required", async () => {
    const base = await canonical();
    base.required = base.required.filter((n: string) => n !== "iconUrl");
    const r = diff({ [FILE]: base }, { [FILE]: await canonical() });
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/properties/iconUrl", 'property "iconUrl" optional → required'],
      ["major", "write", "/properties/iconUrl", 'property "iconUrl" optional → required'],
    ]);
  });
  it("a property made readOnly: clients can no longer send it", async () => {
    const r = await edited((s) => (s.properties.slug.readOnly = true));
    expect(r.changes.map(row)).toEqual([["major", "write", "/properties/slug", 'property "slug" no longer on the write side (now readOnly)']]);
  });
  it("a $defs entry removed (inlined) removes an exported type", async () => {
    const before = await canonical();
    before.$defs = { Server: before.properties.server.anyOf[0] };
    before.properties.server.anyOf[0] = { $ref: "#/$defs/Server" };
    const r = diff({ [FILE]: before }, { [FILE]: await canonical() });
    expect(r.changes.map(row)).toEqual([["major", "both", "/$defs/Server", "definition Server removed"]]);
  });
  it("a change inside a $defs entry is reported once, where the definition is", async () => {
    const before = await canonical();
    before.$defs = { Server: before.properties.server.anyOf[0] };
    before.properties.server.anyOf[0] = { $ref: "#/$defs/Server" };
    before.properties.previous = { $ref: "#/$defs/Server" };
    const after = structuredClone(before);
    after.$defs.Server.properties.id.minLength = 1;
    const r = diff({ [FILE]: before }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([
      ["minor", "read", "/$defs/Server/properties/id", "minLength 1 added"],
      ["major", "write", "/$defs/Server/properties/id", "minLength 1 added"],
    ]);
  });
  it("multipleOf steps that do not divide each other cannot be compared", async () => {
    const base = await canonical();
    base.properties.count = { type: "integer", multipleOf: 2 };
    const after = structuredClone(base);
    after.properties.count.multipleOf = 3;
    expect(diff({ [FILE]: base }, { [FILE]: after }).changes.map(row)).toEqual([["major", "both", "/properties/count", "multipleOf 2 → 3"]]);
    after.properties.count.multipleOf = 4;
    expect(diff({ [FILE]: base }, { [FILE]: after }).changes.map(row)).toEqual([
      ["minor", "read", "/properties/count", "multipleOf 2 → 4"],
      ["major", "write", "/properties/count", "multipleOf 2 → 4"],
    ]);
  });
  it("uniqueItems added to an array", async () => {
    const base = await canonical();
    base.properties.tags = { type: "array", items: { type: "string" } };
    const after = structuredClone(base);
    after.properties.tags.uniqueItems = true;
    expect(diff({ [FILE]: base }, { [FILE]: after }).changes.map(row)).toEqual([
      ["minor", "read", "/properties/tags", "uniqueItems added"],
      ["major", "write", "/properties/tags", "uniqueItems added"],
    ]);
  });
});

/** The canonical schema with one more property `x`, before and after an edit of `x`. */
async function changedX(before: Schema, edit: (x: Schema) => void): Promise<(string | undefined)[][]> {
  const base = await canonical();
  base.properties.x = before;
  const after = structuredClone(base);
  edit(after.properties.x);
  return diff({ [FILE]: base }, { [FILE]: after }).changes.map(row);
}

const NARROWED = (pointer: string, change: string) => [
  ["minor", "read", pointer, change],
  ["major", "write", pointer, change],
];
const WIDENED = (pointer: string, change: string) => [
  ["major", "read", pointer, change],
  ["minor", "write", pointer, change],
];

describe("changes inside allOf, not and if/then/else", () => {
  it("a new allOf part that adds a required property narrows the object: breaking for writers", async () => {
    const x = { type: "object", unevaluatedProperties: false, allOf: [{ properties: { a: { type: "string" } } }] };
    expect(await changedX(x, (s) => s.allOf.push({ properties: { b: { type: "string" } }, required: ["b"] }))).toEqual(
      NARROWED("/properties/x/allOf/1", "allOf part added"),
    );
  });
  it("an allOf part removed widens: breaking for readers", async () => {
    expect(await changedX({ type: "string", allOf: [{ minLength: 1 }, { maxLength: 9 }] }, (s) => s.allOf.pop())).toEqual(
      WIDENED("/properties/x/allOf/1", "allOf part removed"),
    );
  });
  it("a change inside an allOf part moves the whole as it moves", async () => {
    expect(await changedX({ type: "string", allOf: [{ minLength: 1 }] }, (s) => (s.allOf[0].minLength = 2))).toEqual(
      NARROWED("/properties/x/allOf/0", "minLength 1 → 2"),
    );
  });
  it("a reordered allOf is the same set", async () => {
    expect(await changedX({ type: "string", allOf: [{ minLength: 1 }, { maxLength: 9 }] }, (s) => s.allOf.reverse())).toEqual([
      ["patch", "both", "", "schema rewritten with the same meaning"],
    ]);
  });
  it("a keyword added beside a $ref narrows (an intersection of the ref and the keyword)", async () => {
    const base = await canonical();
    base.$defs = { Name: { type: "string" } };
    base.properties.x = { $ref: "#/$defs/Name" };
    const after = structuredClone(base);
    after.properties.x.maxLength = 5;
    expect(diff({ [FILE]: base }, { [FILE]: after }).changes.map(row)).toEqual(NARROWED("/properties/x", "constraint beside the others added"));
  });
  it('"not" turns a change round: a value added to the excluded enum narrows', async () => {
    expect(await changedX({ type: "string", not: { enum: ["x"] } }, (s) => s.not.enum.push("y"))).toEqual(
      NARROWED("/properties/x/not", 'enum value "y" added (inside "not")'),
    );
  });
  it('"not" added beside a type narrows', async () => {
    expect(await changedX({ type: "string" }, (s) => (s.not = { const: "x" }))).toEqual(NARROWED("/properties/x", '"not" added'));
  });
  it('a change in "if" has no direction: breaking both ways, with the reason', async () => {
    const x = { type: "string", if: { minLength: 3 }, then: { maxLength: 5 } };
    const base = await canonical();
    base.properties.x = x;
    const after = structuredClone(base);
    after.properties.x.if.minLength = 4;
    const r = diff({ [FILE]: base }, { [FILE]: after });
    expect(r.changes.map(row)).toEqual([["major", "both", "/properties/x/if", 'minLength 3 → 4 (inside "if")']]);
    expect(r.changes[0]?.reason).toMatch(/no direction describes it/);
  });
  it('a change in "then" moves its branch as it moves; "else" added narrows', async () => {
    const x = { type: "string", if: { minLength: 3 }, then: { maxLength: 5 } };
    expect(await changedX(x, (s) => (s.then.maxLength = 9))).toEqual(WIDENED("/properties/x/then", "maxLength 5 → 9"));
    expect(await changedX(x, (s) => (s.else = { minLength: 1 }))).toEqual(NARROWED("/properties/x/else", '"else" added'));
  });
  it('a "not" replaced by an "if" is reported, conservatively breaking', async () => {
    const r = await changedX({ not: { type: "string" } }, (s) => {
      delete s.not;
      s.if = { type: "string" };
      s.then = false;
    });
    expect(r).toEqual([["major", "both", "/properties/x", '"not" → "if"/"then"/"else"']]);
  });
});
