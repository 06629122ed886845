// The benchmark's mix: 3 valid and 8 invalid ConnectorWithStatus values, one op validates all 11.
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
const { name: _, ...withoutName } = valid;
export const validValues = [
  valid,
  { ...valid, id: "c2", iconUrl: null, configSchema: null, server: null, description: "A connector", oauthScopes: null },
  { ...valid, id: "c3", server: { id: "s3", status: null, config: null } },
];
export const invalidValues = [
  { ...valid, server: { ...valid.server, status: "pending" } },
  { ...valid, createdAt: "2024-13-02T03:04:05Z" },
  { ...valid, mcpUrl: "not a uri" },
  { ...valid, extra: 1 },
  withoutName,
  { ...valid, server: { id: "s", status: "error" } },
  { ...valid, enabled: "yes" },
  null,
];
export const mix = [...validValues, ...invalidValues];
