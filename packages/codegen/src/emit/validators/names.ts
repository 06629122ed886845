import { splitPointer } from "../../load/pointer.js";
import { name, type Code } from "./code.js";

/**
 * Error-walker function name of the schema node at `pointer`, derived from the pointer (never a
 * counter, so adding a property renames nothing else): `errorsRoot`,
 * `errors_properties_server_anyOf_0`. Characters outside [A-Za-z0-9] (and `_`, the separator) are
 * written `$hex$`, which keeps the mapping one-to-one.
 */
export function walkerName(pointer: string): Code {
  if (pointer === "") return name("errorsRoot");
  const segments = splitPointer(pointer).map((s) => s.replace(/[^A-Za-z0-9]/g, (c) => `$${c.charCodeAt(0).toString(16)}$`));
  return name(`errors_${segments.join("_")}`);
}

/** Module-level constant of the pattern (or tag map) at `pointer`: `pattern_properties_code_pattern`. */
export function constantName(prefix: string, pointer: string): Code {
  const segments = splitPointer(pointer).map((s) => s.replace(/[^A-Za-z0-9]/g, (c) => `$${c.charCodeAt(0).toString(16)}$`));
  return name([prefix, ...segments].join("_"));
}
