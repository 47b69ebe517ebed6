import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The API (dotnet run) listens here in development; override with INTEGRITY_API_URL.
const api = process.env.INTEGRITY_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // No React plugin: the automatic JSX runtime is all we need (no fast refresh).
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      '/swagger': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // React Server Components' "use client" means nothing in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // A test may wait several times for Testing Library's 5 s (test/setup.ts); the default 5 s for the whole
    // test would then fail a screen that is only slow because the machine is busy.
    testTimeout: 30_000,
  },
});
