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
    // vendor code in long-cached chunks, each under Vite's 500 kB warning (split, not silenced)
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mui-icons', test: /node_modules[\\/]@mui[\\/]icons-material[\\/]/ },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/ },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/ },
            { name: 'react-admin-ui', test: /node_modules[\\/]ra-ui-materialui[\\/]/ },
            { name: 'react-admin', test: /node_modules[\\/]/ },
            // the back office's own screens, by domain group (finance and settlement are the largest)
            { name: 'app-finance', test: /src[\\/](finance|budgets|expense-requests|procurement|purchase-orders|requisitions|deliveries)[\\/]/ },
            { name: 'app-settlement', test: /src[\\/](settlement|settlement-runs|fund-years|fund-year-populations|claims|satisfaction-scores)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
