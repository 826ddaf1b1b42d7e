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
