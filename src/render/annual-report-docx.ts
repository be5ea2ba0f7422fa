import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { AnnualReportContent, ReportBlock } from '../domain/reports/annual-report-content.ts';

/**
 * The fonts of a Chinese official report (GB/T 9704 habits): body 仿宋 三号, headings 黑体, title 宋体 bold 二号; Latin
 * and digits in Times New Roman. Every office's Word has these four.
 */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
/** A4 in twips, margins 3.7 / 3.5 / 2.8 / 2.6 cm as GB/T 9704 asks; sizes in half-points. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 851, footer: 992 };
const CONTENT_TWIPS = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 32; // 三号, 16 pt
const TABLE_TEXT = 24; // 小四
const EM_TWIPS = 320;
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt: 22 lines a page
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THIN_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function run(text: string, extra: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: BODY_FONT, size: BODY, ...extra });
}

/** Renders the annual report as .docx: A4, title, addressee, headings, indented body, tables, signature, page numbers. */
export async function renderAnnualReportDocx(content: AnnualReportContent, author: string): Promise<Uint8Array> {
  const document = new Document({
    title: content.title,
    creator: author,
    lastModifiedBy: author,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: TITLE_FONT, size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children: content.blocks.flatMap(renderBlock),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function renderBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 560, line: 700, lineRule: 'exact' },
          children: [run(block.text, { font: TITLE_FONT, size: 44, bold: true })],
        }),
      ];
    case 'addressee':
      return [new Paragraph({ spacing: LINE, children: [run(block.text)] })];
    case 'heading':
      return [new Paragraph({ indent: { firstLine: 2 * EM_TWIPS }, spacing: LINE, keepNext: true, children: [run(block.text, { font: HEADING_FONT })] })];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * EM_TWIPS }, spacing: LINE, children: [run(block.text)] })];
    case 'signature':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * EM_TWIPS }, spacing: LINE, children: [run(block.text)] })];
    case 'table':
      return [table(block.header, block.rows), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

function table(header: string[], rows: string[][]): Table {
  const first = Math.round(CONTENT_TWIPS * 0.4);
  const other = Math.floor((CONTENT_TWIPS - first) / Math.max(1, header.length - 1));
  const widths = header.map((_, i) => (i === 0 ? first : other));
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? other, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { size: TABLE_TEXT, bold, ...(bold ? { font: HEADING_FONT } : {}) })],
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    borders: THIN_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
