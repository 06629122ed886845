/**
 * Helpers of the generated error walkers (`errors…` functions), which run only after the compiled
 * check rejected a value and explain why, in messages a person can act on:
 * `/server/status must be one of "error", "connected", "disconnected", null (got "pending")`.
 * Shared here rather than inlined per entity so every entity phrases errors the same way.
 */
import { evaluated, mergeEvaluated, type Evaluated } from "./evaluated.js";
import { inheritsEnumerable, isPlainObject, MAX_KEYS, overKeyBudget, TOO_MANY_KEYS, type Segment } from "./json.js";

export type { Segment } from "./json.js";

/** One error found by a walker; `path` is the value path as keys and indices. */
export interface Issue {
  readonly path: readonly Segment[];
  readonly keyword: string;
  readonly message: string;
  /** For a `type` error: the expected types as the message words them ("object or null"). */
  readonly expected?: string | undefined;
  /** `path` as a JSON pointer, when the walker already built it for the message. */
  readonly pointer?: string;
}

/**
 * A generated error walker: appends what is wrong with `v` (found at `path`) to `out`. `path` is
 * one array shared by the whole walk: a walker pushes a child's key before walking it and pops it
 * after, and an issue takes a copy. So a walk allocates only for the errors it finds.
 */
export type Walker = (v: any, path: Segment[], out: Issue[], ev?: Evaluated) => void;

/** Enough to fix a request; bounds the work on garbage input. */
export const MAX_ERRORS = 100;

/** String length in code points, as minLength/maxLength count it. */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** RFC 6901 JSON pointer of a path (most keys need no escape, so they are not rewritten). */
export function toPointer(path: readonly Segment[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `/${p}`;
    else s += p.includes("~") || p.includes("/") ? `/${p.replaceAll("~", "~0").replaceAll("/", "~1")}` : `/${p}`;
  }
  return s;
}

/** A string as JSON writes it; most need no escape, and a scan is cheaper than JSON.stringify. */
function quote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** The value as a message shows it: short, never throwing (getters, proxies, symbols...). */
export function show(v: unknown): string {
  try {
    switch (typeof v) {
      case "string":
        return v.length > 40 ? `${quote(v.slice(0, 40))}... (${v.length} chars)` : quote(v);
      case "number":
      case "boolean":
        return String(v);
      case "bigint":
        return `bigint ${String(v)}n`;
      case "undefined":
        return "undefined";
      case "symbol":
        return "a symbol";
      case "function":
        return "a function";
    }
    if (v === null) return "null";
    if (Array.isArray(v)) return "an array";
    if (isPlainObject(v)) return "an object";
    return `a non-plain object (${Object.prototype.toString.call(v).slice(8, -1)})`;
  } catch {
    return "an uninspectable value";
  }
}

/** The path as a message names it. */
function where(pointer: string, depth: number): string {
  if (pointer === "") return "value";
  return pointer.length > 120 ? `${pointer.slice(0, 50)}/...(${depth} levels)...${pointer.slice(-50)}` : pointer;
}

/** Records `<path> <text>`: the path copied (the walk goes on changing it), its pointer built once. */
function record(out: Issue[], path: Segment[], keyword: string, text: string, expected: string | undefined): void {
  const pointer = toPointer(path);
  out.push({ path: path.slice(), pointer, keyword, message: `${where(pointer, path.length)} ${text}`, expected });
}

/** `<path> <requirement> (got <value>)`. */
export function fail(out: Issue[], path: Segment[], keyword: string, requirement: string, v: unknown): void {
  if (out.length < MAX_ERRORS) record(out, path, keyword, `${requirement} (got ${show(v)})`, undefined);
}

/*
 * `required` and `additionalProperties` errors sit at the object that breaks the rule, as Ajv
 * reports them (and as @contracts/fixtures' expected errors say); the message names the property.
 */
export function missing(out: Issue[], path: Segment[], key: string): void {
  if (out.length < MAX_ERRORS) record(out, path, "required", `must have required property ${quote(key)}`, undefined);
}

/**
 * Required properties found by `in` but inherited (rt.ownProperties in the check): they do not
 * count. Walkers call it only for objects whose prototype is not a plain one.
 */
export function inherited(out: Issue[], path: Segment[], v: object, required: readonly string[]): void {
  for (const key of required) if (key in v && !Object.hasOwn(v, key)) missing(out, path, key);
}

