/**
 * `run` over every item, `size` at a time, results in order: file work in parallel (one file
 * after another, a large project's I/O took longer than emitting an entity), but a bounded number
 * at once, to stay clear of the open-file limit. When one fails, the rest of its batch is still
 * waited for before the first failure is thrown, so a caller's clean-up never races a write in
 * flight.
 */
export async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    const settled = await Promise.allSettled(items.slice(i, i + size).map(run));
    for (const result of settled) {
      if (result.status === "rejected") throw result.reason;
      out.push(result.value);
    }
  }
  return out;
}
