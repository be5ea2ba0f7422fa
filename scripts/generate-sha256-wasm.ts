/**
 * Writes src/domain/crypto/sha256-wasm-bytes.ts: the SHA-256 WebAssembly kernel assembled from its source,
 * src/domain/crypto/sha256-wasm-source.ts, as base64 (so that Node, the worker thread and Vite's browser build
 * all load it as an ordinary module, and nothing is downloaded or built at install time).
 *
 *   node --import tsx scripts/generate-sha256-wasm.ts
 *
 * A unit test (sha256-wasm.test.ts) fails when the committed bytes and the source disagree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256WasmBytesModule } from '../src/domain/crypto/sha256-wasm-source.ts';

const target = fileURLToPath(new URL('../src/domain/crypto/sha256-wasm-bytes.ts', import.meta.url));
writeFileSync(target, sha256WasmBytesModule());
console.log(`wrote ${target}`);
