// The admin UI build: sources in admin-ui/, output in admin-ui/dist (served by the API at /).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
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
