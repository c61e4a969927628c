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
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // Server routes and the console are never answered by the member app shell.
        navigateFallbackDenylist: [/^\/trpc/, /^\/admin/, /^\/healthz/, /^\/readyz/, /^\/api/],
        // Announcement images and files: the member's own (served only to those who may read
        // the announcement), kept for reading offline. An id names one upload, which never
        // changes, so the cached copy is served first. Dropped at sign-out
        // (src/query-persistence.ts, FILE_CACHE).
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && url.pathname.startsWith('/api/files/announcements/'),
            handler: 'CacheFirst',
            options: {
              cacheName: 'announcement-files',
              expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
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
