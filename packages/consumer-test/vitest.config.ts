import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // npm pack, npm install and TypeScript runs on 2 cores: one file at a time, generous limits.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
