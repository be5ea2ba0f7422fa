import { describe, expect, it } from 'vitest';
import { detectEvidenceFileKind } from './file-kind.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('detectEvidenceFileKind', () => {
  it('knows a photo or a PDF by its first bytes', () => {
    expect(detectEvidenceFileKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectEvidenceFileKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectEvidenceFileKind(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(detectEvidenceFileKind(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever its name says: HTML, an executable, a zip, an empty file', () => {
    for (const text of ['<html><script>alert(1)</script>', 'MZ\u0090\u0000', 'PK\u0003\u0004', '', 'RIFF1234WAVE'])
      expect(detectEvidenceFileKind(new TextEncoder().encode(text)), text).toBeNull();
  });
});
