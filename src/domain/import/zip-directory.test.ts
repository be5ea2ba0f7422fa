import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../test/harness/zip-files.ts';
import { DomainError } from '../errors.ts';
import { checkDeclaredEntry, readZipDirectory, type ZipEntry } from './zip-directory.ts';

const MIB = 1024 * 1024;
const NOT_XLSX = new DomainError('UNSUPPORTED_FILE', '文件无法读取：不是有效的 Excel (.xlsx) 文件');
const limit = { maxBytes: 256 * MIB, label: '工作表', maxRatio: 200 };

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a DomainError');
}

const entry = (overrides: Partial<ZipEntry>): ZipEntry => ({
  name: 'xl/worksheets/sheet1.xml',
  method: 8,
  flags: 0,
  compressedSize: 1_000_000,
  uncompressedSize: 8_000_000,
  dataStart: 0,
  dataEnd: 1_000_000,
  ...overrides,
});

describe('readZipDirectory', () => {
  it('lists the entries from the central directory with the sizes they declare, and where their data is', () => {
    const sheet = '<worksheet>单位名称</worksheet>';
    const bytes = buildZip([
      { name: 'xl/workbook.xml', content: '<workbook/>', method: 0 },
      { name: 'xl/worksheets/sheet1.xml', content: sheet },
    ]);
    const entries = readZipDirectory(bytes);
    expect([...entries.keys()]).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const stored = entries.get('xl/workbook.xml')!;
    expect(Buffer.from(bytes.subarray(stored.dataStart, stored.dataEnd)).toString()).toBe('<workbook/>');
    const deflated = entries.get('xl/worksheets/sheet1.xml')!;
    expect(deflated).toMatchObject({ method: 8, uncompressedSize: Buffer.byteLength(sheet) });
    expect(zlib.inflateRawSync(bytes.subarray(deflated.dataStart, deflated.dataEnd)).toString()).toBe(sheet);
  });

  it('reports the size an entry declares, even when it lies', () => {
    const bytes = buildZip([{ name: 'xl/sharedStrings.xml', content: 'x'.repeat(100), declaredSize: 7 }]);
    expect(readZipDirectory(bytes).get('xl/sharedStrings.xml')?.uncompressedSize).toBe(7);
  });

  it('reads the 64-bit sizes of a ZIP64 entry', () => {
    const bytes = buildZip([{ name: 'a.xml', content: 'hello' }]);
    // Rewrite the central entry as ZIP64: 0xFFFFFFFF in the size fields, the real sizes in an extra field 0x0001.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const nameLength = bytes.readUInt16LE(central + 28);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(5n, 4);
    extra.writeBigUInt64LE(BigInt(bytes.readUInt32LE(central + 20)), 12);
    const head = Buffer.from(bytes.subarray(0, central + 46 + nameLength));
    head.writeUInt32LE(0xffffffff, central + 20);
    head.writeUInt32LE(0xffffffff, central + 24);
    head.writeUInt16LE(extra.length, central + 30);
    const end = Buffer.from(bytes.subarray(central + 46 + nameLength));
    end.writeUInt32LE(end.readUInt32LE(12) + extra.length, 12);
    const zip64 = Buffer.concat([head, extra, end]);
    expect(readZipDirectory(zip64).get('a.xml')).toMatchObject({
      uncompressedSize: 5,
      compressedSize: bytes.readUInt32LE(central + 20),
    });
  });

  it('refuses bytes without a central directory, a directory pointing outside the file, and a name twice', () => {
    expect(() => readZipDirectory(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(NOT_XLSX);
    const bytes = buildZip([{ name: 'a.xml', content: 'a' }]);
    const broken = Buffer.from(bytes);
    broken.writeUInt32LE(bytes.length + 100, bytes.length - 6); // the directory's offset
    expect(() => readZipDirectory(broken)).toThrow(NOT_XLSX);
    expect(() =>
      readZipDirectory(
        buildZip([
          { name: 'a.xml', content: 'a' },
          { name: 'a.xml', content: 'b' },
        ]),
      ),
    ).toThrow(NOT_XLSX);
  });

  it('reads an archive without entries as empty (the caller then finds no workbook)', () => {
    expect(readZipDirectory(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])).size).toBe(0);
  });
});

describe('checkDeclaredEntry', () => {
  it('accepts a part as large and as compressed as a real 100,000-row worksheet', () => {
    expect(() => checkDeclaredEntry(entry({ compressedSize: 9_349_558, uncompressedSize: 66_264_700 }), limit)).not.toThrow();
  });

  it('refuses a part declaring more than its limit, naming the part, its size and the limit', () => {
    expect(errorOf(() => checkDeclaredEntry(entry({ uncompressedSize: 1024 * MIB, compressedSize: 13 * MIB }), limit))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件解压后过大：工作表（xl/worksheets/sheet1.xml）解压后 1,024 MB，超过 256 MB 的上限，疑似压缩炸弹，已拒绝',
    });
  });

  it('refuses an absurd compression ratio from 1 MB up, but not in a small part', () => {
    expect(errorOf(() => checkDeclaredEntry(entry({ uncompressedSize: 200_000_000, compressedSize: 200_000 }), limit))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message:
        '文件解压后过大：工作表（xl/worksheets/sheet1.xml）的压缩比为 1,000 : 1，正常的 Excel 文件不超过 200 : 1，疑似压缩炸弹，已拒绝',
    });
    expect(() => checkDeclaredEntry(entry({ uncompressedSize: 500_000, compressedSize: 100 }), limit)).not.toThrow();
  });

  it('refuses an encrypted entry, a compression method other than deflate, and a stored entry whose sizes differ', () => {
    expect(errorOf(() => checkDeclaredEntry(entry({ flags: 1 }), limit)).message).toBe(
      '文件已加密：请在 Excel 中取消密码保护后重新上传',
    );
    expect(errorOf(() => checkDeclaredEntry(entry({ method: 12 }), limit)).message).toBe(
      '文件无法读取：工作表（xl/worksheets/sheet1.xml）使用了不支持的压缩方式，请在 Excel 中另存为 .xlsx 后重新上传',
    );
    expect(() => checkDeclaredEntry(entry({ method: 0, compressedSize: 10, uncompressedSize: 20 }), limit)).toThrow(NOT_XLSX);
  });
});
