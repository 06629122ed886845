import { joinPointer } from "../../load/pointer.js";
import { declaredTypes, hasType, typeList } from "./checks.js";
import { asJson, dataKeyword } from "./define.js";

/**
 * `const`: The value equals this JSON value. Its rule: the value has the declared `type`, else
 * no value is valid.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.3
 */
export const constKeyword = dataKeyword("const", "validation", "any", asJson, {
  check(value, { node, pointer, report }) {
    const types = declaredTypes(node["type"]);
    if (types && !hasType(value, types))
      report(
        joinPointer(pointer, "const"),
        `const ${JSON.stringify(value)} is not of ${typeList(types)}, so no value is valid`,
        'make the const a value of that type, or fix "type"',
      );
  },
});
