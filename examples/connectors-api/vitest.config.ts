import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Limits that catch a hang, not a measure of speed: under turbo the suites of every package run
    // beside each other on 2 shared cores, and starting a Node process there can take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
