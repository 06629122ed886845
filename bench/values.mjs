// The benchmark's values: ConnectorWithStatus payloads shaped like a user's traffic (small, long
// strings, a real JSON Schema in `configSchema`, wide and deep open records, an early error next to
// a large record) and the invalid values of the first benchmark. All are JSON data (what
// JSON.parse gives a service), so every validator judges the same thing.
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
const json = (v) => JSON.parse(JSON.stringify(v));

/** A JSON Schema with `n` properties, about 113 bytes each (300 make 34 KB of JSON). */
export function wideSchema(n) {
  const properties = {};
  for (let i = 0; i < n; i++) properties[`setting${i}`] = { type: "string", description: `Setting number ${i} of this connector`, maxLength: 200 };
  return json({ type: "object", properties, required: ["setting0"] });
}

/** A JSON Schema nested `depth` objects deep (`properties.child` at every level). */
export function deepSchema(depth) {
  let node = { type: "string" };
  for (let i = 0; i < depth; i++) node = { type: "object", properties: { child: node } };
  return json(node);
}

/** A flat record of `n` keys (`server.config` of a large install). */
export function wideRecord(n) {
  const config = {};
  for (let i = 0; i < n; i++) config[`key${i}`] = i % 3 === 0 ? `value ${i}` : i % 3 === 1 ? i : i % 2 === 0;
  return json(config);
}

export const withConfigSchema = (configSchema) => json({ ...valid, configSchema });
export const withServerConfig = (config) => json({ ...valid, server: { ...valid.server, config } });

const { name: _, ...withoutName } = valid;
const uri21k = `https://example.com/${Array.from({ length: 2500 }, (_, i) => `segment${i}`).join("/")}`.slice(0, 21_000);

/** [label, value, valid?] */
export const table = [
  ["small valid", json(valid), true],
  ["every nullable null", json({ ...valid, description: null, iconUrl: null, oauthScopes: null, configSchema: null, server: null }), true],
  ["10 KB string", json({ ...valid, description: "x".repeat(10_000) }), true],
  ["100 KB string", json({ ...valid, description: "x".repeat(100_000) }), true],
  ["21 KB URI", json({ ...valid, mcpUrl: uri21k }), true],
  ["configSchema, 300 properties (34 KB)", withConfigSchema(wideSchema(300)), true],
  ["server.config, 300 keys", withServerConfig(wideRecord(300)), true],
  ["configSchema 20 deep", withConfigSchema(deepSchema(20)), true],
  ["configSchema 64 deep", withConfigSchema(deepSchema(64)), true],
  ["300 properties + bad createdAt", json({ ...withConfigSchema(wideSchema(300)), createdAt: "2024-01-02 03:04" }), false],
  ["bad enum (server.status)", json({ ...valid, server: { ...valid.server, status: "pending" } }), false],
  ["bad date-time", json({ ...valid, createdAt: "2024-13-02T03:04:05Z" }), false],
  ["bad uri", json({ ...valid, mcpUrl: "not a uri" }), false],
  ["extra key", json({ ...valid, extra: 1 }), false],
  ["missing key", json(withoutName), false],
  ["missing nested key", json({ ...valid, server: { id: "s", status: "error" } }), false],
  ["wrong type", json({ ...valid, enabled: "yes" }), false],
  ["null root", null, false],
];
