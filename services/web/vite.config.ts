import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The page is built into dist/ and served by the API at `/` (see src/serve.ts). */
export default defineConfig({
  root,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `pnpm --filter @paketbygd/web dev` next to `pnpm start`: API calls go to the API.
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
