import { readFileSync } from "node:fs";
import type { ConnectorWithStatus, ConnectorWithStatusInput, ConnectorWithStatusPatch } from "@contracts/types";
import {
  ConnectorWithStatus as ConnectorWithStatusSchema,
  ConnectorWithStatusInput as ConnectorWithStatusInputSchema,
  ConnectorWithStatusPatch as ConnectorWithStatusPatchSchema,
  validateConnectorWithStatus,
} from "@contracts/validators";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { buildDocument, type OperationSpec } from "./openapi.js";
import { newConnectorId, openStore, type ConnectorStore } from "./store.js";
import { ErrorBodySchema, RequestValidationError, validatorCompiler, type ErrorBody } from "./validation.js";

export interface ServerOptions {
  /** SQLite file; `:memory:` (the default) is a fresh database seeded from @contracts/fixtures. */
  readonly databasePath?: string;
  /** Check request bodies against the contracts (default true; the bench measures it off too). */
  readonly validation?: boolean;
  readonly logger?: FastifyServerOptions["logger"];
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
}

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** `?cursor` values: the last sequence number of the page before, base64url, opaque to clients. */
const encodeCursor = (seq: number) => Buffer.from(`s${seq}`).toString("base64url");
function decodeCursor(cursor: string): number | undefined {
  const match = /^s(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match === null ? undefined : Number(match[1]);
}

const slugParams = {
  type: "object",
  properties: { slug: { type: "string", minLength: 1, description: "The connector's slug", example: "acme-connector" } },
  required: ["slug"],
  additionalProperties: false,
} as const;

const listQuery = {
  type: "object",
  properties: {
    limit: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: "Connectors per page" },
    cursor: {
      type: "string",
      pattern: "^[A-Za-z0-9_-]+$",
      description: 'Where the page starts: the `cursor` of the previous page\'s `Link: <...>; rel="next"`',
    },
  },
  additionalProperties: false,
} as const;

const errorResponse = (description: string) => ({ description, schema: ErrorBodySchema });

function errorBody(message: string, errors: ErrorBody["errors"] = []): ErrorBody {
  return { message, errors };
}

function notFound(reply: FastifyReply, slug: string) {
  return reply.code(404).send(errorBody(`no connector with slug ${JSON.stringify(slug)}`));
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

function conflict(reply: FastifyReply, slug: string) {
  return reply.code(409).send(errorBody(`a connector with slug ${JSON.stringify(slug)} exists already`));
}

/**
 * JSON Merge Patch (RFC 7396) of a connector: each member of the patch replaces the stored one
 * whole (nested objects included: `server` is sent entire, as the patch view's schema says);
 * `null` is a value, where the schema allows it, not a deletion (every property is required).
 */
function mergePatch(stored: ConnectorWithStatus, patch: ConnectorWithStatusPatch): ConnectorWithStatus {
  return { ...stored, ...patch } as ConnectorWithStatus;
}

/** The routes: what Fastify serves and what GET /openapi.json documents, from one table. */
function operations(store: ConnectorStore): (OperationSpec & { handler: (request: FastifyRequest, reply: FastifyReply) => unknown })[] {
  return [
    {
      method: "GET",
      url: "/connectors",
      operationId: "listConnectors",
      summary: "List connectors, oldest first, a page at a time",
      querystring: listQuery,
      responses: {
        200: {
          description: 'A page of connectors; a `Link` header with rel="next" points at the next page when there is one',
          schema: { type: "array", items: ConnectorWithStatusSchema },
          headers: { Link: { description: 'RFC 8288: `</connectors?limit=N&cursor=C>; rel="next"`', schema: { type: "string" } } },
        },
        400: errorResponse("A bad `limit` or `cursor`"),
      },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const { limit, cursor } = request.query as { limit: number; cursor?: string };
        const after = cursor === undefined ? 0 : decodeCursor(cursor);
        if (after === undefined) {
          throw new RequestValidationError("query string", [
            { path: "/cursor", keyword: "cursor", message: `/cursor is not a cursor this service issued (got ${JSON.stringify(cursor)})` },
          ]);
        }
        const page = store.list(limit, after);
        if (page.more && page.last !== undefined) reply.header("link", `</connectors?limit=${limit}&cursor=${encodeCursor(page.last)}>; rel="next"`);
        return page.items satisfies ConnectorWithStatus[];
      },
    },
    {
      method: "GET",
      url: "/connectors/:slug",
      operationId: "getConnector",
      summary: "One connector by slug",
      params: slugParams,
      responses: { 200: { description: "The connector", schema: ConnectorWithStatusSchema }, 404: errorResponse("No connector has this slug") },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const { slug } = (request as SlugRequest).params;
        const connector: ConnectorWithStatus | undefined = store.get(slug);
        return connector ?? notFound(reply, slug);
      },
    },
    {
      method: "POST",
      url: "/connectors",
      operationId: "createConnector",
      summary: "Create a connector: the server assigns its id and createdAt",
      body: ConnectorWithStatusInputSchema,
      responses: {
        201: { description: "The connector as stored", schema: ConnectorWithStatusSchema },
        400: errorResponse("A body that is not a ConnectorWithStatusInput (an `id` or `createdAt` sent, an unknown key, a wrong type, broken JSON, too large)"),
        409: errorResponse("A connector with this slug exists already"),
      },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const input = request.body as ConnectorWithStatusInput;
        const connector: ConnectorWithStatus = { ...input, id: newConnectorId(), createdAt: new Date().toISOString() } as ConnectorWithStatus;
        const stored = store.insert(connector);
        return stored === undefined ? conflict(reply, connector.slug) : reply.code(201).send(stored);
      },
    },
    {
      method: "PATCH",
      url: "/connectors/:slug",
      operationId: "updateConnector",
      summary: "Change a connector: a JSON Merge Patch (RFC 7396) of its writable properties",
      params: slugParams,
      body: ConnectorWithStatusPatchSchema,
      responses: {
        200: { description: "The connector as stored after the patch", schema: ConnectorWithStatusSchema },
        400: errorResponse("A body that is not a ConnectorWithStatusPatch (empty, a readOnly property sent, an unknown key, a wrong type)"),
        404: errorResponse("No connector has this slug"),
        409: errorResponse("The patch renames the connector to a slug another one has"),
      },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const { slug } = (request as SlugRequest).params;
        const stored = store.get(slug);
        if (stored === undefined) return notFound(reply, slug);
        const merged = mergePatch(stored, request.body as ConnectorWithStatusPatch);
        // The patch view cannot judge what relates properties to each other: the result is
        // checked as a whole before it is stored (with every property required, it always holds).
        const checked = validateConnectorWithStatus(merged);
        if (!checked.ok) throw new RequestValidationError("request body", checked.errors);
        const result = store.replace(slug, merged);
        if (result === "missing") return notFound(reply, slug);
        if (result === "conflict") return conflict(reply, merged.slug);
        return result;
      },
    },
    {
      method: "DELETE",
      url: "/connectors/:slug",
      operationId: "deleteConnector",
      summary: "Delete a connector",
      params: slugParams,
      responses: { 204: { description: "Deleted" }, 404: errorResponse("No connector has this slug") },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const { slug } = (request as SlugRequest).params;
        return store.delete(slug) ? reply.code(204).send() : notFound(reply, slug);
      },
    },
  ];
}

