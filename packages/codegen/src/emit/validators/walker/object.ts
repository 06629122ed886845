import { joinPointer } from "../../../load/pointer.js";
import { code, join, type Code } from "../code.js";
import { walkerName } from "../names.js";
import { hasObjectKeywords, isEmptySchema, propertyNames, requiredNames } from "../schema.js";
import { atChild, guarded, type KeywordGroup } from "./context.js";

/**
 * required, properties, additionalProperties. Required properties must be own properties
 * (rt.ownProperties in the check); `{}` as additionalProperties accepts any value, unread, as Ajv
 * does. Errors point at the property: `/server/config is required`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2
 */
export const objectKeywords: KeywordGroup = (s, ctx) => {
  if (!hasObjectKeywords(s)) return [];
  const declared = propertyNames(s);
  const required = requiredNames(s);
  const body: Code[] = [];
  // `in`, as TypeBox checks `required` (fast: an inline cache per key); rt.inherited then reports
  // the inherited ones, which rt.ownProperties rejects in the check: on another prototype, on a
  // polluted Object.prototype, or for a name every object inherits (`toString`).
  for (const key of required) body.push(code`if (!(${key} in v)) rt.missing(out, path, ${key});`);
  const requiredList = join(
    required.map((k) => code`${k}`),
    ", ",
  );
  if (required.some((k) => k in Object.prototype)) body.push(code`rt.inherited(out, path, v, [${requiredList}]);`);
  else if (required.length > 0)
    body.push(code`if (!rt.isPlainPrototype(Object.getPrototypeOf(v)) || rt.isPolluted()) rt.inherited(out, path, v, [${requiredList}]);`);
  for (const key of declared) {
    const walker = walkerName(joinPointer(ctx.pointer, "properties", key));
    const present = required.includes(key) ? code`${key} in v` : code`${key} in v && v[${key}] !== undefined`;
    body.push(code`if (${present}) ${atChild(code`${key}`, walker, code`v[${key}]`)}`);
  }
  const extra = s["additionalProperties"];
  const isDeclared = join(
    declared.map((k) => code`k === ${k}`),
    " || ",
  );
  // With every property required and no others allowed, TypeBox counts own names (enumerable or not).
  const keys =
    extra === false && declared.length === required.length && declared.every((k) => required.includes(k))
      ? code`Object.getOwnPropertyNames(v)`
      : code`Object.keys(v)`;
  const each = (action: Code): Code =>
    declared.length === 0 ? code`for (const k of ${keys}) ${action}` : code`for (const k of ${keys}) if (!(${isDeclared})) ${action}`;
  if (extra === false) body.push(each(code`rt.notAllowed(out, path, k);`));
  else if (extra !== undefined && !isEmptySchema(extra))
    body.push(each(atChild(code`k`, walkerName(joinPointer(ctx.pointer, "additionalProperties")), code`v[k]`)));
  return body.length === 0 ? [] : [guarded(s, "object", code`typeof v === "object" && v !== null && !Array.isArray(v)`, body)];
};
