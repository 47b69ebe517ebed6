import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { apiCacheName } from './src/lib/offline/apiCache.ts';

// The API (dotnet run) listens here in development; override with INTEGRITY_API_URL.
const api = process.env.INTEGRITY_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    // An installable app that works without network (README, "No network"): the built files are precached,
    // and the API's GET answers are kept by a NetworkFirst cache the client empties at sign-out.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // main.tsx registers it: the plugin's own way is an inline script, which the Content-Security-Policy forbids.
      injectRegister: false,
      // Drawn from public/icon.svg by scripts/icons.mjs (npm run icons).
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Integrity — anti-corruption programmes',
        short_name: 'Integrity',
        description: 'Workshops, attendance, action plans and reports of customs integrity programmes.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // Every screen's address opens the app offline; the server's own paths never do.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/(api|swagger|health)(\/|$)/],
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Written into the service worker as it stands: it may use nothing from this file.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/v1/') && !url.pathname.startsWith('/api/v1/auth/sign-'),
            method: 'GET',
            handler: 'NetworkFirst',
            options: {
              cacheName: apiCacheName,
              // On a link that comes and goes, the last answer after 10 s beats a spinner.
              networkTimeoutSeconds: 10,
              expiration: { maxEntries: 500, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
              // The answer in the other language is better than none.
              matchOptions: { ignoreVary: true },
            },
          },
        ],
      },
    }),
  ],
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
