import type { Json } from "../../model/types.js";

/**
 * TypeScript types of the 3.1 document by openapi-typescript (`components["schemas"][Name]`), so
 * services typing their handlers from the OpenAPI fragment get what client generators get. Given
 * an object, openapi-typescript reads no file (its Redocly config is built from defaults).
 */
export async function typesFromDocument(document: Json): Promise<string> {
  // Loaded on first use: openapi-typescript brings the whole TypeScript compiler.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const nodes = await openapiTS(document as unknown as Parameters<typeof import("openapi-typescript").default>[0], { silent: true });
  const text = astToString(nodes);
  return text.endsWith("\n") ? text : `${text}\n`;
}
