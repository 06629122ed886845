import { createRequire } from "node:module";
import { fixtures } from "@contracts/fixtures";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { validators, type EntityName } from "@contracts/validators";
import { check, errorLines, type Contract } from "./contract.js";
import { excerpt, isJsonMediaType } from "./response.js";

/**
 * A contract check of a running service, driven by its own OpenAPI document and by
 * @contracts/fixtures (what Schemathesis and Dredd do for OpenAPI, from the data that defines the
 * contract): every operation whose request body or response references one of our components is
 * sent requests, and each response is checked.
 */

/** The parts of an OpenAPI 3.x document `verifyService` reads. */
export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths?: { readonly [path: string]: { readonly [method: string]: unknown } };
  readonly [field: string]: unknown;
}

/** One request `verifyService` is about to send (what `beforeEach` receives). */
export interface VerifyCase {
  /** `POST /connectors`, as the document writes the path. */
  readonly operation: string;
  readonly method: string;
  /** The URL the request goes to (path parameters filled in). */
  readonly url: URL;
  /** `valid minimal`, `invalid id: wrong type` (the fixture case names), or `request` (no body). */
  readonly name: string;
  readonly kind: "valid" | "invalid" | "request";
  /** The body sent, as a value (undefined for an operation without a request body). */
  readonly body: unknown;
}

export interface VerifyOptions {
  /** The service's root URL: the document's paths are resolved against it. */
  readonly baseUrl: string | URL;
  /** The service's OpenAPI 3.x document, or its URL (resolved against `baseUrl`), fetched once. */
  readonly openapi: OpenApiDocument | string | URL;
  /** Values of path parameters (`{ slug: "acme" }`); otherwise a parameter's `example` (or its schema's) is used. */
  readonly pathParams?: { readonly [name: string]: string };
  /** At most this many invalid cases per request body, spread evenly over the fixture list (default: all). */
  readonly maxInvalidCases?: number;
  /** Runs before every request: put the service in the state the case needs (Dredd's hooks). */
  readonly beforeEach?: (request: VerifyCase) => void | Promise<void>;
  /** Sent with every request (an `authorization` header, say). */
  readonly headers?: { readonly [name: string]: string };
}

/** What one request got. */
export interface CaseReport {
  readonly operation: string;
  readonly name: string;
  readonly kind: VerifyCase["kind"];
  /** The response status, or 0 when the request itself failed. */
  readonly status: number;
  readonly ok: boolean;
  /** What is wrong, one line each (empty when ok). */
  readonly problems: readonly string[];
}

export interface OperationReport {
  readonly operation: string;
  /** The component the request body references, if any. */
  readonly request?: EntityName;
  /** The success response's contract (`"X"` or `["X"]`), if it references one. */
  readonly response?: Contract;
  /** Why the operation was not checked, when it was not. */
  readonly skipped?: string;
  readonly cases: readonly CaseReport[];
}

export interface VerifyReport {
  /** True when no case failed (skipped operations do not fail a run; they are listed). */
  readonly ok: boolean;
  readonly operations: readonly OperationReport[];
  readonly failures: readonly CaseReport[];
  /** The whole report as text: one line per operation, one per case. */
  readonly text: string;
}

const METHODS = ["get", "put", "post", "patch", "delete"] as const;
const require = createRequire(import.meta.url);

/**
 * Checks a response body against a schema of the document that is not one of our contracts (the
 * service's own error body, say), by its JSON pointer into the document. Ajv (2020-12, with
 * ajv-formats) over the whole document, so its `#/components/...` refs resolve as written; only
 * for OpenAPI 3.1 and later, whose schemas are JSON Schema (3.0's `nullable` dialect is not).
 */
type DocumentChecker = (pointer: string, body: unknown) => string[];

