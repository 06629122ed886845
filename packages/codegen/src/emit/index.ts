import { docsEmitter } from "./docs/index.js";
import type { Emitter } from "./emitter.js";
import { fixturesEmitter } from "./fixtures/index.js";
import { openapiEmitter } from "./openapi/index.js";
import { typesEmitter } from "./types/index.js";
import { validatorsEmitter } from "./validators/index.js";

/** Every target, in the order their outputs are listed. One emitter per target. */
export const emitters: readonly Emitter[] = [typesEmitter, validatorsEmitter, openapiEmitter, fixturesEmitter, docsEmitter];