/** A request that never reached a handler, in the same body shape as a validation error. */
function requestError(error: FastifyError, bodyLimit: number): { status: number; body: ErrorBody } | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      // 400, not 413: every bad body is answered alike, with where and what (issue 15).
      return {
        status: 400,
        body: errorBody("invalid request body", [
          { path: "", keyword: "maxBytes", message: `value is larger than the ${bodyLimit} bytes this service accepts` },
        ]),
      };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, body: errorBody("invalid request body", [{ path: "", keyword: "json", message: `value is not JSON: ${error.message}` }]) };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, body: errorBody(`request bodies are application/json; ${error.message}`) };
  }
  if (error instanceof SyntaxError)
    return { status: 400, body: errorBody("invalid request body", [{ path: "", keyword: "json", message: `value is not JSON: ${error.message}` }]) };
  return undefined;
}

/**
 * The connectors service. Not listening yet: `await app.listen({ port, host })` (see main.ts);
 * `app.close()` lets in-flight requests finish, then closes the database.
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const store = openStore(options.databasePath ?? ":memory:");
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // On close, idle keep-alive connections are closed at once; busy ones when their response is sent.
    forceCloseConnections: "idle",
  });
  app.setValidatorCompiler(validatorCompiler(options.validation ?? true));
  // Closing: Node's server.close() ends the connections idle at that moment, but a keep-alive
  // connection busy then would stay open after its response and hold close() up until the client
  // lets go. Responses sent while closing say `connection: close`, so each such connection ends
  // with its in-flight response; then the database is closed.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_request, reply) => {
    if (closing) reply.header("connection", "close");
  });
  app.addHook("onClose", async () => store.close());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RequestValidationError) return reply.code(400).send(errorBody(error.message, error.errors));
    const known = requestError(error, bodyLimit);
    if (known !== undefined) return reply.code(known.status).send(known.body);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return reply.code(error.statusCode).send(errorBody(error.message));
    request.log.error(error);
    return reply.code(500).send(errorBody("internal error"));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(`no route ${request.method} ${request.url.split("?")[0]}`)));

  const table = operations(store);
  for (const { method, url, params, querystring, body, handler } of table) {
    app.route({ method, url, schema: { ...(params && { params }), ...(querystring && { querystring }), ...(body !== undefined && { body }) }, handler });
  }
  const document = buildDocument(table, version);
  app.get("/openapi.json", () => document);
  return app;
}
