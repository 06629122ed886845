import { dataKeyword, asBoolean } from "./define.js";

/**
 * `$recursiveAnchor`: Draft 2019-09's anchor for `$recursiveRef`, replaced by `$dynamicAnchor` in 2020-12.
 * @see https://json-schema.org/draft/2020-12/release-notes#dynamicref-and-dynamicanchor
 */
export const $recursiveAnchor = dataKeyword("$recursiveAnchor", "legacy", "any", asBoolean, {
  refused: 'write "$dynamicAnchor": "<name>" and refer to it with "$dynamicRef": "#<name>", as JSON Schema 2020-12 does',
});
