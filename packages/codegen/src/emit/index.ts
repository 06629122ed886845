import type { Emitter } from "./emitter.js";
import { typesEmitter } from "./types/index.js";
import { validatorsEmitter } from "./validators/index.js";

/** Every target, in the order their outputs are listed. One emitter per target. */
export const emitters: readonly Emitter[] = [typesEmitter, validatorsEmitter];
