import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "../src/server.js";

export interface Running {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:<port>`, the random loopback port the OS gave. */
  readonly baseUrl: string;
  readonly url: (path: string) => string;
}

/**
 * The real service, listening on a random loopback port: tests talk to it over HTTP with fetch.
 * `prepare` runs before it listens (a test adds a hook or a route there).
 */
export async function start(options: ServerOptions = {}, prepare?: (app: FastifyInstance) => void): Promise<Running> {
  const app = await buildServer(options);
  prepare?.(app);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return { app, baseUrl, url: (path) => `${baseUrl}${path}` };
}