export function notAllowed(out: Issue[], path: Segment[], key: string, keyword = "additionalProperties"): void {
  if (out.length < MAX_ERRORS) record(out, path, keyword, `must not have unknown property ${show(key)}`, undefined);
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The keys a walker reads one by one (own enumerable ones, or every own name where the check
 * counts those), or none past the key budget: then one `maxKeys` error at the object instead
 * (once, though several keywords of the node read its keys), as the check rejects it.
 */
export function keysOf(out: Issue[], path: Segment[], v: object, ownNames: boolean): readonly string[] {
  if (ownNames) {
    if (!overKeyBudget(v)) return Object.getOwnPropertyNames(v);
  } else {
    // One listing, not a count and then a listing: own enumerable keys are a subset of what
    // `for...in` counts (the check's budget), so past MAX_KEYS here is past it there; within it,
    // only inherited enumerable keys can add to the count.
    const keys = Object.keys(v);
    if (keys.length <= MAX_KEYS && !(inheritsEnumerable(v) && overKeyBudget(v))) return keys;
  }
  const pointer = toPointer(path);
  if (out.length < MAX_ERRORS && !out.some((i) => i.keyword === "maxKeys" && (i.pointer ?? toPointer(i.path)) === pointer))
    record(out, path, "maxKeys", `${TOO_MANY_KEYS} (got ${show(v)})`, undefined);
  return NO_KEYS;
}

/** unevaluatedItems: false, at the array, naming the item no keyword evaluated. */
export function unevaluatedItem(out: Issue[], path: Segment[], index: number): void {
  if (out.length < MAX_ERRORS) record(out, path, "unevaluatedItems", `must not have item ${index}: no keyword of the schema allows it`, undefined);
}

export function typeError(out: Issue[], path: Segment[], expected: string, v: unknown): void {
  if (out.length < MAX_ERRORS) record(out, path, "type", `must be ${expected} (got ${show(v)})`, expected);
}

/** The expected types of a `type` error at the branch's own depth, if the branch has one. */
function typeIssue(found: readonly Issue[], depth: number): string | undefined {
  for (const e of found) if (e.expected !== undefined && e.path.length === depth) return e.expected;
  return undefined;
}

/**
 * A branch of an anyOf/oneOf as the walkers pass it: its walker, or, when the branch's own `type`
 * already rejects the value, the words of that type ("object or null").
 */
export type Branch = Walker | string;

/**
 * anyOf: a value no branch accepts. The branches whose own `type` rejects the value are
 * noise, so report the errors of the closest remaining branch (the object branch of a nullable
 * object), or one merged type error when every branch rejects the type. Where several branches are
 * as close (as many errors), the errors of each: the value may have meant any of them, and an
 * invalid fixture that broke one thing in one branch expects that branch's error (a JSON-RPC
 * response with a wrong `id` is one error from the response branch and one from the request's).
 */
export function anyOf(out: Issue[], path: Segment[], v: unknown, keyword: string, branches: readonly Branch[], ev?: Evaluated): void {
  let best: Issue[] | undefined;
  let tied: Issue[][] | undefined;
  const expected: string[] = [];
  let matched = false;
  for (const branch of branches) {
    if (typeof branch === "string") {
      expected.push(branch);
      continue;
    }
    const found: Issue[] = [];
    const own = ev === undefined ? undefined : evaluated();
    branch(v, path, found, own);
    if (found.length === 0) {
      // What every passing branch evaluated counts (unevaluatedProperties), so all are tried then.
      if (own === undefined) return;
      mergeEvaluated(ev, own);
      matched = true;
      continue;
    }
    const wrongType = typeIssue(found, path.length);
    if (wrongType !== undefined) {
      expected.push(wrongType);
      continue;
    }
    if (best === undefined || found.length < best.length) [best, tied] = [found, undefined];
    else if (found.length === best.length) (tied ??= []).push(found);
  }
  if (matched) return;
  if (best !== undefined && best.length > 0) {
    for (const e of best) if (out.length < MAX_ERRORS) out.push(e);
    // A tied branch's error that reads as one already reported (both branches require `method`) is said once.
    for (const found of tied ?? [])
      for (const e of found) if (out.length < MAX_ERRORS && !out.some((o) => o.keyword === e.keyword && o.message === e.message)) out.push(e);
  } else if (expected.length > 0) {
    // Reported under the union's keyword, as Ajv does: the value matched no branch's type. Each
    // type once: three object branches expect "object", not "object or object or object".
    fail(out, path, keyword, `must be ${[...new Set(expected.join(" or ").split(" or "))].join(" or ")}`, v);
  } else {
    fail(out, path, keyword, `must match a schema in ${keyword}`, v);
  }
}

/** oneOf: exactly one branch accepts the value. */
export function oneOf(out: Issue[], path: Segment[], v: unknown, branches: readonly Branch[], ev?: Evaluated): void {
  let matches = 0;
  let matched: Evaluated | undefined;
  for (const branch of branches) {
    if (typeof branch === "string") continue;
    const found: Issue[] = [];
    const own = ev === undefined ? undefined : evaluated();
    branch(v, path, found, own);
    if (found.length === 0) {
      matches++;
      matched = own;
    }
  }
  if (matches === 0) anyOf(out, path, v, "oneOf", branches);
  else if (matches > 1) fail(out, path, "oneOf", `must match exactly one schema in oneOf, but matches ${matches}`, v);
  else if (matched !== undefined) mergeEvaluated(ev, matched);
}

/** Canonical text of JSON data (sorted keys), for uniqueItems' deep equality. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isPlainObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? String(v);
}

/** uniqueItems: at the array, as Ajv reports it; the message names the first repeat. */
export function duplicates(out: Issue[], path: Segment[], v: readonly unknown[]): void {
  const seen = new Map<string, number>();
  for (let i = 0; i < v.length; i++) {
    const key = canonical(v[i]);
    const first = seen.get(key);
    // Not `fail`: its "(got …)" would show the whole array; the repeated item is what helps.
    if (first !== undefined) {
      if (out.length < MAX_ERRORS) record(out, path, "uniqueItems", `must not repeat an item (got ${show(v[i])} at items ${first} and ${i})`, undefined);
      return;
    }
    seen.set(key, i);
  }
}

/** Runs a walker; never throws, never returns an empty list for a rejected value. */
export function collect(walker: Walker, v: unknown): Issue[] {
  const out: Issue[] = [];
  try {
    walker(v, [], out);
  } catch {
    return [{ path: [], keyword: "type", message: "value could not be inspected (hostile or too deeply nested input)" }];
  }
  return out;
}
