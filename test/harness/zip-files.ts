/**
 * Zip archives and .xlsx files built byte by byte for tests and benchmarks — including the hostile ones of
 * decision 0014 (zip bombs, a 300 MB cell), which are generated where they are used and never committed. A bomb's
 * deflate stream is one small deflated segment repeated: each segment ends with a full flush (byte-aligned, no
 * reference to what came before), so N copies inflate to N times the segment without N times the work.
 */
import zlib from 'node:zlib';

export type ZipPart = {
  name: string;
  /** The content, deflated by buildZip… */
  content?: string | Uint8Array;
  /** …or a raw deflate stream already made, with the size it inflates to. */
  deflated?: { bytes: Uint8Array; size: number };
  /** The uncompressed size the archive declares, when it should lie. */
  declaredSize?: number;
  /** 0: stored (content only). Default 8, deflated. */
  method?: 0 | 8;
};

const MIB = 1024 * 1024;

/** A zip archive of the parts, in order (no ZIP64: every size under 4 GiB). */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw =
      part.content === undefined
        ? null
        : typeof part.content === 'string'
          ? Buffer.from(part.content, 'utf8')
          : Buffer.from(part.content);
    const method = part.method ?? 8;
    const data = part.deflated ? Buffer.from(part.deflated.bytes) : method === 0 ? raw! : zlib.deflateRawSync(raw!);
    const size = part.declaredSize ?? part.deflated?.size ?? raw!.length;
    const crc = raw ? zlib.crc32(raw) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A raw deflate stream of `head`, then `unit` repeated until the text reaches `size` bytes (the last copy cut to
 * fit), then `tail` — made from three small deflations, whatever `size` is.
 */
export function repeatedDeflate(head: string, unit: string, size: number, tail: string): { bytes: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const unitBytes = Buffer.from(unit, 'utf8');
  const body = size - headBytes.length - tailBytes.length;
  const copies = Math.floor(body / unitBytes.length);
  const rest = unitBytes.subarray(0, body - copies * unitBytes.length);
  const segment = zlib.deflateRawSync(unitBytes, flush);
  const bytes = Buffer.concat([
    zlib.deflateRawSync(headBytes, flush),
    ...Array.from({ length: copies }, () => segment),
    zlib.deflateRawSync(Buffer.concat([rest, tailBytes])),
  ]);
  return { bytes, size: headBytes.length + copies * unitBytes.length + rest.length + tailBytes.length };
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An inline-string cell. */
export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The XML of a worksheet whose rows are given as the cells' XML (see inlineCell). */
export function sheetXml(rows: string[][]): string {
  return `${SHEET_HEAD}${rows.map((cells, i) => `<row r="${i + 1}">${cells.join('')}</row>`).join('')}${SHEET_TAIL}`;
}

/**
 * A minimal .xlsx around the given worksheet (and shared strings): the parts Excel needs to open it, the shared
 * strings stored before the sheet as Excel stores them.
 */
export function xlsxWith(sheet: Omit<ZipPart, 'name'>, sharedStrings?: Omit<ZipPart, 'name'>): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  return buildZip([
    {
      name: '[Content_Types].xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="单位" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', ...sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}

/** A 1 MiB run of rows, each one cell of short text: what a bomb repeats. */
function rowsUnit(): string {
  const row = `<row r="2">${inlineCell('A2', '好运来超市')}</row>`;
  return row.repeat(Math.ceil(MIB / Buffer.byteLength(row)));
}

/**
 * The bombs of the issue (decision 0014), each a few hundred KB to a few MB:
 * - `sheet`: a worksheet of `mib` MiB of rows;
 * - `sharedStrings`: `mib` MiB of shared strings (declared as 8 MiB unless told otherwise);
 * - `cell`: one inline cell of `mib` MiB of the same letter, in A2.
 * The archive declares the true size unless `declaredMiB` says what it should claim instead.
 */
export function zipBomb(kind: 'sheet' | 'sharedStrings' | 'cell', mib = 1024, declaredMiB?: number): Buffer {
  const header = `<row r="1">${inlineCell('A1', '单位名称')}</row>`;
  const declared = declaredMiB === undefined ? {} : { declaredSize: declaredMiB * MIB };
  if (kind === 'sheet')
    return xlsxWith({ deflated: repeatedDeflate(SHEET_HEAD + header, rowsUnit(), mib * MIB, SHEET_TAIL), ...declared });
  if (kind === 'cell') {
    const head = `${SHEET_HEAD}${header}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
    return xlsxWith({
      deflated: repeatedDeflate(head, 'A'.repeat(MIB), mib * MIB, `</t></is></c></row>${SHEET_TAIL}`),
      ...declared,
    });
  }
  const strings = repeatedDeflate(
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    Array.from({ length: 64 }, (_, i) => `<si><t>单位${i}</t></si>`)
      .join('')
      .repeat(800),
    mib * MIB,
    '</sst>',
  );
  return xlsxWith(
    {
      content: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>${SHEET_TAIL}`,
    },
    { deflated: strings, declaredSize: (declaredMiB ?? 8) * MIB },
  );
}