function documentChecker(document: OpenApiDocument): DocumentChecker | undefined {
  if (!/^3\.[1-9]\./.test(document.openapi)) return undefined;
  let ajv: Ajv2020 | undefined;
  return (pointer, body) => {
    if (ajv === undefined) {
      const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
      const addFormats = (require("ajv-formats") as { default: typeof import("ajv-formats").default }).default;
      // strict off and no meta-schema check: the document is not a schema, only the home of some.
      ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
      addFormats(ajv);
      ajv.addSchema(document as object, "openapi-document");
    }
    const check = ajv.getSchema(`openapi-document#${pointer}`) ?? ajv.compile({ $ref: `openapi-document#${pointer}` });
    if (check(body)) return [];
    return (check.errors ?? []).map((e) => `${e.instancePath === "" ? "(root)" : e.instancePath}: ${e.message ?? "is invalid"}`);
  };
}

/** RFC 6901: one reference token. */
const token = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

interface SchemaRef {
  readonly $ref?: unknown;
  readonly type?: unknown;
  readonly items?: unknown;
}

/** `#/components/schemas/X` (or an array of it) as our contract, when X is in the registry. */
function contractOf(schema: unknown): Contract | undefined {
  if (typeof schema !== "object" || schema === null) return undefined;
  const s = schema as SchemaRef;
  if (typeof s.$ref === "string") {
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(s.$ref)?.[1];
    return name !== undefined && Object.hasOwn(validators, name) ? (name as EntityName) : undefined;
  }
  if (s.type === "array") {
    const item = contractOf(s.items);
    return typeof item === "string" ? [item] : undefined;
  }
  return undefined;
}

/** The schema of a request body's or response's `application/json` (or `+json`) content. */
function jsonSchemaOf(holder: unknown): unknown {
  const content = (holder as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  if (content === undefined) return undefined;
  const type = Object.keys(content).find((t) => isJsonMediaType(t));
  return type === undefined ? undefined : content[type]?.schema;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly example?: unknown;
  readonly schema?: { readonly example?: unknown; readonly examples?: readonly unknown[] };
}

function parametersOf(item: unknown, operation: unknown): Parameter[] {
  const own = (operation as { parameters?: Parameter[] }).parameters ?? [];
  const shared = (item as { parameters?: Parameter[] }).parameters ?? [];
  return [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
}

/** Fills `{name}` in a path, or says which parameter has no value. */
function fillPath(path: string, parameters: readonly Parameter[], given: VerifyOptions["pathParams"]): { path: string } | { missing: string } {
  let missing: string | undefined;
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    const value = given?.[name] ?? parameter?.example ?? parameter?.schema?.example ?? parameter?.schema?.examples?.[0];
    if (value === undefined) {
      missing ??= name;
      return "";
    }
    return encodeURIComponent(String(value));
  });
  return missing === undefined ? { path: filled } : { missing };
}

/** `count` items spread evenly over `list`, in order (all of them when count >= length). */
function spread<T>(list: readonly T[], count: number): readonly T[] {
  if (count >= list.length) return list;
  if (count <= 0) return [];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
}

async function loadDocument(options: VerifyOptions): Promise<OpenApiDocument> {
  if (typeof options.openapi === "object" && !(options.openapi instanceof URL)) return options.openapi;
  const url = new URL(options.openapi, options.baseUrl);
  const response = await fetch(url, { headers: { accept: "application/json", ...options.headers } });
  if (!response.ok) throw new Error(`verifyService: GET ${url.href} answered ${response.status}; expected the OpenAPI document`);
  return (await response.json()) as OpenApiDocument;
}

interface Planned {
  readonly report: Omit<OperationReport, "cases">;
  readonly method: string;
  /** JSON pointer to the operation in the document. */
  readonly pointer: string;
  readonly url?: URL;
  readonly responses: Readonly<Record<string, unknown>>;
}

