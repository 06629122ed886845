// Run with `node --experimental-vm-modules`: loads the built @contracts/validators, and everything it
// imports, inside a fresh vm context, as Jest runs a test file and its modules (jest-environment-node:
// the context has its own `Object.prototype`, and `structuredClone` is the outer realm's, so the
// values it makes are foreign objects there). Prints, as JSON, how the validators judge values made
// in each realm.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const entry = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../../dist/index.js"));
// The outer realm's globals that jest-environment-node installs too.
const context = vm.createContext({ structuredClone, console, TextEncoder, TextDecoder, URL, URLSearchParams, queueMicrotask, setTimeout, clearTimeout });
const modules = new Map();

/** A CommonJS file, run inside the context (as Jest's module registry does), as a synthetic module. */
function commonJs(file) {
  const module = { exports: {} };
  const run = vm.compileFunction(readFileSync(file, "utf8"), ["exports", "require", "module", "__filename", "__dirname"], {
    parsingContext: context,
    filename: file,
  });
  const require = (specifier) => {
    const target = createRequire(file).resolve(specifier);
    return (modules.get(target) ?? load(target)).exportsObject;
  };
  run(module.exports, require, module, file, path.dirname(file));
  const names = [...new Set(["default", ...Object.keys(module.exports)])];
  const synthetic = new vm.SyntheticModule(
    names,
    function () {
      for (const name of names) this.setExport(name, name === "default" ? module.exports : module.exports[name]);
    },
    { context, identifier: pathToFileURL(file).href },
  );
  synthetic.exportsObject = module.exports;
  return synthetic;
}

function load(file) {
  if (modules.has(file)) return modules.get(file);
  const isModule = file.endsWith(".mjs") || (file.endsWith(".js") && !file.includes(`${path.sep}ajv`));
  const module = isModule ? new vm.SourceTextModule(readFileSync(file, "utf8"), { context, identifier: pathToFileURL(file).href }) : commonJs(file);
  modules.set(file, module);
  return module;
}

async function linker(specifier, referencing) {
  const from = fileURLToPath(referencing.identifier);
  const target = specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : createRequire(from).resolve(specifier);
  return load(target);
}

const root = load(entry);
await root.link(linker);
await root.evaluate();
const v = root.namespace;

const valid = {
  id: "c1",
  name: "GitHub",
  slug: "github",
  description: null,
  iconUrl: "https://x.dev/i.png",
  mcpUrl: "https://mcp.x.dev/sse",
  oauthScopes: "repo read:user",
  configSchema: { type: "object", properties: { token: { type: "string" } } },
  enabled: true,
  createdAt: "2024-01-02T03:04:05.123Z",
  server: { id: "s1", status: "connected", config: { org: "acme", retries: 3 } },
};
context.valid = JSON.stringify(valid);
const values = {
  // What a test file's own literal is under Jest: an object of the context's realm.
  "made in the context": vm.runInContext("JSON.parse(valid)", context),
  // What makeX() returns under Jest: structuredClone is the outer realm's.
  "structuredClone inside the context": vm.runInContext("structuredClone(JSON.parse(valid))", context),
  "made outside the context": structuredClone(valid),
  "invalid, made outside the context": { ...valid, server: { ...valid.server, status: "pending" } },
};
const verdicts = {};
for (const [name, value] of Object.entries(values)) {
  const result = v.validateConnectorWithStatus(value);
  verdicts[name] = {
    is: v.isConnectorWithStatus(value),
    jsonOnly: v.validators.ConnectorWithStatus.jsonOnly?.is(value),
    errors: result.ok ? [] : result.errors.map((e) => e.message),
  };
}
const realmOfValidators = vm.runInContext("Object.prototype", context) !== Object.prototype;
console.log(JSON.stringify({ realmOfValidators, verdicts }));
