/**
 * The evaluation record of `unevaluatedProperties` and `unevaluatedItems`: generated walkers of a
 * project that uses those keywords pass it to in-place subschemas and mark what each keyword
 * evaluated.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */

/**
 * What the keywords of one schema node, and the in-place subschemas that passed, evaluated of the
 * value: property names and item indices. Passed down only to in-place applicators (`allOf`, `$ref`,
 * the branches of `anyOf` ...), never to the walk of a property or an item.
 */
export interface Evaluated {
  allProps: boolean;
  readonly props: Set<string>;
  allItems: boolean;
  /** Items below this index are evaluated (prefixItems). */
  items: number;
  /** Single evaluated indices (contains). */
  readonly itemSet: Set<number>;
}

export function evaluated(): Evaluated {
  return { allProps: false, props: new Set(), allItems: false, items: 0, itemSet: new Set() };
}

export function markProp(ev: Evaluated | undefined, key: string): void {
  ev?.props.add(key);
}

export function markAllProps(ev: Evaluated | undefined): void {
  if (ev) ev.allProps = true;
}

export function markItems(ev: Evaluated | undefined, below: number): void {
  if (ev && below > ev.items) ev.items = below;
}

export function markItem(ev: Evaluated | undefined, index: number): void {
  ev?.itemSet.add(index);
}

export function markAllItems(ev: Evaluated | undefined): void {
  if (ev) ev.allItems = true;
}

export function mergeEvaluated(into: Evaluated | undefined, from: Evaluated): void {
  if (into === undefined) return;
  if (from.allProps) into.allProps = true;
  for (const k of from.props) into.props.add(k);
  if (from.allItems) into.allItems = true;
  if (from.items > into.items) into.items = from.items;
  for (const i of from.itemSet) into.itemSet.add(i);
}

export function isPropEvaluated(ev: Evaluated, key: string): boolean {
  return ev.allProps || ev.props.has(key);
}

export function isItemEvaluated(ev: Evaluated, index: number): boolean {
  return ev.allItems || index < ev.items || ev.itemSet.has(index);
}
