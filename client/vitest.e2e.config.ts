import { defineConfig } from 'vitest/config';

// End-to-end journeys: the real API on a fresh SQLite database with the demo data, the built
// client it serves, and Debian's Chromium driven by playwright-core (see e2e/README.md).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/server.ts'],
    // One API for every journey; journeys of one file run in order.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
