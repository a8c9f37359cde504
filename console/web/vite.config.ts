import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// `npm run dev` proxies to a running console backend (./run.sh start), so the login works as deployed.
export default defineConfig({
  plugins: [vue()],
  build: { chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://localhost:8080', '/login': 'http://localhost:8080', '/logout': 'http://localhost:8080' } },
  test: { include: ['src/**/*.test.ts'] },
})
