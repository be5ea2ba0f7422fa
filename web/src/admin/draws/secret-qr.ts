import { encode } from 'uqr';

/** A QR code to draw: its width in modules (quiet zone included) and an SVG path of its dark modules. */
export type QrDrawing = { size: number; path: string };

/**
 * The QR code of `text` (error correction M, a quiet zone of two modules), computed in this browser: the observer's
 * key is never sent anywhere to be turned into a picture. Null when the text cannot be encoded (e.g. a lone surrogate).
 */
export function qrDrawingOf(text: string): QrDrawing | null {
  try {
    const { size, data } = encode(text, { ecc: 'M', border: 2 });
    const path = data.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x} ${y}h1v1h-1z`] : []))).join('');
    return { size, path };
  } catch {
    return null;
  }
}
