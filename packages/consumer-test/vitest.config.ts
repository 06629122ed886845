import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // npm pack, npm install and two TypeScript runs on 2 cores shared with turbo's other tasks.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
