import { docsEmitter } from "./docs/index.js";
import { apiManifestTarget } from "./api-manifest/index.js";
import type { DerivedTarget, Emitter } from "./emitter.js";
import { fixturesEmitter } from "./fixtures/index.js";
import { openapiEmitter } from "./openapi/index.js";
import { typesEmitter } from "./types/index.js";
import { validatorsEmitter } from "./validators/index.js";

/** Every target, in the order their outputs are listed. One emitter per target. */
export const emitters: readonly Emitter[] = [typesEmitter, validatorsEmitter, openapiEmitter, fixturesEmitter, docsEmitter];

/**
 * Targets derived from the emitters' files. The API manifest describes the default packages, so
 * it runs with `emitters` only: a caller's own emitter set gets none.
 */
export const derivedTargets: readonly DerivedTarget[] = [apiManifestTarget];
