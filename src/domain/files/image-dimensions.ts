import type { EvidenceFileKind } from './file-kind.ts';

/**
 * The pixel size of a PNG, JPEG or WebP image from its header (never trusting a name or a browser's word), pure.
 * Null when the header is cut short or malformed: a file that only starts like an image is not taken as one.
 * - PNG: the IHDR chunk right after the signature.
 * - JPEG: the first SOF0–SOF15 segment (not DHT/JPG/DAC), walking the segments from SOI.
 * - WebP: the VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk.
 */
export function imageDimensions(bytes: Uint8Array, kind: EvidenceFileKind): { width: number; height: number } | null {
  const u16be = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
  const u32be = (at: number) => ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
  const u24le = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  switch (kind) {
    case 'image/png': {
      if (bytes.length < 24 || ascii(12, 4) !== 'IHDR') return null;
      return positive(u32be(16), u32be(20));
    }
    case 'image/jpeg': {
      let at = 2;
      while (at + 9 < bytes.length) {
        if (bytes[at] !== 0xff) return null;
        const marker = bytes[at + 1]!;
        if (marker === 0xff) {
          at += 1;
          continue;
        }
        const length = u16be(at + 2);
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
          return positive(u16be(at + 7), u16be(at + 5));
        }
        if (length < 2) return null;
        at += 2 + length;
      }
      return null;
    }
    case 'image/webp': {
      if (bytes.length < 30) return null;
      const chunk = ascii(12, 4);
      if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
        return positive(u16le(bytes, 26) & 0x3fff, u16le(bytes, 28) & 0x3fff);
      }
      if (chunk === 'VP8L' && bytes[20] === 0x2f) {
        const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
        return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
      }
      if (chunk === 'VP8X') return positive(u24le(24) + 1, u24le(27) + 1);
      return null;
    }
    case 'application/pdf':
      return null;
  }
}

const u16le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const positive = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);

/** The largest side and pixel count a field photo or signature may have (photos are shrunk to ≤ 2,000 px on the device). */
export const MAX_IMAGE_SIDE = 8000;
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Why an image's size is refused (Chinese), or null when it is fine. */
export function imageSizeProblem(size: { width: number; height: number } | null): string | null {
  if (size === null) return '图片文件已损坏或不完整，无法读取尺寸';
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    return `图片尺寸 ${size.width}×${size.height} 过大：每边最多 ${MAX_IMAGE_SIDE} 像素`;
  }
  return null;
}
