import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // CLI tests run whole pipelines; under turbo's parallel tasks on 2 cores one can take seconds.
    testTimeout: 30_000,
  },
});
