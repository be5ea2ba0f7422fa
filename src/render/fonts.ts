/**
 * Noto Serif SC (OFL, from `@expo-google-fonts/noto-serif-sc`, decision 0023), regular and bold, read once per
 * process: each file is about 14 MB; pdfkit embeds only the glyphs a document uses.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

let cached: { regular: Buffer; bold: Buffer } | null = null;

/** The font bytes, read on first use and kept. */
export function documentFonts(): { regular: Buffer; bold: Buffer } {
  cached ??= { regular: fs.readFileSync(require.resolve(FILES.regular)), bold: fs.readFileSync(require.resolve(FILES.bold)) };
  return cached;
}
