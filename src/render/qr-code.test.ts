import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentCheckUrl, qrMatrix, qrPng } from './qr-code.ts';

/** The chunks of a PNG, each CRC checked. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length)).toBe(zlib.crc32(buf.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

describe('the QR code', () => {
  it('links to the public check page', () => {
    expect(documentCheckUrl('https://xf.example.cn/', 'K7PX2M0001')).toBe('https://xf.example.cn/portal/documents/K7PX2M0001');
  });

  it('is a square matrix with the three finder patterns', () => {
    const m = qrMatrix('https://xf.example.cn/portal/documents/K7PX2M0001');
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      // A finder: dark 7×7 border, light ring, dark 3×3 centre.
      expect(m[r]!.slice(c, c + 7).every(Boolean)).toBe(true);
      expect(m[r + 1]![c + 1]).toBe(false);
      expect(m[r + 3]![c + 3]).toBe(true);
    }
  });

  it('encodes as a valid grey PNG whose pixels are the modules, with a quiet zone', () => {
    const m = qrMatrix('https://xf.example.cn/portal/documents/K7PX2M0001');
    const scale = 3;
    const quiet = 4;
    const parts = chunks(qrPng(m, scale, quiet));
    expect(parts.map((p) => p.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const side = (m.length + 2 * quiet) * scale;
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([side, side, 8, 0]);
    const raw = zlib.inflateSync(parts[1]!.data);
    expect(raw.length).toBe(side * (side + 1));
    const pixel = (x: number, y: number) => raw[y * (side + 1) + 1 + x];
    for (let r = 0; r < m.length; r++) {
      for (let c = 0; c < m.length; c++) expect(pixel((c + quiet) * scale + 1, (r + quiet) * scale + 1)).toBe(m[r]![c] ? 0 : 255);
    }
    expect(pixel(0, 0)).toBe(255);
  });
});
