import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

// The officer console: built to dist/ and served by apps/server under /admin/.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/trpc': api, '/healthz': api, '/readyz': api },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // The server's CSP forbids inline scripts and `data:` modules; keep every asset a file.
    assetsInlineLimit: 0,
  },
});
