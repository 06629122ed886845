import { execFileSync } from "node:child_process";
import path from "node:path";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { isConnectorWithStatus, validateConnectorWithStatus, validators } from "../src/index.js";
import { isPlainObject } from "../src/runtime/json.js";
import { valid } from "./samples.js";

/**
 * Plain objects from another realm are objects: a value made in a vm context, by structuredClone, or
 * received from a worker is judged exactly as the same value made here. Both modes.
 */
const text = JSON.stringify(valid);
const strict = validators.ConnectorWithStatus.jsonOnly;

function fromWorker(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`require("node:worker_threads").parentPort.postMessage(JSON.parse(${JSON.stringify(text)}))`, { eval: true });
    worker.once("message", (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("values from other realms", () => {
  const foreign: [string, () => unknown | Promise<unknown>][] = [
    ["made in a vm context", () => vm.runInNewContext(`JSON.parse(${JSON.stringify(text)})`)],
    ["made in a vm context, null prototypes", () => vm.runInNewContext(`Object.assign(Object.create(null), JSON.parse(${JSON.stringify(text)}))`)],
    ["structuredClone", () => structuredClone(valid)],
    ["structuredClone inside a vm context", () => vm.runInNewContext(`structuredClone(JSON.parse(${JSON.stringify(text)}))`, { structuredClone })],
    ["a worker's message", fromWorker],
  ];

  it.each(foreign)("accepts a valid value %s, in both modes", async (_, make) => {
    const value = await make();
    expect(isConnectorWithStatus(value)).toBe(true);
    expect(validateConnectorWithStatus(value)).toEqual({ ok: true, value });
    expect(strict.is(value)).toBe(true);
  });

  it.each(foreign)("rejects an invalid value %s with the same errors as one made here", async (_, make) => {
    const value = (await make()) as Record<string, Record<string, unknown>>;
    (value["server"] as Record<string, unknown>)["status"] = "pending";
    value["extra"] = 1 as never;
    const here = { ...valid, server: { ...valid.server, status: "pending" }, extra: 1 };
    expect(validateConnectorWithStatus(value)).toEqual(validateConnectorWithStatus(here));
    expect(strict.validate(value)).toEqual(strict.validate(here));
  });

  it("jsonOnly rejects another realm's Date and class instance as it does this realm's", () => {
    const date = vm.runInNewContext(`({ ...JSON.parse(${JSON.stringify(text)}), configSchema: { at: new Date(0) } })`);
    const instance = vm.runInNewContext(`Object.assign(new (class Connector {})(), JSON.parse(${JSON.stringify(text)}))`);
    expect(strict.validate(date)).toEqual({
      ok: false,
      errors: [{ path: "/configSchema/at", keyword: "type", message: "/configSchema/at must be a plain JSON object (got a non-plain object (Date))" }],
    });
    expect(strict.is(instance)).toBe(false);
    expect(isConnectorWithStatus(instance)).toBe(true);
  });

  it("tells another realm's Object.prototype from an imitation", () => {
    const ForeignObject = vm.runInNewContext("Object") as ObjectConstructor;
    expect(isPlainObject(new ForeignObject())).toBe(true);
    expect(isPlainObject(Object.create(Object.create(null)))).toBe(false);
    const fake = Object.create(null, { constructor: { value: ForeignObject } });
    expect(isPlainObject(Object.create(fake))).toBe(false);
    const getter = Object.create(null, {
      constructor: {
        get: () => {
          throw new Error("must not run");
        },
      },
    });
    expect(isPlainObject(Object.create(getter))).toBe(false);
  });

  it("judges values as Jest would make them, with the validators loaded inside a vm context", () => {
    // test/realm/jest-like.mjs loads dist/ (and typebox, ajv-formats) into a vm context, as Jest
    // runs a test file, and judges values made inside and outside it.
    const script = path.resolve(import.meta.dirname, "realm/jest-like.mjs");
    const out = execFileSync(process.execPath, ["--experimental-vm-modules", "--no-warnings", script], { encoding: "utf8" });
    const bad = '/server/status must be one of "error", "connected", "disconnected", null (got "pending")';
    expect(JSON.parse(out)).toEqual({
      realmOfValidators: true,
      verdicts: {
        "made in the context": { is: true, jsonOnly: true, errors: [] },
        "structuredClone inside the context": { is: true, jsonOnly: true, errors: [] },
        "made outside the context": { is: true, jsonOnly: true, errors: [] },
        "invalid, made outside the context": { is: false, jsonOnly: false, errors: [bad] },
      },
    });
  });
});
