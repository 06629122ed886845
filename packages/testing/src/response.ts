import { check, contractName, errorLines, mismatchMessage, type Contract, type ContractType } from "./contract.js";

/** Thrown by `assertResponseMatches`: what the response got wrong, and where it came from. */
export class ResponseMismatchError extends Error {
  readonly status: number;
  readonly url: string;
  /** The body as text, as the service sent it. */
  readonly body: string;
  constructor(response: Response, body: string, problem: string) {
    super(`${response.url || "response"}: ${problem}`);
    this.name = "ResponseMismatchError";
    this.status = response.status;
    this.url = response.url;
    this.body = body;
  }
}

export interface ResponseExpectation {
  /** The exact status expected; by default any 2xx. */
  readonly status?: number;
}

/** `application/json`, `application/problem+json`...: a media type whose body is JSON (RFC 6839 `+json`). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const essence = contentType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"));
}

/** Up to 300 characters of a body, for a message. */
export function excerpt(body: string): string {
  return body.length > 300 ? `${body.slice(0, 300)}... (${body.length} chars)` : body;
}

/**
 * Checks a fetch `Response` against a contract: the status (2xx, or `expected.status`), a JSON
 * `content-type`, a body that parses, and the body matching the entity (or, for `["X"]`, an
 * array of it). Reads the body (so it must not have been read), and returns it typed; throws a
 * `ResponseMismatchError` saying the first thing that is wrong, with every contract error.
 */
export async function assertResponseMatches<const C extends Contract>(
  response: Response,
  contract: C,
  expected: ResponseExpectation = {},
): Promise<ContractType<C>> {
  contractName("assertResponseMatches", contract);
  if (response.bodyUsed) throw new TypeError("assertResponseMatches: the response body was already read; pass the response before reading it");
  const text = await response.text();
  const statusOk = expected.status === undefined ? response.status >= 200 && response.status < 300 : response.status === expected.status;
  if (!statusOk) {
    const want = expected.status === undefined ? "a 2xx status" : `status ${expected.status}`;
    throw new ResponseMismatchError(response, text, `expected ${want}, got ${response.status}; body: ${excerpt(text)}`);
  }
  const type = response.headers.get("content-type");
  if (!isJsonMediaType(type))
    throw new ResponseMismatchError(response, text, `expected a JSON content-type, got ${type === null ? "none" : JSON.stringify(type)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ResponseMismatchError(response, text, `the body is not JSON (${(error as Error).message}): ${excerpt(text)}`);
  }
  const { label, errors } = check("assertResponseMatches", body, contract);
  if (errors.length > 0) throw new ResponseMismatchError(response, text, mismatchMessage("the body", label, errorLines(errors)));
  return body as ContractType<C>;
}
