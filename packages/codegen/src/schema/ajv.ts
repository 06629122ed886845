import { createRequire } from "node:module";
import type { Ajv2020, Options } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

/**
 * A new Ajv for JSON Schema 2020-12 with ajv-formats' formats. Ajv is loaded on the first call,
 * not when a module importing this one is: every thread loads the validation and emitter modules,
 * but only the main thread validates and checks fixtures, and loading Ajv cost the worker thread
 * about 0.18 s of its share of a run. (ajv-formats is CommonJS with `exports.default`: the one
 * cast for its plugin lives here.)
 */
export function newAjv2020(options: Options): Ajv2020 {
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = (require("ajv-formats") as { default: typeof import("ajv-formats").default }).default;
  const ajv = new Ajv(options);
  addFormats(ajv);
  return ajv;
}
