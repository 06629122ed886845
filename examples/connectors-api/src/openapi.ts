import { mergeComponents } from "@contracts/openapi";
import { validators } from "@contracts/validators";
import { ErrorBodySchema } from "./validation.js";

/** One response of an operation, as the route table declares it. */
export interface ResponseSpec {
  readonly description: string;
  /** A contract's schema (from @contracts/validators), `{ type: "array", items: <that> }`, or the service's own. */
  readonly schema?: unknown;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: unknown }>>;
}

/** What the OpenAPI document says of one route (the route table in server.ts holds these next to the handlers). */
export interface OperationSpec {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Fastify's form: `/connectors/:slug`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly params?: ObjectSchema;
  readonly querystring?: ObjectSchema;
  readonly body?: unknown;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

export interface ObjectSchema {
  readonly type: "object";
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>> & { readonly example?: unknown }>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

/** Each contract's component name by its schema object. */
const componentNames = new Map<unknown, string>(Object.values(validators).map((v) => [v.schema, v.name]));

/** A route schema as the document writes it: contracts (and ErrorBody) by `$ref` to their component. */
function documentSchema(schema: unknown): unknown {
  const name = schema === ErrorBodySchema ? "ErrorBody" : componentNames.get(schema);
  if (name !== undefined) return { $ref: `#/components/schemas/${name}` };
  const s = schema as { type?: unknown; items?: unknown };
  if (s.type === "array" && s.items !== undefined) return { ...s, items: documentSchema(s.items) };
  return schema;
}

function parameters(where: "path" | "query", schema: ObjectSchema | undefined): unknown[] {
  if (schema === undefined) return [];
  return Object.entries(schema.properties).map(([name, { example, description, ...rest }]) => ({
    name,
    in: where,
    required: where === "path" || (schema.required ?? []).includes(name),
    ...(description === undefined ? {} : { description }),
    schema: rest,
    ...(example === undefined ? {} : { example }),
  }));
}

/**
 * The service's OpenAPI 3.1 document, built from the same route table Fastify serves (so the
 * two cannot drift), with the contracts' components added by `mergeComponents` from
 * @contracts/openapi: every path references the shared components, not copies of them.
 */
export function buildDocument(operations: readonly OperationSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers === undefined ? {} : { headers: r.headers }),
          ...(r.schema === undefined ? {} : { content: { "application/json": { schema: documentSchema(r.schema) } } }),
        },
      ]),
    );
    const params = [...parameters("path", op.params), ...parameters("query", op.querystring)];
    (paths[path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(params.length === 0 ? {} : { parameters: params }),
      ...(op.body === undefined ? {} : { requestBody: { required: true, content: { "application/json": { schema: documentSchema(op.body) } } } }),
      responses,
    };
  }
  return mergeComponents({
    openapi: "3.1.1",
    info: { title: "connectors-api", version, description: "Connectors of a workspace: the example service of the contracts repository." },
    paths,
    components: { schemas: { ErrorBody: ErrorBodySchema } },
  });
}
