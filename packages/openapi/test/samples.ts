/** Hand-picked ConnectorWithStatus values: every nullable field both null and not, and mutations. */
const base = {
  id: "srv_1",
  name: "GitHub",
  slug: "github",
  description: "Issues and pull requests",
  iconUrl: "https://example.com/github.png",
  mcpUrl: "https://mcp.example.com/github",
  oauthScopes: "repo read:org",
  configSchema: { type: "object" },
  enabled: true,
  createdAt: "2026-01-02T03:04:05Z",
  server: { id: "inst_1", status: "connected", config: { region: "eu" } },
};
type Sample = Record<string, unknown>;
const withField = (name: string, value: unknown): Sample => ({ ...base, [name]: value });
const withServer = (name: string, value: unknown): Sample => ({ ...base, server: { ...base.server, [name]: value } });
const without = (name: string): Sample => Object.fromEntries(Object.entries(base).filter(([k]) => k !== name));

export const validSamples: readonly [string, Sample][] = [
  ["full", base],
  ["description null", withField("description", null)],
  ["iconUrl null", withField("iconUrl", null)],
  ["oauthScopes null", withField("oauthScopes", null)],
  ["configSchema null", withField("configSchema", null)],
  ["configSchema empty record", withField("configSchema", {})],
  ["server null", withField("server", null)],
  ["server.status null", withServer("status", null)],
  ["server.status error", withServer("status", "error")],
  ["server.status disconnected", withServer("status", "disconnected")],
  ["server.config null", withServer("config", null)],
  ["every nullable null", { ...base, description: null, iconUrl: null, oauthScopes: null, configSchema: null, server: null }],
];

export const invalidSamples: readonly [string, unknown][] = [
  ["not an object", "connector"],
  ["null", null],
  ["missing id", without("id")],
  ["missing description (nullable but required)", without("description")],
  ["missing server", without("server")],
  ["extra property", withField("extra", 1)],
  ["name null", withField("name", null)],
  ["mcpUrl null", withField("mcpUrl", null)],
  ["enabled null", withField("enabled", null)],
  ["createdAt null", withField("createdAt", null)],
  ["createdAt not a date-time", withField("createdAt", "yesterday")],
  ["description a number", withField("description", 1)],
  ["iconUrl not a uri", withField("iconUrl", "not a uri")],
  ["iconUrl a number", withField("iconUrl", 5)],
  ["oauthScopes an array", withField("oauthScopes", ["repo"])],
  ["configSchema an array", withField("configSchema", [])],
  ["configSchema a string", withField("configSchema", "{}")],
  ["server empty object", withField("server", {})],
  ["server a string", withField("server", "inst_1")],
  ["server.id null", withServer("id", null)],
  ["server.status unknown", withServer("status", "paused")],
  ["server.status a number", withServer("status", 1)],
  ["server.config an array", withServer("config", [])],
  ["server extra property", withServer("extra", true)],
];
