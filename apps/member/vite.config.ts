import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const api = 'http://localhost:3000';

// The member PWA: built to dist/ and served by apps/server at the site root.
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    VitePWA({
      // Our own worker (src/sw.ts) with the precache manifest injected: the generated one
      // could not show push notifications.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      // Registered from our own module (src/register-sw.ts): no inline script under the CSP.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Unionhall 工会会员',
        short_name: 'Unionhall',
        description: '工会会员服务：组织、会籍与权益。Union member services.',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#c8102e',
        background_color: '#f6f7f9',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // A classic script, as the worker is registered (no module workers needed).
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
    }),
  ],
  server: {
    port: 5173,
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
