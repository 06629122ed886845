// The service for the load test, in a process of its own (so the load generator does not share
// its thread): `node bench/serve.mjs on|off` listens on a random loopback port and sends the port
// to its parent; validation of request bodies against the contracts is on or off.
import { buildServer } from "../dist/server.js";

const app = await buildServer({ validation: process.argv[2] !== "off" });
await app.listen({ host: "127.0.0.1", port: 0 });
process.send({ port: app.server.address().port });
process.on("disconnect", () => void app.close());
