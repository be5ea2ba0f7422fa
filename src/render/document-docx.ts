import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  Tab,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { DocumentBlock, DocumentContent } from '../domain/documents/document-types.ts';
import { printedHash } from '../domain/documents/document-hash.ts';
import type { PrintableDocument } from './document-pdf.ts';
import {
  addresseeLine,
  BLANK_NAME,
  chineseDate,
  RECEIPT_LINE,
  replacesLine,
  SEAL_MARK,
  signatureDate,
  VOID_MARK,
} from './document-text.ts';
import { documentCheckUrl, qrMatrix, qrPng } from './qr-code.ts';

/** Latin in Times New Roman, Chinese in 宋体 (the font every office's Word has). */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
/** A4 in twips (1/20 pt) and margins of 2.54 cm / 2.2 cm; sizes in half-points. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1247, bottom: 1247, left: 1440, right: 1440, header: 720, footer: 567 };
const CONTENT_TWIPS = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 24; // 小四, 12 pt
const EM_TWIPS = 240;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THIN_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/**
 * Renders one document as .docx for offices that edit (East Asian font set), with the same content, QR code and hash
 * line as the PDF. A voided document carries 「作废」 in red above its title.
 */
export async function renderDocumentDocx(doc: PrintableDocument, options: { publicBaseUrl: string }): Promise<Uint8Array> {
  const content = doc.content;
  const url = documentCheckUrl(options.publicBaseUrl, content.checkCode);
  const document = new Document({
    title: `${content.title} ${content.number}`,
    creator: content.orgName,
    lastModifiedBy: content.orgName,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: { default: footer(url, content.checkCode, printedHash(doc.contentHash)) },
        children: [...(doc.voided ? [voidMark()] : []), ...heading(content), ...body(content)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function run(text: string, extra: Omit<IRunOptions, 'text' | 'font'> = {}): TextRun {
  return new TextRun({ text, font: FONT, size: BODY, ...extra });
}

function voidMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [run(VOID_MARK, { bold: true, size: 56, color: 'FF0000', characterSpacing: 200 })],
  });
}

function heading(content: DocumentContent): Paragraph[] {
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 60 },
      children: [run(content.orgName, { bold: true, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(content.title, { bold: true, size: 44, characterSpacing: 40 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: content.replaces ? 40 : 240 },
      children: [run(content.number)],
    }),
  ];
  if (content.replaces)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [run(replacesLine(content.replaces), { size: 21 })],
      }),
    );
  return out;
}

function body(content: DocumentContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ spacing: { line: 360 }, children: [run(addresseeLine(content.addressee))] }),
  ];
  for (const block of content.blocks) out.push(...renderBlock(block));
  out.push(...signOff(content));
  if (content.receipt) {
    out.push(
      new Paragraph({
        spacing: { before: 360 },
        border: { top: { style: BorderStyle.DASHED, size: 4, color: '555555', space: 8 } },
        children: [run(RECEIPT_LINE)],
      }),
    );
  }
  return out;
}

function renderBlock(block: DocumentBlock): (Paragraph | Table)[] {
  const line = { line: 360, after: 60 };
  if (block.kind === 'paragraph') {
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 2 * EM_TWIPS },
        spacing: line,
        children: [run(block.text)],
      }),
    ];
  }
  if (block.kind === 'items') {
    return block.rows.flatMap((row) => [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: 4 * EM_TWIPS, hanging: 2 * EM_TWIPS },
        tabStops: [{ type: TabStopType.LEFT, position: 4 * EM_TWIPS }],
        spacing: { line: 360 },
        keepNext: row.note !== null,
        children: [new TextRun({ font: FONT, size: BODY, children: [`${row.no}.`, new Tab(), row.text] })],
      }),
      ...(row.note ? [new Paragraph({ indent: { left: 4 * EM_TWIPS }, spacing: line, children: [run(row.note)] })] : []),
    ]);
  }
  if (block.kind === 'fields') {
    const labelWidth = 9 * EM_TWIPS + 200;
    const cell = (text: string, width: number) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { top: 80, bottom: 80, left: 100, right: 100 },
        children: [new Paragraph({ children: [run(text, { size: 22 })] })],
      });
    return [
      new Table({
        width: { size: CONTENT_TWIPS, type: WidthType.DXA },
        columnWidths: [labelWidth, CONTENT_TWIPS - labelWidth],
        borders: THIN_BORDERS,
        rows: block.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: [cell(row.label, labelWidth), cell(row.value, CONTENT_TWIPS - labelWidth)],
            }),
        ),
      }),
      new Paragraph({ spacing: { after: 60 }, children: [] }),
    ];
  }
  return block.rows.map(
    (row) =>
      new Paragraph({
        indent: { left: 2 * EM_TWIPS },
        spacing: { before: 120, after: 120 },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }],
        children: [
          run(`${row.role}：`),
          row.name ? run(row.name) : run(BLANK_NAME),
          new TextRun({ font: FONT, size: BODY, children: [new Tab(), signatureDate(row.date)] }),
        ],
      }),
  );
}

/** The issuer and date at the right, with room for the seal above. */
function signOff(content: DocumentContent): Paragraph[] {
  const right = (children: ParagraphChild[], spacing: { before?: number; after?: number } = {}) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * EM_TWIPS }, keepNext: true, spacing, children });
  return [
    right([run(SEAL_MARK, { size: 20, color: '888888' })], { before: 360, after: 240 }),
    right([run(content.orgName)]),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 2 * EM_TWIPS + EM_TWIPS },
      children: [run(chineseDate(content.issueDate))],
    }),
  ];
}

/** The QR code beside the link, check code and hash; the page number on the right. */
function footer(url: string, checkCode: string, hash: string): Footer {
  const png = qrPng(qrMatrix(url), 4, 2);
  const small = (text: string) => run(text, { size: 17 });
  const qrWidth = 1300;
  return new Footer({
    children: [
      new Table({
        width: { size: CONTENT_TWIPS, type: WidthType.DXA },
        columnWidths: [qrWidth, CONTENT_TWIPS - qrWidth],
        borders: { ...NO_BORDERS, top: { style: BorderStyle.SINGLE, size: 4, color: '777777' } },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: qrWidth, type: WidthType.DXA },
                margins: { top: 100 },
                children: [
                  new Paragraph({
                    children: [new ImageRun({ type: 'png', data: png, transformation: { width: 62, height: 62 } })],
                  }),
                ],
              }),
              new TableCell({
                width: { size: CONTENT_TWIPS - qrWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                margins: { top: 100 },
                children: [
                  new Paragraph({ children: [small(`扫码或访问 ${url} 核验真伪`)] }),
                  new Paragraph({ children: [small(`核验码 ${checkCode}`)] }),
                  new Paragraph({
                    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS - qrWidth - 200 }],
                    children: [
                      small(`内容摘要 ${hash}`),
                      new TextRun({
                        font: FONT,
                        size: 17,
                        children: [new Tab(), '第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'],
                      }),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}
