// The admin UI build: sources in admin-ui/, output in admin-ui/dist (served by the API at /).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    react(),
    // offline-first (issue 16): a service worker precaches the shell and every screen's chunk, so the
    // app opens with no network after one visit; navigations fall back to index.html; /api is never
    // cached by the worker (the app keeps the village's data in IndexedDB, per user: src/shared/offline)
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: '医联体 · 村医',
        short_name: '村医',
        description: '医联体综合管理平台：村医的随访任务、居民档案与离线随访',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1565c0',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // the vendor chunks are large (MUI icons): precache them all
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // vendor code in long-cached chunks, each under Vite's 500 kB warning (split, not silenced).
    // The screens are fetched when first shown (shared/lazyScreens.ts): the first load brings the
    // shell's libraries (`$initial`: what main.tsx reaches without a dynamic import) and that page's
    // screens; a library only some screens use comes with them (recharts with the charts' screens)
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, tags: ['$initial'] },
            { name: 'react-admin', test: /node_modules[\\/]/, tags: ['$initial'] },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/ },
            // what 25 screens or more use (lists, fields, forms) in one chunk, less the reference
            // inputs' autocomplete: a list without one (the village doctor's tasks) goes without it
            {
              name: 'screens',
              test: (id) => /node_modules[\\/]/.test(id) && !/(Reference|Autocomplete)(Array)?Input|[\\/](use)?Autocomplete[\\/]/.test(id),
              minShareCount: 25,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
