/**
 * The QR code printed on every document (decision 0023): a module matrix from `uqr`, drawn as squares by the PDF
 * renderer, or encoded here as a small grey-scale PNG for the .docx (no image library: a PNG is a signature, an IHDR,
 * one zlib-deflated IDAT and an IEND, each chunk with its CRC-32).
 */
import zlib from 'node:zlib';
import { encode } from 'uqr';

/** The link a document's QR code opens: <publicBaseUrl>/portal/documents/<checkCode>. */
export function documentCheckUrl(publicBaseUrl: string, checkCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/portal/documents/${encodeURIComponent(checkCode)}`;
}

/** The modules of the QR code of `text` (true: dark), without a quiet zone; error correction M. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/**
 * The matrix as a PNG: `scale` pixels per module, a quiet zone of `quiet` modules (4 is the standard's), 8-bit grey.
 */
export function qrPng(matrix: readonly (readonly boolean[])[], scale = 4, quiet = 4): Uint8Array {
  const modules = matrix.length + 2 * quiet;
  const side = modules * scale;
  const stride = side + 1;
  const raw = Buffer.alloc(stride * side, 0xff);
  for (let y = 0; y < side; y++) {
    raw[y * stride] = 0; // filter type: None
    const row = matrix[Math.floor(y / scale) - quiet];
    if (!row) continue;
    for (let x = 0; x < side; x++) {
      if (row[Math.floor(x / scale) - quiet]) raw[y * stride + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: grey
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
