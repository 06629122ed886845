import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Limits that catch a hang, not a measure of speed: under turbo the packages' suites run beside
    // each other on 2 cores, and a whole-pipeline test that takes 1 s alone has taken 40 s there.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