/** What to send to one operation, or why not. */
function plan(options: VerifyOptions, path: string, method: string, item: unknown, operation: unknown): Planned {
  const name = `${method.toUpperCase()} ${path}`;
  const responses = ((operation as { responses?: Record<string, unknown> }).responses ?? {}) as Record<string, unknown>;
  const requestBody = (operation as { requestBody?: unknown }).requestBody;
  const request = requestBody === undefined ? undefined : contractOf(jsonSchemaOf(requestBody));
  const success = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/.test(code))
    .sort()
    .map((code) => contractOf(jsonSchemaOf(responses[code])))
    .find((c) => c !== undefined);
  const report = { operation: name, ...(typeof request === "string" ? { request } : {}), ...(success === undefined ? {} : { response: success }) };
  const pointer = `/paths/${token(path)}/${method}`;
  const skip = (skipped: string): Planned => ({ report: { ...report, skipped }, method, pointer, responses });
  if (requestBody !== undefined && request === undefined) return skip("its request body references none of the contracts");
  if (Array.isArray(request)) return skip("its request body is a list; verifyService sends one entity");
  if (request === undefined && success === undefined) return skip("neither its request body nor a 2xx response references a contract");
  if (typeof request === "string" && !Object.hasOwn(fixtures, request)) return skip(`@contracts/fixtures has no cases for ${request}`);
  const filled = fillPath(path, parametersOf(item, operation), options.pathParams);
  if ("missing" in filled) return skip(`no value for the path parameter {${filled.missing}}: give it in pathParams, or an example in the document`);
  const base = new URL(options.baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, "")}${filled.path}`, base);
  return { report, method, pointer, url, responses };
}

interface Declared {
  readonly declared: boolean;
  readonly contract?: Contract;
  /** JSON pointer to the declared JSON body schema, when there is one. */
  readonly schema?: string;
}

/** How a response of this status is declared (exact code, then `4XX`, then `default`). */
function declaredResponse(planned: Planned, status: number): Declared {
  const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => Object.hasOwn(planned.responses, k));
  if (key === undefined) return { declared: false };
  const content = (planned.responses[key] as { content?: Record<string, { schema?: unknown }> }).content ?? {};
  const type = Object.keys(content).find((t) => isJsonMediaType(t));
  if (type === undefined || content[type]?.schema === undefined) return { declared: true };
  const contract = contractOf(content[type].schema);
  const schema = `${planned.pointer}/responses/${token(key)}/content/${token(type)}/schema`;
  return contract === undefined ? { declared: true, schema } : { declared: true, contract, schema };
}

async function send(c: VerifyCase, planned: Planned, options: VerifyOptions, checker: DocumentChecker | undefined): Promise<CaseReport> {
  const base = { operation: c.operation, name: c.name, kind: c.kind };
  let response: Response;
  let text: string;
  try {
    await options.beforeEach?.(c);
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (c.body !== undefined) headers["content-type"] = "application/json";
    response = await fetch(c.url, {
      method: c.method,
      headers,
      ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
      signal: AbortSignal.timeout(10_000),
    });
    text = await response.text();
  } catch (error) {
    return { ...base, status: 0, ok: false, problems: [`the request failed: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  const { status } = response;
  if (status >= 500) problems.push(`expected ${c.kind === "invalid" ? "a 4xx" : "a 2xx"}, got ${status}: ${excerpt(text)}`);
  else if (c.kind === "invalid" && !(status >= 400 && status < 500)) problems.push(`expected a 4xx for an invalid body, got ${status}`);
  else if (c.kind !== "invalid" && !(status >= 200 && status < 300)) problems.push(`expected a 2xx, got ${status}: ${excerpt(text)}`);
  const { declared, contract, schema } = declaredResponse(planned, status);
  if (status < 500 && !declared) problems.push(`status ${status} is not declared in the document's responses`);
  if (schema !== undefined && (contract !== undefined || checker !== undefined)) {
    let body: unknown;
    try {
      if (!isJsonMediaType(response.headers.get("content-type"))) throw new Error(`content-type ${JSON.stringify(response.headers.get("content-type"))}`);
      body = JSON.parse(text);
    } catch (error) {
      problems.push(`the body is not JSON (${(error as Error).message}): ${excerpt(text)}`);
      return { ...base, status, ok: false, problems };
    }
    if (contract !== undefined) {
      const { label, errors } = check("verifyService", body, contract);
      if (errors.length > 0) problems.push(`the body does not match ${label}:`, ...errorLines(errors).map((line) => `  ${line}`));
    } else {
      const lines = checker!(schema, body);
      if (lines.length > 0) problems.push(`the body does not match the document's schema for status ${status}:`, ...lines.map((line) => `  ${line}`));
    }
  }
  return { ...base, status, ok: problems.length === 0, problems };
}

