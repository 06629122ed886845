/**
 * The JSON data model, enforced where a schema leaves values unconstrained (`{}`, open records):
 * JSON Schema and Ajv accept any JavaScript value there, but a contract value travels as JSON, so a
 * function, symbol, bigint, `undefined`, NaN, a Date or class instance, a cycle, or a
 * 100,000-deep nest is a bug or an attack, not data. Hand-written: no library checks "is JSON
 * data" without recursion or allocation on the fast path.
 */

/** Deeper nesting fails: bounds the work and keeps consumers' recursive code safe. */
export const MAX_DEPTH = 1000;

const OBJECT_PROTOTYPE = Object.prototype;

/** A JSON object: non-null, not an array, prototype `Object.prototype` or `null`. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === OBJECT_PROTOTYPE || proto === null;
}

/** 1 = JSON, 0 = not JSON, 2 = deeper than the budget (or cyclic): use the iterative scan. */
function jsonFast(v: unknown, budget: number): number {
  switch (typeof v) {
    case "string":
    case "boolean":
      return 1;
    case "number":
      return Number.isFinite(v) ? 1 : 0;
    case "object":
      break;
    default:
      return 0;
  }
  if (v === null) return 1;
  if (budget === 0) return 2;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = jsonFast(v[i], budget - 1);
      if (r !== 1) return r;
    }
    return 1;
  }
  if (!isPlainObject(v)) return 0;
  for (const k in v) {
    const r = jsonFast(v[k], budget - 1);
    if (r !== 1) return r;
  }
  return 1;
}

export type Segment = string | number;

interface ScanNode {
  readonly v: unknown;
  readonly depth: number;
  readonly parent: ScanNode | undefined;
  readonly key: Segment;
  readonly exit: boolean;
}

export interface JsonProblem {
  /** Path below the scanned value. */
  readonly path: Segment[];
  readonly message: string;
  readonly value: unknown;
}

/** The problem at a scan node, its path built from the parent links only now. */
function fail(node: ScanNode, message: string): JsonProblem {
  const path: Segment[] = [];
  for (let n: ScanNode | undefined = node; n?.parent !== undefined; n = n.parent) path.push(n.key);
  return { path: path.reverse(), message, value: node.v };
}

/** Iterative (never recursive, so any depth is safe); paths are built only for the problem found. */
export function jsonProblem(root: unknown): JsonProblem | undefined {
  const stack: ScanNode[] = [{ v: root, depth: 0, parent: undefined, key: "", exit: false }];
  const onPath = new Set<object>();
  const done = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop() as ScanNode;
    const v = node.v;
    if (node.exit) {
      onPath.delete(v as object);
      done.add(v as object);
      continue;
    }
    switch (typeof v) {
      case "string":
      case "boolean":
        continue;
      case "number":
        if (Number.isFinite(v)) continue;
        return fail(node, "must be a finite number");
      case "object":
        break;
      default:
        return fail(node, "must be JSON data");
    }
    if (v === null || done.has(v)) continue;
    if (onPath.has(v)) return fail(node, "must not contain circular references");
    if (node.depth >= MAX_DEPTH) return fail(node, `is nested deeper than ${MAX_DEPTH} levels`);
    onPath.add(v);
    stack.push({ ...node, exit: true });
    const depth = node.depth + 1;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth, parent: node, key: i, exit: false });
      continue;
    }
    if (!isPlainObject(v)) return fail(node, "must be a plain JSON object");
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      stack.push({ v: v[k], depth, parent: node, key: k, exit: false });
    }
  }
  return undefined;
}

/** JSON data, at any depth up to MAX_DEPTH, without cycles. */
export function isJsonValue(v: unknown): boolean {
  const r = jsonFast(v, 32);
  return r === 1 || (r === 2 && jsonProblem(v) === undefined);
}

/** 1 = within the budget, 2 = deeper (or cyclic): use the iterative scan. */
function depthFast(v: unknown, budget: number): number {
  if (typeof v !== "object" || v === null) return 1;
  if (budget === 0) return 2;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (depthFast(v[i], budget - 1) !== 1) return 2;
    return 1;
  }
  for (const k in v) if (depthFast((v as Record<string, unknown>)[k], budget - 1) !== 1) return 2;
  return 1;
}

/**
 * Where an object or array sits `max` or more levels below the root (the same bound `jsonProblem`
 * puts on open records), or where the value contains itself. Values of recursive schemas are
 * scanned first, so the recursive compiled check and walkers never run deep enough to exhaust the
 * stack. Iterative, like `jsonProblem`; a recursive fast path first, without allocation.
 */
export function depthProblem(root: unknown, max: number = MAX_DEPTH): JsonProblem | undefined {
  if (depthFast(root, Math.min(32, max)) === 1) return undefined;
  const stack: ScanNode[] = [{ v: root, depth: 0, parent: undefined, key: "", exit: false }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop() as ScanNode;
    const v = node.v;
    if (typeof v !== "object" || v === null) continue;
    if (node.exit) {
      onPath.delete(v);
      continue;
    }
    if (onPath.has(v)) return fail(node, "must not contain circular references");
    if (node.depth >= max) return fail(node, `is nested deeper than ${max} levels`);
    onPath.add(v);
    stack.push({ ...node, exit: true });
    const depth = node.depth + 1;
    const keys = Array.isArray(v) ? [...v.keys()] : Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as Segment;
      stack.push({ v: (v as Record<Segment, unknown>)[k], depth, parent: node, key: k, exit: false });
    }
  }
  return undefined;
}
