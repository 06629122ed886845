/**
 * prettier, loaded on first use: a run whose entities all come from the cache, or that stops at a
 * schema problem, never pays for loading it.
 */
export function loadPrettier(): Promise<typeof import("prettier")> {
  return import("prettier");
}
