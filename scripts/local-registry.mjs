#!/usr/bin/env node
// A local npm registry (verdaccio) on loopback, for trying a release without publishing anywhere:
// `node scripts/local-registry.mjs` prints its URL and a token, and serves until Ctrl-C. Its
// storage is a fresh temporary directory; it proxies nothing, so only what is published to it is
// there (use it as the @contracts scope's registry and npm's own for everything else).
// The test in packages/consumer-test imports startLocalRegistry() from here.
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const VERDACCIO = path.join(import.meta.dirname, "../node_modules/verdaccio/bin/verdaccio");

/** A free loopback port (the OS picks one, we release it and hand it to verdaccio). */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts verdaccio; resolves once it answers, with its URL, an auth token for publishing, and stop(). */
export async function startLocalRegistry() {
  const dir = await mkdtemp(path.join(tmpdir(), "contracts-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = [
    `storage: ${JSON.stringify(path.join(dir, "storage"))}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
    "    max_users: 10",
    "uplinks: {}",
    "packages:",
    "  '@contracts/*':",
    "    access: $all",
    "    publish: $authenticated",
    "  '**':",
    "    access: $all",
    "web:",
    "  enable: false",
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
  await writeFile(path.join(dir, "config.yaml"), config);
  const child = spawn(process.execPath, [VERDACCIO, "--config", path.join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const stop = () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill())));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // A user for publishing, created the way `npm adduser` does (verdaccio's htpasswd plugin).
  const user = await fetch(`${url}-/user/org.couchdb.user:release`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release", password: "release-password", email: "release@example.com" }),
  });
  const { token } = await user.json();
  if (!token) {
    await stop();
    throw new Error(`verdaccio gave no token (${user.status})`);
  }
  return { url, token, dir, stop, output: () => output };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const registry = await startLocalRegistry();
  process.stdout.write(`local registry: ${registry.url}\ntoken: ${registry.token}\nstorage: ${registry.dir}\n(Ctrl-C to stop)\n`);
  process.once("SIGINT", () => registry.stop().then(() => process.exit(0)));
}
