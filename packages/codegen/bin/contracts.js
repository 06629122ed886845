#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build -w @contracts/codegen`.
import { tuneV8 } from "../dist/cli/v8-tuning.js";

// Before the CLI's modules load, so every function compiled from then on runs with the flags.
tuneV8();
const { main } = await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
