#!/usr/bin/env node
// Scaffolds schemas/<kebab-name>.schema.json for a new entity, following the schema conventions
// (2020-12, PascalCase title, stable $id, closed object, x-docs), so adding an entity starts from a
// schema that already passes `contracts generate`. Usage: npm run new-entity -- <EntityName> [--root <dir>]
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { root: { type: "string" } } });
const [name] = positionals;
const fail = (message) => {
  process.stderr.write(`new-entity: ${message}\n`);
  process.exit(1);
};
if (positionals.length !== 1 || !name) fail("usage: npm run new-entity -- <EntityName>   (e.g. Workspace)");
if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) fail(`"${name}" is not a PascalCase identifier: letters and digits, starting with an upper-case letter`);

const kebab = name
  .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
  .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
  .toLowerCase();
const root = path.resolve(values.root ?? process.cwd());
const file = path.join(root, "schemas", `${kebab}.schema.json`);
if (existsSync(file)) fail(`${path.relative(root, file)} already exists`);

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: `https://contracts.dev/schemas/${kebab}.schema.json`,
  title: name,
  description: `The \`${name}\` entity.`,
  type: "object",
  "x-docs": { section: "Reference", group: "Types", order: 100 },
  properties: {
    id: { type: "string", readOnly: true, description: "Server-assigned identifier." },
  },
  required: ["id"],
  additionalProperties: false,
};
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`, { flag: "wx" });
process.stdout.write(`new-entity: wrote ${path.relative(root, file)}; add its fields, then run \`npm run generate\`\n`);
