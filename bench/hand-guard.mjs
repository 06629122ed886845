// The baseline: what a careful person writes by hand for ConnectorWithStatus, with ajv-formats' own
// format functions (the same verdicts as every other validator here, so the comparison is fair).
import { createRequire } from "node:module";

const { fullFormats } = createRequire(import.meta.url)("ajv-formats/dist/formats.js");
const isUri = fullFormats.uri;
const isDateTime = fullFormats["date-time"].validate;
const isPlain = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
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
    (v.iconUrl === null || (typeof v.iconUrl === "string" && isUri(v.iconUrl))) &&
    typeof v.mcpUrl === "string" &&
    isUri(v.mcpUrl) &&
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
