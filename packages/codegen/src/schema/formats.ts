import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The formats ajv-formats knows (its "full" set) and the instance type each applies to: Ajv, the
 * reference our validators are judged against, checks exactly these. Read from the library (its
 * table of checkers: an entry `{ type: "number" }` checks numbers, every other one strings), not
 * listed here, so validation's rule and the validators cannot differ from it. Never mutated.
 */
const FORMATS: ReadonlyMap<string, "string" | "number"> = new Map(
  Object.entries((require("ajv-formats/dist/formats") as { fullFormats: Record<string, unknown> }).fullFormats).map(([format, entry]) => [
    format,
    typeof entry === "object" && entry !== null && (entry as { type?: unknown }).type === "number" ? "number" : "string",
  ]),
);

/** Every format ajv-formats knows. */
export function knownFormats(): ReadonlySet<string> {
  return new Set(FORMATS.keys());
}

/** The instance type a format ajv-formats knows applies to; `undefined` for any other format (an annotation). */
export function formatType(format: string): "string" | "number" | undefined {
  return FORMATS.get(format);
}
