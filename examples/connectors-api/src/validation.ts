import { createRequire } from "node:module";
import { validators, type ValidationError, type Validator } from "@contracts/validators";
import type { FastifySchemaCompiler } from "fastify";

const require = createRequire(import.meta.url);

/** Every error response's body: a summary, and each error's JSON pointer and message as `validateX` reports them. */
export interface ErrorBody {
  readonly message: string;
  readonly errors: readonly ValidationError[];
}

/** `ErrorBody` as JSON Schema: the service's own component in its OpenAPI document. */
export const ErrorBodySchema = {
  type: "object",
  description: "An error: a summary, and every problem found in the request, each at its JSON pointer (the shape of @contracts/validators' errors).",
  properties: {
    message: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: { path: { type: "string", description: "JSON pointer into the request part" }, message: { type: "string" }, keyword: { type: "string" } },
        required: ["path", "message", "keyword"],
        additionalProperties: false,
      },
    },
  },
  required: ["message", "errors"],
  additionalProperties: false,
} as const;

/** A request part (body, query string, path parameters) that breaks its schema: answered 400. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly errors: readonly ValidationError[];
  constructor(part: string, errors: readonly ValidationError[]) {
    super(`invalid ${part}`);
    this.name = "RequestValidationError";
    this.errors = errors;
  }
}

/** Each contract's validator by its schema object: a route declares `body: ConnectorWithStatusInput`, the schema itself. */
const contracts = new Map<unknown, Validator<unknown>>(Object.values(validators).map((v) => [v.schema, v as Validator<unknown>]));

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: { readonly missingProperty?: string; readonly additionalProperty?: string };
  readonly data?: unknown;
}
interface AjvFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/**
 * Ajv for the service's own small schemas (query string, path parameters), whose values arrive
 * as strings and are coerced (`?limit=10` is the number 10). Loaded lazily: only routes with
 * such a schema need it.
 */
function compileOwn(schema: unknown): AjvFunction {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const ajv = new Ajv2020({ allErrors: true, coerceTypes: true, useDefaults: true, verbose: true, strict: true });
  // OpenAPI's `example`: what the document shows for a parameter (openapi.ts moves it there).
  ajv.addKeyword({ keyword: "example" });
  return ajv.compile(schema as object) as AjvFunction;
}

/** An Ajv error in the validators' words: `<pointer or "value"> <requirement> (got <value>)`. */
function fromAjv(e: AjvError): ValidationError {
  const where = e.instancePath === "" ? "value" : e.instancePath;
  if (e.keyword === "additionalProperties")
    return { path: e.instancePath, keyword: e.keyword, message: `${where} must not have unknown property ${JSON.stringify(e.params.additionalProperty)}` };
  if (e.keyword === "required")
    return { path: e.instancePath, keyword: e.keyword, message: `${where} must have required property ${JSON.stringify(e.params.missingProperty)}` };
  return { path: e.instancePath, keyword: e.keyword, message: `${where} ${e.message ?? "is invalid"} (got ${JSON.stringify(e.data)})` };
}

const PARTS: Record<string, string> = { body: "request body", querystring: "query string", params: "path parameters", headers: "headers" };

/**
 * Fastify's validator compiler: a route schema that is one of the contracts is checked by its
 * generated validator from @contracts/validators (the same verdict and errors every other
 * consumer of the contract gets); the service's own schemas by Ajv. With `enabled: false`
 * (the bench's "validation off") contract bodies are not checked; the query string and path
 * parameters still are (their coercion is how the handlers get numbers).
 */
export function validatorCompiler(enabled: boolean): FastifySchemaCompiler<unknown> {
  return ({ schema, httpPart }) => {
    const part = PARTS[httpPart ?? "body"] ?? String(httpPart);
    const contract = contracts.get(schema);
    if (contract !== undefined) {
      if (!enabled) return () => true;
      return (data) => {
        const result = contract.validate(data);
        return result.ok ? true : { error: new RequestValidationError(part, result.errors) };
      };
    }
    const check = compileOwn(schema);
    return (data) => (check(data) ? true : { error: new RequestValidationError(part, (check.errors ?? []).map(fromAjv)) });
  };
}
