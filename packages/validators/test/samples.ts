/** A valid ConnectorWithStatus and named one-mutation variants, shared by the tests. */
export const valid = {
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

export function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
