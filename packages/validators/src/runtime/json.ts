/**
 * The JSON data model, for the validators' "JSON data only" mode (`XValidator.jsonOnly`) and the
 * depth bound of recursive schemas. By default a validator judges a value as its schema says, as
 * Ajv does: `{}` accepts any value and an open record's values are not inspected. In-process values
 * can hold what JSON cannot (a function, symbol, bigint, `undefined`, NaN, a Date or class
 * instance, a cycle, a 100,000-deep nest); `jsonOnly` rejects those anywhere in the value.
 * Hand-written: no library checks "is JSON data" in bounded time without allocating per node.
 */

/** Deeper nesting fails: bounds the work and keeps consumers' recursive code safe. */
export const MAX_DEPTH = 1000;

/**
 * The key budget: an object with more keys than this fails wherever a validator reads its keys one
 * by one (the unknown-key report of a closed object, a typed record, `patternProperties`,
 * `propertyNames`, `unevaluatedProperties`, the `jsonOnly` and depth scans). V8 still enumerates
 * such an object's keys once before any code sees the first (about 1 s for a million keys: not a
 * cost a validator can avoid); the budget bounds the work per key after that, and says why. An
 * open record's keys are never read (the default mode), so its size costs nothing and is not
 * counted. 10,000: far above what an API object carries, far below a hostile million.
 */
export const MAX_KEYS = 10_000;

/** The budget's words, as every entry point reports it. */
export const TOO_MANY_KEYS = `must have at most ${MAX_KEYS.toLocaleString("en-US")} properties (the validators' key budget)`;

/**
 * Whether `v` has more than MAX_KEYS keys, as `for...in` sees them: it stops counting there (the
 * work per key is bounded; V8's enumeration before the first key is not).
 */
export function overKeyBudget(v: object): boolean {
  let n = 0;
  for (const _ in v) if (++n > MAX_KEYS) return true;
  return false;
}

/**
 * Whether `for...in` on `v` can see keys `Object.keys` does not: enumerable keys of its
 * prototype chain (a class's, or something assigned to `Object.prototype` at run time).
 */
export function inheritsEnumerable(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === null) return false;
  return proto !== OBJECT_PROTOTYPE || isPolluted();
}

/** Whether `Object.prototype` has an enumerable property: something assigned to it at run time. */
export function isPolluted(): boolean {
  for (const _ in OBJECT_PROTOTYPE) return true;
  return false;
}

/**
 * Nodes the allocation-free scans visit before they hand over to the exact ones, which remember
 * every object they have seen. A value that shares objects (in-process only: JSON.parse never
 * shares) could otherwise make a scan that forgets exponential: 40 levels of `{ a: x, b: x }`.
 */
const FAST_NODES = 1 << 20;

const OBJECT_PROTOTYPE = Object.prototype;
const functionSource = Function.prototype.toString;
const OBJECT_SOURCE = functionSource.call(Object);

/**
 * `Object.prototype` of another realm: a vm context, Jest's test environment, an iframe. Its own
 * prototype is null and its `constructor` is that realm's native `Object` (read from the
 * descriptor, so no getter runs; the source text is checked before `.prototype` is read).
 */
function isForeignObjectPrototype(proto: object): boolean {
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor: unknown = Object.getOwnPropertyDescriptor(proto, "constructor")?.value;
  return typeof ctor === "function" && functionSource.call(ctor) === OBJECT_SOURCE && (ctor as { prototype?: unknown }).prototype === proto;
}

/** The prototype of a JSON object: `Object.prototype` of this or any other realm, or `null`. */
export function isPlainPrototype(proto: unknown): boolean {
  return proto === OBJECT_PROTOTYPE || proto === null || (typeof proto === "object" && isForeignObjectPrototype(proto));
}

/**
 * A JSON object: non-null, not an array, its prototype `Object.prototype` (of any realm, so values
 * from `vm`, Jest or another frame count) or `null`.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && isPlainPrototype(Object.getPrototypeOf(v));
}

function isJsonPrimitive(c: unknown): boolean {
  return typeof c === "string" || typeof c === "boolean" || (typeof c === "number" && Number.isFinite(c)) || c === null;
}

/**
 * 1 = JSON data within the depth limit, 0 = not JSON data, 2 = undecided (deeper than the limit,
 * cyclic, or more nodes than FAST_NODES): the exact scan decides. Iterative over two parallel
 * stacks (no object per node); primitives are judged where they are read, never pushed.
 */
