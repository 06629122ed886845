import { compareCodeUnits } from "../../errors.js";
import type { DerivedTarget, Outputs } from "../emitter.js";
import { exportedNames } from "./exports.js";

export const API_DIR = "api";
export const API_MANIFEST = `${API_DIR}/exports.json`;

/**
 * Where each generated package's public names come from: the generated modules its hand-written
 * `src/index.ts` re-exports wholesale, the OpenAPI component names, the docs pages. The
 * hand-written exports beside them (runtime classes, helpers) are reviewed as code, not here.
 */
const SURFACES: readonly { readonly dir: string; readonly modules: readonly string[]; readonly components?: string; readonly files?: string }[] = [
  { dir: "packages/docs", modules: ["src/generated/pages.ts"], files: "pages/" },
  { dir: "packages/fixtures", modules: ["src/generated/index.ts"] },
  { dir: "packages/openapi", modules: ["src/generated/documents.ts"], components: "generated/openapi.json" },
  { dir: "packages/types", modules: ["src/generated/index.ts"] },
  { dir: "packages/validators", modules: ["src/generated/index.ts"] },
];

/** One package's entry in the manifest. */
export interface PackageSurface {
  readonly exports: readonly string[];
  readonly components?: readonly string[];
  readonly files?: readonly string[];
}

export type ApiManifest = Readonly<Record<string, PackageSurface>>;

const sorted = (names: Iterable<string>) => [...new Set(names)].sort(compareCodeUnits);

/**
 * The API-surface manifest: every name each generated package exports, derived from the files
 * the emitters produced (so a rename any schema edit or codegen change causes shows in it), for
 * `contracts diff` to judge and `contracts check` to keep current. Pure: outputs in, one file out.
 */
export function apiManifest(outputs: Outputs): ApiManifest {
  const manifest: Record<string, PackageSurface> = {};
  for (const surface of SURFACES) {
    const present = surface.modules.map((m) => `${surface.dir}/${m}`).filter((f) => outputs.has(f));
    if (present.length === 0) continue;
    const components = surface.components ? outputs.get(`${surface.dir}/${surface.components}`) : undefined;
    const schemas =
      components === undefined ? undefined : (JSON.parse(components) as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
    const prefix = `${surface.dir}/${surface.files ?? "\0"}`;
    manifest[surface.dir] = {
      exports: sorted(present.flatMap((f) => exportedNames(outputs, f))),
      ...(schemas ? { components: sorted(Object.keys(schemas)) } : {}),
      ...(surface.files ? { files: sorted([...outputs.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(surface.dir.length + 1))) } : {}),
    };
  }
  return manifest;
}

/** The manifest file (none when no generated package is produced, as with a custom emitter set). */
export function apiManifestFiles(outputs: Outputs): Outputs {
  const manifest = apiManifest(outputs);
  if (Object.keys(manifest).length === 0) return new Map();
  return new Map([[API_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** Registration: a derived target (`emit/index.ts`), run on every other target's files once they are all emitted. */
export const apiManifestTarget: DerivedTarget = { name: "api-manifest", outputRoots: [API_DIR], derive: apiManifestFiles };
