import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The "no eval" claim, tested for real: the built package runs in a Node started with
 * --disallow-code-generation-from-strings (what Cloudflare Workers and a strict CSP impose), where
 * `new Function` throws, and still validates with the compiled check.
 */
describe("without code generation from strings", () => {
  it("imports and validates the built package", () => {
    const script = `
      let blocked = false;
      try { new Function("return 1"); } catch { blocked = true; }
      const v = await import(${JSON.stringify(path.resolve(import.meta.dirname, "../dist/index.js"))});
      const good = { id: "c1", name: "n", slug: "s", description: null, iconUrl: null, mcpUrl: "https://x.dev", oauthScopes: null,
        configSchema: {}, enabled: true, createdAt: "2024-01-02T03:04:05Z", server: { id: "s", status: "pending", config: null } };
      const bad = v.validateConnectorWithStatus(good);
      good.server.status = "connected";
      console.log(JSON.stringify({ blocked, valid: v.isConnectorWithStatus(good), errors: bad.errors.map((e) => e.message) }));
    `;
    const out = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({
      blocked: true,
      valid: true,
      errors: ['/server/status must be one of "error", "connected", "disconnected", null (got "pending")'],
    });
  });
});
