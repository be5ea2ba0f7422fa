/**
 * The table of contents of a zip archive (an .xlsx is one), read from its central directory without inflating
 * anything, so that the sizes an archive declares can be judged before a byte is decompressed (decision 0014).
 * Pure: byte arithmetic over a Uint8Array (APPNOTE.TXT 6.3, with the ZIP64 extensions of 4.3.14 and 4.5.3).
 */
import { DomainError } from '../errors.ts';
import { notAnXlsxFileError } from './import-table.ts';

export type ZipEntry = {
  /** The path inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  /** General-purpose bit flags; bit 0 means encrypted. */
  flags: number;
  compressedSize: number;
  /** As declared by the archive: the reader must not trust it beyond using it as a ceiling. */
  uncompressedSize: number;
  /** Where the entry's compressed bytes start (after its local header) and end. */
  dataStart: number;
  dataEnd: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
/** More entries than this is not a workbook (an .xlsx has a dozen or so parts). */
const MAX_ENTRIES = 10_000;

const utf8 = new TextDecoder('utf-8');

/** The bytes are not a zip archive we can read: the same message as any unreadable workbook. */
function malformed(): never {
  throw notAnXlsxFileError();
}

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) malformed();
  return Number(value);
}

/**
 * The entries of the archive, by name, from its central directory — the directory a zip reader consults, so an
 * entry hidden between the local headers is never read. Refuses (as 「不是有效的 Excel (.xlsx) 文件」) bytes
 * without a central directory, offsets outside the file, more than 10,000 entries and the same name twice (which
 * entry a reader would take would be ambiguous).
 */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - U16_MAX); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) malformed();
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (!inside(locator, 20) || view.getUint32(locator, true) !== ZIP64_LOCATOR) malformed();
    const record = u64(view, locator + 8);
    if (!inside(record, 56) || view.getUint32(record, true) !== ZIP64_EOCD) malformed();
    count = u64(view, record + 32);
    size = u64(view, record + 40);
    offset = u64(view, record + 48);
  }
  if (count > MAX_ENTRIES || !inside(offset, size)) malformed();

  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!inside(at, 46) || view.getUint32(at, true) !== CENTRAL) malformed();
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) malformed();
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));

    // ZIP64: the 32-bit fields that hold 0xFFFFFFFF are in the extra field 0x0001, in this order.
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      let found = false;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (extra + 4 + length > extraEnd) malformed();
        if (id === 0x0001) {
          let field = extra + 4;
          const next = (): number => {
            if (field + 8 > extra + 4 + length) malformed();
            const value = u64(view, field);
            field += 8;
            return value;
          };
          if (uncompressedSize === U32_MAX) uncompressedSize = next();
          if (compressedSize === U32_MAX) compressedSize = next();
          if (localOffset === U32_MAX) localOffset = next();
          found = true;
          break;
        }
        extra += 4 + length;
      }
      if (!found) malformed();
    }

    if (!inside(localOffset, 30) || view.getUint32(localOffset, true) !== LOCAL) malformed();
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (!inside(dataStart, compressedSize)) malformed();
    if (entries.has(name)) malformed();
    entries.set(name, { name, method, flags, compressedSize, uncompressedSize, dataStart, dataEnd: dataStart + compressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const MIB = 1024 * 1024;
const formatMiB = (bytes: number) => Math.ceil(bytes / MIB).toLocaleString('en-US');

/**
 * Refuses, before it is inflated, an entry that could not be read (encrypted, or compressed other than by
 * deflate), or whose declared size is beyond `maxBytes` or beyond what deflate can produce from its compressed
 * size at a sane ratio. `label` names the part for the user (「工作表」, 「共享字符串表」 …).
 *
 * Deflate cannot expand more than about 1,032 : 1; real worksheets and shared strings compress 4–10 : 1 (0014).
 * A part of 1 MB or more declaring over 200 : 1 is refused as a probable zip bomb.
 */
export function checkDeclaredEntry(entry: ZipEntry, limit: { maxBytes: number; label: string; maxRatio: number }): void {
  if ((entry.flags & 0x1) !== 0) throw new DomainError('UNSUPPORTED_FILE', '文件已加密：请在 Excel 中取消密码保护后重新上传');
  if (entry.method !== 0 && entry.method !== 8)
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `文件无法读取：${limit.label}（${entry.name}）使用了不支持的压缩方式，请在 Excel 中另存为 .xlsx 后重新上传`,
    );
  if (entry.method === 0 && entry.uncompressedSize !== entry.compressedSize) malformed();
  if (entry.uncompressedSize > limit.maxBytes) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件解压后过大：${limit.label}（${entry.name}）解压后 ${formatMiB(entry.uncompressedSize)} MB，超过 ${formatMiB(limit.maxBytes)} MB 的上限，疑似压缩炸弹，已拒绝`,
    );
  }
  if (entry.uncompressedSize >= MIB && entry.uncompressedSize > entry.compressedSize * limit.maxRatio) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件解压后过大：${limit.label}（${entry.name}）的压缩比为 ${ratio.toLocaleString('en-US')} : 1，正常的 Excel 文件不超过 ${limit.maxRatio} : 1，疑似压缩炸弹，已拒绝`,
    );
  }
}
