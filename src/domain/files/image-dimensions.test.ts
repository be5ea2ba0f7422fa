import { describe, expect, it } from 'vitest';
import { imageDimensions, imageSizeProblem } from './image-dimensions.ts';

/** A 1×1 PNG, a 2×3 JPEG header and a 4×5 lossy WebP header, written byte by byte. */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x02, 0x03, 0x01, 0x22, 0x00]);
const WEBP = Uint8Array.from([
  ...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 '), 0x18, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a, 0x04, 0x00, 0x05, 0x00, 0, 0,
]);

describe('imageDimensions', () => {
  it('reads the size from the header of each image kind', () => {
    expect(imageDimensions(PNG, 'image/png')).toEqual({ width: 1, height: 1 });
    expect(imageDimensions(JPEG, 'image/jpeg')).toEqual({ width: 2, height: 3 });
    expect(imageDimensions(WEBP, 'image/webp')).toEqual({ width: 4, height: 5 });
  });

  it('refuses a file that only starts like an image', () => {
    expect(imageDimensions(PNG.subarray(0, 12), 'image/png')).toBeNull();
    expect(imageDimensions(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04]), 'image/jpeg')).toBeNull();
    expect(imageSizeProblem(null)).toMatch(/已损坏/);
  });

  it('refuses a picture larger than any field photo needs', () => {
    expect(imageSizeProblem({ width: 9000, height: 10 })).toMatch(/过大/);
    expect(imageSizeProblem({ width: 2000, height: 1500 })).toBeNull();
  });
});
