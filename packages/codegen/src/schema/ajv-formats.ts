import addFormatsModule from "ajv-formats";

/**
 * ajv-formats' plugin. The package is CommonJS with `exports.default`: under NodeNext a default
 * import is the whole module object, whose callable `.default` TypeScript does not see, so the
 * one cast lives here rather than at every use.
 */
export const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
