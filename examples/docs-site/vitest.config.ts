import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each site build is a VitePress build, and the copy's also a generate: under turbo's
    // parallel tasks on 2 shared cores these take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
