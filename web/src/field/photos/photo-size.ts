/** The longest side a photo keeps on the device (field rule 6): enough to read a label, small to send. */
export const MAX_PHOTO_SIDE = 2000;
/** The size a compressed photo aims under. */
export const MAX_PHOTO_BYTES = 500 * 1024;
/** JPEG qualities tried in turn until the photo fits; the last one is kept whatever its size. */
export const JPEG_QUALITIES = [0.85, 0.78, 0.7, 0.62, 0.55, 0.48] as const;

/** The size to draw a `width`×`height` image at so that its longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Encodes at falling qualities until the result is at most `maxBytes`; returns the first that fits, or the smallest
 * tried. `encode` is the canvas (or anything else) turning a quality into bytes.
 */
export async function encodeUnder<T extends { size: number }>(
  encode: (quality: number) => Promise<T>,
  maxBytes = MAX_PHOTO_BYTES,
  qualities: readonly number[] = JPEG_QUALITIES,
): Promise<{ result: T; quality: number }> {
  let best: { result: T; quality: number } | null = null;
  for (const quality of qualities) {
    const result = await encode(quality);
    if (!best || result.size < best.result.size) best = { result, quality };
    if (result.size <= maxBytes) return { result, quality };
  }
  if (!best) throw new Error('encodeUnder: no quality given');
  return best;
}
