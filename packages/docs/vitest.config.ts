import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Under turbo's parallel tasks on 2 cores one can take seconds.
    testTimeout: 30_000,
  },
});