function jsonFast(root: unknown): number {
  if (typeof root !== "object" || root === null) return isJsonPrimitive(root) ? 1 : 0;
  const values: object[] = [root];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length > 0) {
    const v = values.pop() as object;
    const depth = (depths.pop() as number) + 1;
    if (depth > MAX_DEPTH || ++visited > FAST_NODES) return 2;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(depth);
        } else if (!isJsonPrimitive(c)) return 0;
      }
    } else {
      if (!isPlainPrototype(Object.getPrototypeOf(v))) return 0;
      // for-in, not Object.keys: no array per object; a plain prototype has no enumerable keys.
      let keys = 0;
      for (const k in v) {
        if (++keys > MAX_KEYS) return 0;
        const c: unknown = (v as Record<string, unknown>)[k];
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(depth);
        } else if (!isJsonPrimitive(c)) return 0;
      }
    }
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
  /** Set for the key budget (`maxKeys`); the caller's keyword otherwise. */
  readonly keyword?: string;
}

/** The problem at a scan node, its path built from the parent links only now. */
function fail(node: ScanNode, message: string, keyword?: string): JsonProblem {
  const path: Segment[] = [];
  for (let n: ScanNode | undefined = node; n?.parent !== undefined; n = n.parent) path.push(n.key);
  return keyword === undefined ? { path: path.reverse(), message, value: node.v } : { path: path.reverse(), message, value: node.v, keyword };
}

/**
 * The first problem that makes a value not JSON data, with its path: exact (cycles told from depth)
 * and iterative (any depth is safe). A shared object is scanned again only when reached deeper than
 * before, so the work is bounded by MAX_DEPTH times the value's distinct objects and keys. Used to
 * explain a rejection and where the fast scan is undecided.
 */
export function jsonProblem(root: unknown): JsonProblem | undefined {
  const stack: ScanNode[] = [{ v: root, depth: 0, parent: undefined, key: "", exit: false }];
  const onPath = new Set<object>();
  const done = new Map<object, number>();
  while (stack.length > 0) {
    const node = stack.pop() as ScanNode;
    const v = node.v;
    if (node.exit) {
      onPath.delete(v as object);
      done.set(v as object, node.depth);
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
    if (v === null || node.depth <= (done.get(v) ?? -1)) continue;
    if (onPath.has(v)) return fail(node, "must not contain circular references");
    if (node.depth >= MAX_DEPTH) return fail(node, `is nested deeper than ${MAX_DEPTH} levels`);
    onPath.add(v);
    stack.push({ ...node, exit: true });
    const depth = node.depth + 1;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth, parent: node, key: i, exit: false });
      continue;
    }
    if (!isPlainPrototype(Object.getPrototypeOf(v))) return fail(node, "must be a plain JSON object");
    if (overKeyBudget(v)) return fail(node, TOO_MANY_KEYS, "maxKeys");
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      stack.push({ v: (v as Record<string, unknown>)[k], depth, parent: node, key: k, exit: false });
    }
  }
  return undefined;
}

/** JSON data, at any depth up to MAX_DEPTH, without cycles: the `jsonOnly` mode's scan. */
export function isJsonValue(v: unknown): boolean {
  const r = jsonFast(v);
  return r === 1 || (r === 2 && jsonProblem(v) === undefined);
}

/** 1 = within `max` levels, 2 = undecided (deeper, cyclic, or over FAST_NODES): ask depthProblem. */
function depthFast(root: unknown, max: number): number {
  if (typeof root !== "object" || root === null) return 1;
  const values: object[] = [root];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length > 0) {
    const v = values.pop() as object;
    const depth = (depths.pop() as number) + 1;
    if (depth > max || ++visited > FAST_NODES) return 2;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(depth);
        }
      }
    } else {
      let keys = 0;
      for (const k in v) {
        if (++keys > MAX_KEYS) return 2;
        const c: unknown = (v as Record<string, unknown>)[k];
        if (typeof c === "object" && c !== null) {
          values.push(c);
          depths.push(depth);
        }
      }
    }
  }
  return 1;
}

/**
 * Where an object or array sits `max` or more levels below the root, or where the value contains
 * itself. Values of recursive schemas are scanned first, so the recursive compiled check and
 * walkers never run deep enough to exhaust the stack. Iterative, like `jsonProblem`, with the
 * allocation-free scan first.
 */
export function depthProblem(root: unknown, max: number = MAX_DEPTH): JsonProblem | undefined {
  if (depthFast(root, max) === 1) return undefined;
  const stack: ScanNode[] = [{ v: root, depth: 0, parent: undefined, key: "", exit: false }];
  const onPath = new Set<object>();
  const done = new Map<object, number>();
  while (stack.length > 0) {
    const node = stack.pop() as ScanNode;
    const v = node.v;
    if (typeof v !== "object" || v === null) continue;
    if (node.exit) {
      onPath.delete(v);
      done.set(v, node.depth);
      continue;
    }
    if (node.depth <= (done.get(v) ?? -1)) continue;
    if (onPath.has(v)) return fail(node, "must not contain circular references");
    if (node.depth >= max) return fail(node, `is nested deeper than ${max} levels`);
    if (!Array.isArray(v) && overKeyBudget(v)) return fail(node, TOO_MANY_KEYS, "maxKeys");
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
