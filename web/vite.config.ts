import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The app is served by `zhijian serve --web web/dist` on the same origin as /api, so there is
// no CORS and the CSP can stay 'self'. During development `npm run dev` proxies /api to a
// running server (ZJ_API, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': process.env.ZJ_API ?? 'http://127.0.0.1:8080' } },
})
