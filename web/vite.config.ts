import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // @domain: only the pure draw core (src/domain/draw, crypto, canonical-json); eslint.config.js holds the line.
    alias: { '@contracts': fromHere('../src/contracts'), '@domain': fromHere('../src/domain') },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: fromHere('./dist'),
    emptyOutDir: true,
  },
});
