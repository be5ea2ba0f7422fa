/**
 * Noto Serif SC (OFL, from `@expo-google-fonts/noto-serif-sc`, decision 0023), regular and bold, read and parsed once
 * per process: each file is about 14 MB, and parsing one costs ~20 ms, more than laying out a whole notice. pdfkit
 * takes a parsed font (anything with `layout`) as a font source and embeds only the glyphs a document uses, in a new
 * subset per document; the parsed font only caches glyph outlines, so documents can share it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

/** A font parsed by fontkit (the parser pdfkit itself uses, resolved from pdfkit's own location). */
export type ParsedFont = { layout(text: string): unknown; postscriptName: string };
type Fontkit = { create(bytes: Uint8Array): ParsedFont };

let bytes: { regular: Buffer; bold: Buffer } | null = null;
let parsed: { regular: ParsedFont; bold: ParsedFont } | null = null;

/** The font files' bytes (for renderers that embed or reference the file itself), read on first use and kept. */
export function documentFontBytes(): { regular: Buffer; bold: Buffer } {
  bytes ??= { regular: fs.readFileSync(require.resolve(FILES.regular)), bold: fs.readFileSync(require.resolve(FILES.bold)) };
  return bytes;
}

/** The fonts parsed once, for pdfkit's registerFont. */
export function documentFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!parsed) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    const files = documentFontBytes();
    parsed = { regular: fontkit.create(files.regular), bold: fontkit.create(files.bold) };
  }
  return parsed;
}
