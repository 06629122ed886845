import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeConnectorWithStatusInput } from "@contracts/fixtures";
import { assertResponseMatches } from "@contracts/testing";
import { describe, expect, it } from "vitest";
import { start } from "./start.js";

const HERE = path.resolve(import.meta.dirname, "..");
const REPO = path.resolve(HERE, "../..");
const MAIN = path.join(HERE, "dist/main.js");

interface Service {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything it printed so far. */
  readonly output: () => string;
  /** Sends SIGTERM; resolves with the exit code once it has exited. */
  readonly stop: () => Promise<number | null>;
}

/**
 * The service as a user runs it (`node dist/main.js`, or a given command), on a random port;
 * resolves once it listens. A command is started in a process group of its own and stopped as a
 * terminal stops it: the signal goes to the whole group (npm does not pass SIGTERM on to its script).
 */
function launch(env: Record<string, string>, command?: readonly string[], cwd = HERE): Promise<Service> {
  const [file, ...args] = command ?? [process.execPath, MAIN];
  const child = spawn(file!, args, { cwd, env: { ...process.env, PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: command !== undefined });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url !== undefined) {
        child.stdout!.off("data", onData);
        child.stdout!.on("data", (more: Buffer) => (output += more.toString()));
        resolve({
          child,
          baseUrl: url,
          output: () => output,
          stop: () => {
            if (command === undefined) child.kill("SIGTERM");
            else process.kill(-child.pid!, "SIGTERM");
            return exited;
          },
        });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
}

describe("the service process", () => {
  it("listens on HOST:PORT, and on SIGTERM closes the database and exits 0", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "connectors-api-"));
    const database = path.join(dir, "connectors.db");
    const service = await launch({ HOST: "127.0.0.1", DATABASE_PATH: database });
    expect((await fetch(`${service.baseUrl}/connectors`)).status).toBe(200);
    // A file database starts empty (only the in-memory one is seeded), in WAL mode while open.
    expect(await (await fetch(`${service.baseUrl}/connectors`)).json()).toEqual([]);
    expect(existsSync(`${database}-wal`)).toBe(true);
    expect(await service.stop()).toBe(0);
    expect(service.output()).toContain("SIGTERM: closing");
    expect(service.output()).toContain("closed: in-flight requests finished, database closed");
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(`${database}-wal`)).toBe(false);
    expect(existsSync(database)).toBe(true);
  });

  it("keeps what was written across a restart when DATABASE_PATH names a file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "connectors-api-"));
    const env = { HOST: "127.0.0.1", DATABASE_PATH: path.join(dir, "connectors.db") };
    const first = await launch(env);
    const send = (base: string, method: string, url: string, body: unknown) =>
      fetch(`${base}${url}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await assertResponseMatches(
      await send(first.baseUrl, "POST", "/connectors", makeConnectorWithStatusInput({ slug: "survivor" })),
      "ConnectorWithStatus",
      { status: 201 },
    );
    const patched = await assertResponseMatches(await send(first.baseUrl, "PATCH", "/connectors/survivor", { enabled: false }), "ConnectorWithStatus");
    expect(await first.stop()).toBe(0);
    const second = await launch(env);
    try {
      expect(await assertResponseMatches(await fetch(`${second.baseUrl}/connectors/survivor`), "ConnectorWithStatus")).toEqual({ ...created, enabled: false });
      expect(await assertResponseMatches(await fetch(`${second.baseUrl}/connectors`), ["ConnectorWithStatus"])).toEqual([patched]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it("refuses a PORT that is not a port, saying so", async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: HERE, env: { ...process.env, PORT: "eighty" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect({ code, stderr }).toEqual({ code: 1, stderr: 'connectors-api: PORT must be an integer from 0 to 65535 (got "eighty")\n' });
  });

  it("starts with npm start --workspace examples/connectors-api from the repository root", async () => {
    const service = await launch({}, ["npm", "start", "--silent", "--workspace", "examples/connectors-api"], REPO);
    try {
      expect((await fetch(`${service.baseUrl}/connectors/acme-connector`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

describe("closing", () => {
  it("lets an in-flight request finish, refuses new ones, then resolves", async () => {
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const service = await start({}, (app) =>
      app.get("/slow", async () => {
        arrived();
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { done: true };
      }),
    );
    const slow = fetch(service.url("/slow"));
    await inFlight;
    const closed = service.app.close();
    const response = await slow;
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { done: true } });
    await closed;
    await expect(fetch(service.url("/connectors"))).rejects.toThrow("fetch failed");
  });
});
