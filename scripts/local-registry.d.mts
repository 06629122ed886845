/** Types of scripts/local-registry.mjs for the TypeScript tests that import it. */
export function startLocalRegistry(): Promise<{ url: string; token: string; dir: string; stop(): Promise<void>; output(): string }>;
