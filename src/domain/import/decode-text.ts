/**
 * Decoding an uploaded text file (CSV) whose encoding nobody states. Files from Chinese offices are UTF-8
 * (often with a BOM, as Excel writes "CSV UTF-8"), or GBK/GB18030 (Excel's plain "CSV" on a Chinese
 * Windows), or UTF-16 (Excel's "Unicode text"). iconv-lite is pure JavaScript, so this stays in the domain.
 */
import iconv from 'iconv-lite';

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const TEXT_ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带签名）',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16LE（带签名）',
  'utf-16be': 'UTF-16BE（带签名）',
};

export type DecodedText = {
  /** The text without its byte-order mark. Line breaks are left as they are (CRLF, LF or CR). */
  text: string;
  encoding: TextEncoding;
  /** U+FFFD replacement characters produced by decoding: bytes that were not valid in `encoding`. */
  replacementCount: number;
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function countReplacements(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\uFFFD') n++;
  return n;
}

/**
 * Detects the encoding and decodes:
 * 1. a byte-order mark decides: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE;
 * 2. otherwise bytes that are valid UTF-8 throughout are UTF-8 (pure ASCII included). GBK text is almost
 *    never valid UTF-8: its lead bytes 0x81–0xFE followed by 0x40–0xFE break UTF-8's continuation rules
 *    within a few characters;
 * 3. otherwise GB18030, the superset of GBK and GB2312, so GBK files decode exactly.
 * The caller should refuse or warn when `replacementCount` is not 0.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return result(iconv.decode(bytes.subarray(3), 'utf8', { stripBOM: false }), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return result(iconv.decode(bytes.subarray(2), 'utf16le', { stripBOM: false }), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return result(iconv.decode(bytes.subarray(2), 'utf16be', { stripBOM: false }), 'utf-16be');
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return result(utf8, 'utf-8');
  return result(iconv.decode(bytes, 'gb18030', { stripBOM: false }), 'gb18030');
}

function result(text: string, encoding: TextEncoding): DecodedText {
  return { text, encoding, replacementCount: countReplacements(text) };
}

/** The text when `bytes` is well-formed UTF-8, else null. */
function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
