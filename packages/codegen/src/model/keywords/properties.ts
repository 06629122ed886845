import { joinPointer } from "../../load/pointer.js";
import { isSchemaObject, noProtoKey } from "./checks.js";
import { OBJECT, schemaKeyword } from "./define.js";

/**
 * Every JavaScript object inherits `toString`, `valueOf`, `constructor`... from Object.prototype.
 * TypeScript sees those on every object literal, so an optional property of that name and
 * another type fails every value that leaves it out (`{}` is not assignable to
 * `{ toString?: string }`), and a validator's `"toString" in value` would find the inherited
 * one. Required, the property is always the object's own and both hold.
 */
const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const noProto = noProtoKey("properties", "property");

/**
 * `properties`: Each named property, when present, is valid against its subschema. Its rule: no
 * property is named `__proto__`, and none of an inherited member's name is optional.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.1
 */
export const properties = schemaKeyword("properties", "applicator", "map", OBJECT, {
  check(value, ctx) {
    noProto(value, ctx);
    if (!isSchemaObject(value)) return;
    const required = ctx.node["required"];
    const requiredNames = new Set(Array.isArray(required) ? required : []);
    for (const name of Object.keys(value)) {
      if (name === "__proto__" || !INHERITED.has(name) || requiredNames.has(name)) continue;
      ctx.report(
        joinPointer(ctx.pointer, "properties", name),
        `optional property "${name}" has the name of a member every JavaScript object inherits (Object.prototype.${name}): TypeScript would see the inherited one on every value that leaves it out`,
        `make "${name}" required, or rename it`,
      );
    }
  },
});
