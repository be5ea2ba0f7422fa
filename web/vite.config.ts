import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = fromHere('./dist');

type ManifestChunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[]; assets?: string[] };

/**
 * The files the field app needs offline: field.html, its entry and everything it imports (statically or lazily),
 * read from Vite's build manifest. The admin app and the portal are never precached (decision 0021).
 */
function fieldShellFiles(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(`${outDir}/.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>(['field.html']);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const asset of chunk.assets ?? []) files.add(asset);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit('field.html');
  return files;
}

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|webmanifest|md|txt)$/;

/**
 * Writes a gzip and a brotli copy beside every text file of the build (from 1 KB up), once, at build time; the server
 * sends the copy the browser accepts (@fastify/static preCompressed). The field app's first load on a slow network
 * shrinks to about a third, with no compression work per request.
 */
function precompress(): Plugin {
  return {
    name: 'xf-precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const walk = (dir: string): string[] =>
          fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) return entry.name === '.vite' ? [] : walk(full);
            return COMPRESSIBLE.test(entry.name) ? [full] : [];
          });
        for (const file of walk(outDir)) {
          const bytes = fs.readFileSync(file);
          if (bytes.length < 1024) continue;
          fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
          fs.writeFileSync(
            `${file}.br`,
            zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          );
        }
      },
    },
  };
}

export default defineConfig({
  root: fromHere('.'),
  base: '/',
  plugins: [
    react(),
    // Only the service worker comes from the plugin: the manifest is a static file (web/public/field.webmanifest)
    // linked from field.html alone, and the app registers the worker itself (web/src/field/app/service-worker.ts).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      filename: 'field-sw.js',
      scope: '/field/',
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
        manifestTransforms: [
          async (entries) => {
            const shell = fieldShellFiles();
            const extra = ['field.webmanifest', 'field-icon.svg', 'field-icon-192.png', 'field-icon-512.png'];
            return { manifest: entries.filter((e) => shell.has(e.url) || extra.includes(e.url)), warnings: [] };
          },
        ],
        navigateFallback: '/field.html',
        navigateFallbackAllowlist: [/^\/field(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        // Prompt mode: the new worker waits until the inspector agrees (never over unsaved input).
        skipWaiting: false,
        clientsClaim: false,
        sourcemap: false,
      },
    }),
    // After the service worker is written, so that it is compressed too.
    precompress(),
  ],
  resolve: {
    // @domain: only the pure draw core (src/domain/draw, crypto, canonical-json); eslint.config.js holds the line.
    alias: { '@contracts': fromHere('../src/contracts'), '@domain': fromHere('../src/domain') },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    // Two apps, one build: the admin app and portal (index.html) and the inspectors' field app (field.html).
    rollupOptions: { input: { main: fromHere('./index.html'), field: fromHere('./field.html') } },
  },
});
