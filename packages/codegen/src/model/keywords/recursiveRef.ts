import { dataKeyword, asString } from "./define.js";

/**
 * `$recursiveRef`: Draft 2019-09's dynamic reference, replaced by `$dynamicRef` in 2020-12.
 * @see https://json-schema.org/draft/2020-12/release-notes#dynamicref-and-dynamicanchor
 */
export const $recursiveRef = dataKeyword("$recursiveRef", "legacy", "any", asString, {
  refused: 'write "$dynamicRef" (with a "$dynamicAnchor" where "$recursiveAnchor": true was), as JSON Schema 2020-12 does',
});
