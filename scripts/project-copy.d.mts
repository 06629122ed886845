/** Types of scripts/project-copy.mjs for the TypeScript tests that import it. */
export function copyProject(repoRoot: string, into: string): void;
export function runIn(cwd: string, command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
