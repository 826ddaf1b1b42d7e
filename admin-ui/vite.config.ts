// The admin UI build: sources in admin-ui/, output in admin-ui/dist (served by the API at /).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** A screen of the village doctor's: a module of the health domain (its screens, pages and home widgets), and the pay card on their home page. */
const VILLAGE_DOCTOR_SCREEN = /[\\/]admin-ui[\\/]src[\\/](health[\\/]|pay[\\/]PayStatementHome)/;

/**
 * The hashed files (`assets/…`) the service worker precaches, filled at each build: the shell (the
 * entry chunk and what it imports statically, with their CSS) and the village doctor's screens —
 * the shell's dynamic imports of health modules, each with what it imports statically. What those
 * screens load later themselves (the measurement chart and recharts, which need the network for
 * their data anyway) and every other domain's screens are cached at run time when first loaded.
 */
function villageDoctorPrecache(keep: Set<string>): Plugin {
  return {
    name: 'village-doctor-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      keep.clear();
      const chunks = new Map(Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
      const withImports = (file: string) => {
        if (keep.has(file)) return;
        keep.add(file);
        const chunk = chunks.get(file);
        for (const css of chunk?.viteMetadata?.importedCss ?? []) keep.add(css);
        for (const imported of chunk?.imports ?? []) withImports(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) withImports(chunk.fileName);
      const shell = [...keep].flatMap((file) => chunks.get(file)?.dynamicImports ?? []);
      for (const file of shell) if (chunks.get(file)?.moduleIds.some((id) => VILLAGE_DOCTOR_SCREEN.test(id))) withImports(file);
    },
  };
}

/**
 * What a village doctor's first page, 我的任务 (/tasks), needs beyond the shell, in two chunks (the
 * `phone-*` groups below, each with the modules it imports): the Chinese catalogues (src/i18n) of
 * the domains the role holds a permission in (health, referrals, diagnosis, pay, procurement and the
 * health data sign-off's page), with the lists they name; and the list screen. A change of the
 * role's grants only moves a catalogue in or out of one request.
 */
const PHONE_MESSAGES = /[\\/]admin-ui[\\/]src[\\/](health|referrals|diagnosis|pay|procurement|settlement[\\/]signoffs)[\\/]messages\.ts$/;
const PHONE_TASKS = /[\\/]admin-ui[\\/]src[\\/]health[\\/]tasks[\\/]TaskList\.tsx$/;

/** A catalogue of Chinese messages, `src/<domain>/messages.ts` or a page's `src/<domain>/<page>/messages.ts`: loaded for its users (src/i18n). */
const CATALOGUE = /[\\/]admin-ui[\\/]src[\\/]([a-z]+(?:[\\/][a-z]+)?)[\\/]messages\.ts$/;

/** A list page of the village doctor's phone: `src/health/<resource>/<Name>List.tsx`, at /<resource>. */
const PHONE_LIST = /[\\/]admin-ui[\\/]src[\\/]health[\\/]([a-z-]+)[\\/][A-Z]\w*List\.tsx$/;

/**
 * The first page's screens fetched with the shell, not after it. The screens are lazy
 * (shared/lazyScreens.ts): the app asks for a page's modules once its own ~300 kB have come and
 * run, one more round trip (300 ms in a village) and a network idle meanwhile. A small script that
 * index.html loads beside the shell (`assets/route-preload-<hash>.js`: the CSP allows no inline
 * script) adds a modulepreload of each module the page at the address needs and the shell does not
 * import — for the village doctor's list pages (PHONE_LIST), and only for a logged-in user (the
 * login page needs none) —, the Chinese catalogues of the user's domains and pages (src/i18n, recorded at their
 * last start), and fetches the API reads the page at the address made as it opened last time
 * (src/shared/bootReads.ts). The file and the messages' chunks go into the service worker's
 * precache (`extra`): a phone opens offline in its user's words.
 */
function routePreload(extra: Set<string>): Plugin {
  let file: { fileName: string; source: string } | undefined;
  return {
    name: 'route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks = new Map(Object.values(ctx.bundle).flatMap((o) => (o.type === 'chunk' ? [[o.fileName, o] as const] : [])));
        const closure = (name: string, into = new Set<string>()) => {
          if (into.has(name)) return into;
          into.add(name);
          for (const imported of chunks.get(name)?.imports ?? []) closure(imported, into);
          return into;
        };
        const shell = new Set<string>();
        for (const chunk of chunks.values()) if (chunk.isEntry) closure(chunk.fileName, shell);
        const dynamicallyImported = new Set([...chunks.values()].flatMap((c) => c.dynamicImports));
        const routes: Record<string, string[]> = {};
        const messages: Record<string, string[]> = {};
        for (const chunk of chunks.values()) {
          // a dynamic import's target (a chunk of a group, as phone-messages, is one without being a dynamic entry)
          if (!dynamicallyImported.has(chunk.fileName)) continue;
          const files = () => [...closure(chunk.fileName)].filter((f) => !shell.has(f));
          for (const id of chunk.moduleIds) {
            const route = PHONE_LIST.exec(id)?.[1];
            if (route) routes[`/${route}`] = files().map((f) => `/${f}`);
            const catalogue = CATALOGUE.exec(id)?.[1]?.replace('\\', '/');
            if (catalogue) {
              messages[catalogue] = files().map((f) => `/${f}`);
              for (const f of files()) extra.add(f);
            }
          }
        }
        const source = [
          '// the modules of the page at this address that the shell does not import, fetched beside it (admin-ui/vite.config.ts routePreload)',
          `(function (routes, messages) {`,
          `  var user = localStorage.getItem('erp.user');`,
          `  if (!user) return;`,
          `  var path = location.pathname.replace(/\\/+$/, '') || '/';`,
          `  var hrefs = routes[path] || [];`,
          `  // the Chinese catalogues of the user (src/i18n: loadMessagesFor), which the shell awaits before drawing`,
          `  try {`,
          `    JSON.parse(localStorage.getItem('erp.catalogues:' + JSON.parse(user).id) || '[]').forEach(function (d) {`,
          `      hrefs = hrefs.concat(messages[d] || []);`,
          `    });`,
          `  } catch (e) {}`,
          `  hrefs.forEach(function (href) {`,
          `    var link = document.createElement('link');`,
          `    link.rel = 'modulepreload';`,
          `    link.crossOrigin = '';`,
          `    link.href = href;`,
          `    document.head.appendChild(link);`,
          `  });`,
          `  // the API reads this page made as it opened last time (src/shared/bootReads.ts), fetched now`,
          `  try {`,
          `    var reads = JSON.parse(localStorage.getItem('erp.reads:' + JSON.parse(user).id + ':' + path) || '[]');`,
          `    var headers = { Accept: 'application/json', Authorization: 'Bearer ' + localStorage.getItem('erp.token') };`,
          `    window.erpPreloadedReads = {};`,
          `    reads.forEach(function (url) {`,
          `      window.erpPreloadedReads[url] = { at: Date.now(), response: fetch(url, { headers: headers }).catch(function () { return null; }) };`,
          `    });`,
          `  } catch (e) {}`,
          `})(${JSON.stringify(routes)}, ${JSON.stringify(messages)});`,
          '',
        ].join('\n');
        file = { fileName: `assets/route-preload-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`, source };
        extra.add(file.fileName);
        // not async: a classic script runs as the page is parsed, before the shell's (deferred) modules
        // are evaluated — async, it waited ~1 s behind them on a loaded phone, and so did the API reads
        // first in the head: the browser asks for it before the shell's chunks, which would else hold
        // HTTP/1.1's six connections for 2 s on a village's link, and the page's modules with it
        return [{ tag: 'script', attrs: { src: `/${file.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
    generateBundle: {
      order: 'post',
      handler() {
        if (file) this.emitFile({ type: 'asset', ...file });
      },
    },
  };
}

const LAZY_JSONEXPORT = '\0lazy-jsonexport';
const NO_DEFAULT_MESSAGES = '\0react-admin-default-messages';
const OBJECT_ENTRIES = '\0object-entries';

/**
 * What react-admin imports for defaults this app never uses, which every page carried:
 * - its default CSV exporter (ra-core export/defaultExporter.js) imports jsonexport (18 kB), and
 *   every list reaches it (useListController's default `exporter`). Our lists export through
 *   shared/exporter.ts (csvOf); the default exporter, where a list still used it, fetches jsonexport
 *   on its first export;
 * - its default i18nProvider (react-admin defaultI18nProvider.js, for an <Admin> without one)
 *   imports the English pack (ra-language-english, 7 kB): ours has one (src/i18n), which loads
 *   that pack when a user chooses English. The default is given an empty catalogue;
 * - node-polyglot (the translations) requires the `object.entries` polyfill, which brings its
 *   es-abstract helpers (get-intrinsic, object-keys …, 16 kB) for what every supported browser has:
 *   it is given `Object.entries`.
 */
function reactAdminDefaults(): Plugin {
  return {
    name: 'react-admin-defaults',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'jsonexport/dist/index.js' && importer && /[\\/]ra-core[\\/]/.test(importer)) return LAZY_JSONEXPORT;
      if (source === 'ra-language-english' && importer && /[\\/]react-admin[\\/]dist[\\/]defaultI18nProvider\.js$/.test(importer)) return NO_DEFAULT_MESSAGES;
      if (source === 'object.entries' && importer && /[\\/]node-polyglot[\\/]/.test(importer)) return OBJECT_ENTRIES;
      return null;
    },
    load(id) {
      if (id === NO_DEFAULT_MESSAGES) return 'export default {};';
      if (id === OBJECT_ENTRIES) return 'module.exports = Object.entries;';
      if (id !== LAZY_JSONEXPORT) return null;
      return [
        '// jsonexport(data, [options], callback), fetched on the first call',
        'export default (...args) =>',
        "  import('jsonexport/dist/index.js').then((m) => (m.default ?? m)(...args));",
      ].join('\n');
    },
  };
}

const precached = new Set<string>();
const preloads = new Set<string>();

/**
 * react-router's production build: its package sends every bundler to the development one (the
 * `import` condition; `production` is a folder no export names), which warns and checks as it
 * matches routes (ENABLE_DEV_WARNINGS) — the only difference between the two.
 */
const reactRouterProduction = path.join(path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production');

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    alias: [
      { find: /^react-router$/, replacement: path.join(reactRouterProduction, 'index.mjs') },
      { find: /^react-router\/dom$/, replacement: path.join(reactRouterProduction, 'dom-export.mjs') },
    ],
  },
  plugins: [
    react(),
    reactAdminDefaults(),
    villageDoctorPrecache(precached),
    routePreload(preloads),
    // offline-first (issue 16): a service worker precaches the shell and the village doctor's screens
    // (not every domain's: a village doctor's first visit would download them all), so the app opens
    // with no network after one visit; any other hashed file is kept when first loaded (CacheFirst:
    // a hashed name never changes its content); navigations fall back to index.html; /api is never
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
        // of the hashed files, the shell's and the village doctor's screens' only (villageDoctorPrecache),
        // and the script that preloads a page's screens (routePreload)
        manifestTransforms: [
          async (entries) => ({ manifest: entries.filter((e) => !e.url.startsWith('assets/') || precached.has(e.url) || preloads.has(e.url)), warnings: [] }),
        ],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        runtimeCaching: [
          {
            urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'assets',
              // a new build's files replace the old ones over time: the least recently used go first
              expiration: { maxEntries: 300, maxAgeSeconds: 365 * 24 * 3600, purgeOnQuotaError: true },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
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
    // the browsers the app supports (a phone's Chromium, a recent desktop) preload modules themselves
    modulePreload: { polyfill: false },
    // vendor code in long-cached chunks, each under Vite's 500 kB warning (split, not silenced).
    // The screens are fetched when first shown (shared/lazyScreens.ts): the first load brings the
    // shell's libraries (`$initial`: what main.tsx reaches without a dynamic import) and that page's
    // screens; a library only some screens use comes with them (recharts with the charts' screens)
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // with Vite's preload helper (what dynamic imports go through), which the entry needs:
            // else the first group holding a module with a dynamic import takes it along, and the
            // entry then imports that whole group
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|^\0vite[\\/]preload-helper/ },
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
            // what a village doctor's /tasks loads beyond the shell (PHONE_MESSAGES, PHONE_TASKS) in two
            // files: the Chinese catalogues of the role's domains with the lists they name, and the
            // task list with the small modules it imports (the outbox banner, the choices, the export
            // button, the clock …). Apart, they were 27 files of 0.1–4 kB: on HTTP/1.1's six
            // connections, each a round trip (300 ms in a village) queued behind the shell's chunks.
            // After `screens` (the libraries many screens share stay there)
            // (the shell's own modules in a chunk of theirs first: else the phone group would take those
            // its modules import, and the shell then the whole group)
            { name: 'shell', test: (id) => !/node_modules[\\/]|[\\/]src[\\/]main\.tsx$/.test(id), tags: ['$initial'] },
            { name: 'phone-messages', test: PHONE_MESSAGES },
            { name: 'phone-tasks', test: PHONE_TASKS },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