/** A valid or invalid case of @contracts/fixtures, as far as the requests read it. */
interface FixtureCase {
  readonly name: string;
  readonly value: unknown;
}

function cases(planned: Planned, options: VerifyOptions): VerifyCase[] {
  const { operation, request } = planned.report;
  const common = { operation, method: planned.method.toUpperCase(), url: planned.url! };
  if (typeof request !== "string") return [{ ...common, name: "request", kind: "request", body: undefined }];
  // `plan` skips an entity without cases, so this one has them; typed by shape, since with the
  // fixtures target off in contracts.config.json the registry's type has no entity at all.
  const data = (fixtures as Readonly<Record<string, { readonly valid: readonly FixtureCase[]; readonly invalid: readonly FixtureCase[] }>>)[request]!;
  return [
    ...data.valid.map((v): VerifyCase => ({ ...common, name: `valid ${v.name}`, kind: "valid", body: v.value })),
    ...spread(data.invalid, options.maxInvalidCases ?? Infinity).map((v): VerifyCase => ({
      ...common,
      name: `invalid ${v.name}`,
      kind: "invalid",
      body: v.value,
    })),
  ];
}

function render(operations: readonly OperationReport[]): string {
  const lines: string[] = [];
  for (const op of operations) {
    const shape = [
      op.request === undefined ? undefined : `body ${op.request}`,
      op.response === undefined ? undefined : `returns ${Array.isArray(op.response) ? `${op.response[0]}[]` : op.response}`,
    ]
      .filter((s) => s !== undefined)
      .join(", ");
    if (op.skipped !== undefined) {
      lines.push(`${op.operation}: skipped, ${op.skipped}`);
      continue;
    }
    const failed = op.cases.filter((c) => !c.ok).length;
    lines.push(`${op.operation} (${shape}): ${op.cases.length - failed} of ${op.cases.length} cases ok`);
    for (const c of op.cases) {
      lines.push(`  ${c.ok ? "ok  " : "FAIL"} ${c.name} -> ${c.status}`);
      for (const problem of c.problems) lines.push(`       ${problem}`);
    }
  }
  return lines.join("\n");
}

/**
 * Checks a running service against its OpenAPI document: for each operation whose request body
 * or 2xx response references one of our components, sends the fixtures' valid cases (expecting
 * a 2xx whose body matches the declared response) and invalid ones (expecting a 4xx); an
 * operation without a request body gets one request. No case may get a 5xx, an undeclared
 * status, or a body that breaks the contract its status declares. Requests go one at a time, in
 * the document's order, so `beforeEach` can set the state each one needs.
 */
export async function verifyService(options: VerifyOptions): Promise<VerifyReport> {
  const document = await loadDocument(options);
  const checker = documentChecker(document);
  const operations: OperationReport[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const planned = plan(options, path, method, item, operation);
      const reports: CaseReport[] = [];
      if (planned.report.skipped === undefined) for (const c of cases(planned, options)) reports.push(await send(c, planned, options, checker));
      operations.push({ ...planned.report, cases: reports });
    }
  }
  const failures = operations.flatMap((op) => op.cases.filter((c) => !c.ok));
  return { ok: failures.length === 0, operations, failures, text: render(operations) };
}
