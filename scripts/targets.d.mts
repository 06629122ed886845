/** Types of scripts/targets.mjs for the TypeScript tests that import it. */
export const TARGET_NAMES: readonly ["types", "validators", "openapi31", "openapi30", "fixtures", "docs"];
export type TargetName = (typeof TARGET_NAMES)[number];
export const CONFIG_FILE: "contracts.config.json";
export const REPO_ROOT: string;
export function readTargets(root?: string): Record<TargetName, boolean>;
export function targetOn(target: TargetName, root?: string): boolean;
export function leftOut(
  packageDir: string,
  on: Record<TargetName, boolean>,
): { package: TargetName[]; files: { file: string; off: TargetName[] }[]; within: { target: TargetName; what: string }[] };
export function runAdapted(packageDir: string, command: string, args: readonly string[]): number;
export function generatedFiles(packageDir: string, roots: readonly string[]): string[];
export function offHeader(targets: readonly TargetName[]): string;
export function heldProblems(packageDir: string, targets: readonly TargetName[], roots: readonly string[]): string[];
