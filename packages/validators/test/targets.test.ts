import path from "node:path";
import { describe, expect, it } from "vitest";
import { heldProblems, targetOn } from "../../../scripts/targets.mjs";
import { validators } from "../src/index.js";

/**
 * What the package holds is what contracts.config.json says: with "validators" off, an empty
 * registry in a module that says why; on, a validator per entity. Runs with every setting, so it
 * is the test of an off package (the tests of the entities' validators do not run then).
 */
const PACKAGE = path.join(import.meta.dirname, "..");

describe("the package holds what contracts.config.json's targets say", () => {
  it("its generated modules say the target is off exactly when it is, and write no data file then", () => {
    expect(heldProblems(PACKAGE, ["validators"], ["src/generated"])).toEqual([]);
  });

  it(`registers ${targetOn("validators") ? "every entity" : "no entity (the target is off)"}`, () => {
    if (targetOn("validators")) expect(Object.keys(validators)).toContain("ConnectorWithStatus");
    else expect(validators).toEqual({});
  });
});
