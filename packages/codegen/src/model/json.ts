/** A JSON value as parsed from a schema file. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** A JSON Schema object (or boolean schema) as written in a `schemas/*.schema.json` file. */
export type JsonSchema = boolean | { readonly [keyword: string]: Json };
