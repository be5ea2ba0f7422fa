import { toHex } from '@domain/crypto/sha256.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFileName, keyFileText } from './key-file.ts';
import type { RecordSheetData } from './record-sheet.tsx';
import { qrDrawingOf } from './secret-qr.ts';
import { parseSecret, secretQrText } from './secret.ts';

const KEY = '0011 2233 4455 6677 8899 aabb ccdd eeff';

const sheet = (text: string): RecordSheetData => ({
  draw: { code: 'D-2026-01-330702-001', orgName: '某大队', sourceLabel: '2026 年 1 月', manifestHash: 'ab'.repeat(32) },
  observer: { observerId: 'OBS-1', name: '王监督', capacity: '特邀廉政监督员' },
  commitment: 'cd'.repeat(32),
  text,
  secret: parseSecret(text)!,
});

describe('the observer’s key, kept off the server', () => {
  it('puts a key in the QR code as its hex digits, and a phrase as typed', () => {
    expect(secretQrText(parseSecret(KEY)!, KEY)).toBe('00112233445566778899AABBCCDDEEFF');
    expect(secretQrText(parseSecret('  春风又绿江南岸明月何时照我还  ')!, '  春风又绿江南岸明月何时照我还  ')).toBe(
      '春风又绿江南岸明月何时照我还',
    );
  });

  it('reads back from its QR text to the very bytes it commits to, whatever was typed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 6, maxLength: 40 }),
          fc.uint8Array({ minLength: 16, maxLength: 40 }).map(toHex),
        ),
        (text) => {
          const secret = parseSecret(text);
          if (!secret || secret.problem) return;
          expect(parseSecret(secretQrText(secret, text))!.bytes).toEqual(secret.bytes);
        },
      ),
    );
  });

  it('draws one square per dark module of the QR code', () => {
    const qr = qrDrawingOf('00112233445566778899AABBCCDDEEFF')!;
    expect(qr.size).toBeGreaterThanOrEqual(21 + 4);
    const squares = qr.path.match(/M\d+ \d+h1v1h-1z/g) ?? [];
    expect(squares.join('')).toBe(qr.path);
    // The three finder patterns alone have 3 × 33 dark modules.
    expect(squares.length).toBeGreaterThan(99);
  });

  it('writes a key file with the draw, the observer, the key, the commitment, the date and why to keep it', () => {
    const text = keyFileText(sheet(KEY), '2025-12-15 10:00:00');
    expect(text.startsWith('\uFEFF随机抽取监督人密钥\r\n')).toBe(true);
    expect(text).toContain('抽取编号：D-2026-01-330702-001\r\n');
    expect(text).toContain('监督人：OBS-1 王监督（特邀廉政监督员）\r\n');
    expect(text).toContain(`密钥：${KEY}（按十六进制密钥 · 16 字节）\r\n`);
    expect(text).toContain(`承诺值：${'cd'.repeat(32)}\r\n`);
    expect(text).toContain('保存时间：2025-12-15 10:00:00\r\n');
    expect(text).toContain('没有这个密钥，监督人就无法揭示，本次抽取只能作废');
    expect(keyFileName(sheet(KEY))).toBe('D-2026-01-330702-001-OBS-1-监督人密钥.txt');
  });
});
