import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "e2e/**/*.test.ts"],
    // The CLI tests spawn the real binary; two cores are shared between the pools.
    testTimeout: 30_000,
  },
});
