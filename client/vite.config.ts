import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API = 'http://localhost:4000';

// Vite's config loader needs a default export.
export default defineConfig({
  plugins: [react()],
  // Workspace packages (@annex/editor) are read from their TypeScript sources.
  resolve: { conditions: ['annex-source', ...defaultClientConditions] },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': {
        target: API,
        ws: true,
        configure(proxy) {
          // The API only accepts WebSockets from its own origins; in development the page is
          // served by Vite, so present the socket as coming from the API's origin.
          proxy.on('proxyReqWs', (proxyReq) => {
            proxyReq.setHeader('origin', API);
          });
        },
      },
      '/collab': {
        target: API,
        ws: true,
        configure(proxy) {
          proxy.on('proxyReqWs', (proxyReq) => {
            proxyReq.setHeader('origin', API);
          });
        },
      },
      '/files': API,
      '/documents/': { target: API, bypass: (req) => (req.method === 'POST' ? undefined : req.url) },
      '/exports': API,
      '/mailbox': API,
      '/healthz': API,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
