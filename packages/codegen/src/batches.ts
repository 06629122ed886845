/**
 * `run` over every item, `size` at a time, results in order: file work in parallel (one file
 * after another, a large project's I/O took longer than emitting an entity), but a bounded number
 * at once, to stay clear of the open-file limit.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}
