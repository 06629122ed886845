import { makeConnectorWithStatus } from "@contracts/fixtures";
import { describe, expect, it } from "vitest";
import { checkContract, contractMatchers, UnknownContractError } from "../src/index.js";

expect.extend(contractMatchers);

const good = makeConnectorWithStatus();
const bad = { ...makeConnectorWithStatus(), enabled: "yes", extra: 1, server: { id: "s", status: "paused", config: null } };

/** The message a failing assertion throws, exactly. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the assertion passed");
}

describe("toMatchContract", () => {
  it("passes on a value of the entity, and on a list of it", () => {
    expect(good).toMatchContract("ConnectorWithStatus");
    expect([good, makeConnectorWithStatus({ server: null })]).toMatchContract(["ConnectorWithStatus"]);
    expect([]).toMatchContract(["ConnectorWithStatus"]);
  });

  it("fails listing every error as path: message, one per line, with the offending value", () => {
    expect(failure(() => expect(bad).toMatchContract("ConnectorWithStatus"))).toBe(
      [
        "expected value to match ConnectorWithStatus; 3 errors:",
        '  /enabled: must be boolean (got "yes")',
        '  /server/status: must be one of "error", "connected", "disconnected", null (got "paused")',
        '  (root): must not have unknown property "extra"',
      ].join("\n"),
    );
    expect(failure(() => expect(null).toMatchContract("ConnectorWithStatus"))).toBe(
      "expected value to match ConnectorWithStatus; 1 error:\n  (root): must be object (got null)",
    );
  });

  it("locates a list's errors from the list's root", () => {
    const { id: _, ...noId } = good;
    expect(failure(() => expect([good, noId, { ...good, name: 7 }]).toMatchContract(["ConnectorWithStatus"]))).toBe(
      ["expected value to match a list of ConnectorWithStatus; 2 errors:", '  /1: must have required property "id"', "  /2/name: must be string (got 7)"].join(
        "\n",
      ),
    );
    expect(failure(() => expect(good).toMatchContract(["ConnectorWithStatus"]))).toBe(
      "expected value to match a list of ConnectorWithStatus; 1 error:\n  (root): must be array (got an object)",
    );
  });

  it(".not passes on a value that breaks the contract and fails on one that keeps it", () => {
    expect(bad).not.toMatchContract("ConnectorWithStatus");
    expect(failure(() => expect(good).not.toMatchContract("ConnectorWithStatus"))).toBe("expected value not to match ConnectorWithStatus, but it does");
    expect(failure(() => expect([good]).not.toMatchContract(["ConnectorWithStatus"]))).toBe(
      "expected value not to match a list of ConnectorWithStatus, but it does",
    );
  });

  it("works asymmetrically, inside toEqual and objectContaining", () => {
    expect({ status: 200, body: good }).toEqual(expect.objectContaining({ body: expect.toMatchContract("ConnectorWithStatus") }));
    expect({ items: [good] }).toEqual({ items: expect.toMatchContract(["ConnectorWithStatus"]) });
    expect({ body: bad }).toEqual({ body: expect.not.toMatchContract("ConnectorWithStatus") });
    expect(() => expect({ status: 200, body: bad }).toEqual(expect.objectContaining({ body: expect.toMatchContract("ConnectorWithStatus") }))).toThrow(
      "to deeply equal ObjectContaining",
    );
  });

  it("refuses an unknown contract name, naming the ones it knows", () => {
    // @ts-expect-error: the name is typed over the validators' registry, so a typo does not compile.
    const typo = () => expect(good).toMatchContract("ConnectorWithStatuss");
    expect(typo).toThrow(UnknownContractError);
    expect(failure(typo)).toMatch(
      /^toMatchContract: "ConnectorWithStatuss" is not a contract; expected one of ConnectorWithStatus\b.* \(or \[Name\] for a list of it\)$/,
    );
  });
});

describe("expect.soft(value).toMatchContract", () => {
  const seen: string[] = [];
  it.fails("records the failure and lets the test go on", () => {
    expect.soft(bad).toMatchContract("ConnectorWithStatus");
    seen.push("after the first");
    expect.soft(null).toMatchContract("ConnectorWithStatus");
    seen.push("after the second");
  });
  it("(the test above went on past both failures)", () => {
    expect(seen).toEqual(["after the first", "after the second"]);
  });
});

describe("checkContract, outside vitest", () => {
  it("returns the label and the errors, [] for a match", () => {
    expect(checkContract(good, "ConnectorWithStatus")).toEqual({ label: "ConnectorWithStatus", errors: [] });
    expect(checkContract({ ...good, enabled: 1 }, "ConnectorWithStatus").errors).toEqual([
      { path: "/enabled", keyword: "type", message: "/enabled must be boolean (got 1)" },
    ]);
  });
});
