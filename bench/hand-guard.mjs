// The baseline: what a careful person writes by hand for ConnectorWithStatus. Its format checks
// are deliberately the usual loose ones (a scheme and no spaces; a date-time shape + Date.parse),
// so it is a lower bound on cost, not an equally strict validator.
const URI = /^[a-z][a-z0-9+\-.]*:[^\s]*$/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
const isPlain = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isDateTime = (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
const KEYS = new Set(["id", "name", "slug", "description", "iconUrl", "mcpUrl", "oauthScopes", "configSchema", "enabled", "createdAt", "server"]);

export function isConnectorWithStatusByHand(v) {
  if (!isPlain(v)) return false;
  let n = 0;
  for (const k in v) {
    if (!KEYS.has(k)) return false;
    n++;
  }
  if (n !== 11) return false;
  const s = v.server;
  return (
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.slug === "string" &&
    (v.description === null || typeof v.description === "string") &&
    (v.iconUrl === null || (typeof v.iconUrl === "string" && URI.test(v.iconUrl))) &&
    typeof v.mcpUrl === "string" &&
    URI.test(v.mcpUrl) &&
    (v.oauthScopes === null || typeof v.oauthScopes === "string") &&
    (v.configSchema === null || isPlain(v.configSchema)) &&
    typeof v.enabled === "boolean" &&
    typeof v.createdAt === "string" &&
    isDateTime(v.createdAt) &&
    (s === null ||
      (isPlain(s) &&
        Object.keys(s).length === 3 &&
        typeof s.id === "string" &&
        (s.status === null || s.status === "error" || s.status === "connected" || s.status === "disconnected") &&
        "config" in s &&
        (s.config === null || isPlain(s.config))))
  );
}
