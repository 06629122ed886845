// `npm start --workspace examples/connectors-api`: the service on HOST:PORT (default
// 127.0.0.1:3000), its database at DATABASE_PATH (default: in memory, seeded from the fixtures).
// SIGTERM and SIGINT close it cleanly: in-flight requests finish, then the database is closed.
import { buildServer } from "./server.js";

function port(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    console.error(`connectors-api: PORT must be an integer from 0 to 65535 (got ${JSON.stringify(value)})`);
    process.exit(1);
  }
  return n;
}

const host = process.env["HOST"] || "127.0.0.1";
const listenPort = port(process.env["PORT"]);
const app = await buildServer({ databasePath: process.env["DATABASE_PATH"] || ":memory:", logger: { level: process.env["LOG_LEVEL"] ?? "info" } });

let closing = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app.close().then(
      () => app.log.info("closed: in-flight requests finished, database closed"),
      (error: unknown) => {
        app.log.error(error);
        process.exitCode = 1;
      },
    );
  });
}

try {
  await app.listen({ host, port: listenPort });
} catch (error) {
  console.error(`connectors-api: cannot listen on ${host}:${listenPort}: ${(error as Error).message}`);
  process.exit(1);
}
