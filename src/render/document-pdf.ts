import PDFDocument from 'pdfkit';
import type { DocumentBlock, DocumentContent } from '../domain/documents/document-types.ts';
import { printedHash } from '../domain/documents/document-hash.ts';
import { documentFonts } from './fonts.ts';
import { chineseDate, addresseeLine, RECEIPT_LINE, SEAL_MARK, VOID_MARK, replacesLine, signatureDate } from './document-text.ts';
import { documentCheckUrl, qrMatrix } from './qr-code.ts';

/** One document as printed: its content, hash and status (a voided document prints with a 「作废」 mark). */
export type PrintableDocument = { content: DocumentContent; contentHash: string; voided: boolean };

/** A4 in points; the body's margins leave the footer (QR code, check code, hash, page) its own band. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, left: 72, right: 72, bottom: 118 };
const FOOTER_TOP = PAGE.height - 104;
const QR_SIZE = 62;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 12;
const LINE_GAP = 4.5;
const EM = BODY_SIZE;
const INK = '#000000';

/**
 * Renders documents as one A4 PDF (a batch prints each document from a new page), Chinese font embedded and subset to
 * the glyphs used. `publicBaseUrl` makes the QR code's link: <publicBaseUrl>/portal/documents/<checkCode>.
 * The output depends only on the documents: the PDF's dates are the latest issue date (deterministic bytes).
 */
export async function renderDocumentsPdf(
  docs: readonly PrintableDocument[],
  options: { publicBaseUrl: string },
): Promise<Uint8Array> {
  if (docs.length === 0) throw new RangeError('renderDocumentsPdf: no documents to render');
  const fonts = documentFonts();
  const latest = docs.map((d) => d.content.issueDate).reduce((a, b) => (b > a ? b : a));
  const created = new Date(`${latest}T00:00:00+08:00`);
  const first = docs[0]!.content;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    // The default font would be Helvetica, read from its AFM file for every document.
    font: fonts.regular as unknown as string,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: docs.length === 1 ? `${first.title} ${first.number}` : `${first.title}等 ${docs.length} 份文书`,
      Author: first.orgName,
      Creator: '双随机消防监管系统',
      Producer: '双随机消防监管系统',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  // pdfkit accepts a parsed font as a source (its types only list files and bytes).
  pdf.registerFont('regular', fonts.regular as unknown as Buffer);
  pdf.registerFont('bold', fonts.bold as unknown as Buffer);

  const ranges: { doc: PrintableDocument; start: number; count: number }[] = [];
  for (const doc of docs) {
    pdf.addPage();
    const start = pdf.bufferedPageRange().count - 1;
    renderBody(pdf, doc.content);
    ranges.push({ doc, start, count: pdf.bufferedPageRange().count - start });
  }
  for (const { doc, start, count } of ranges) {
    const url = documentCheckUrl(options.publicBaseUrl, doc.content.checkCode);
    const matrix = qrMatrix(url);
    for (let i = 0; i < count; i++) {
      pdf.switchToPage(start + i);
      withoutBottomMargin(pdf, () => {
        if (doc.voided) drawVoidMark(pdf);
        drawFooter(pdf, {
          url,
          matrix,
          checkCode: doc.content.checkCode,
          hash: printedHash(doc.contentHash),
          page: i + 1,
          pages: count,
        });
      });
    }
  }
  pdf.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

type Pdf = InstanceType<typeof PDFDocument>;

function renderBody(pdf: Pdf, content: DocumentContent): void {
  const left = MARGIN.left;
  pdf.fillColor(INK);
  pdf
    .font('bold')
    .fontSize(16)
    .text(content.orgName, left, MARGIN.top, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 1 });
  pdf.moveDown(0.3);
  pdf.font('bold').fontSize(22).text(content.title, left, pdf.y, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 2 });
  pdf.moveDown(0.4);
  pdf.font('regular').fontSize(BODY_SIZE).text(content.number, left, pdf.y, { width: CONTENT_WIDTH, align: 'center' });
  if (content.replaces) {
    pdf.moveDown(0.2);
    pdf.fontSize(10.5).text(replacesLine(content.replaces), left, pdf.y, { width: CONTENT_WIDTH, align: 'center' });
  }
  pdf.y += 14;
  pdf
    .font('regular')
    .fontSize(BODY_SIZE)
    .text(addresseeLine(content.addressee), left, pdf.y, { width: CONTENT_WIDTH, lineGap: LINE_GAP });
  pdf.y += 2;
  for (const block of content.blocks) {
    renderBlock(pdf, block);
    pdf.y += 4;
  }
  renderSignOff(pdf, content);
  if (content.receipt) renderReceipt(pdf);
}

function renderBlock(pdf: Pdf, block: DocumentBlock): void {
  const left = MARGIN.left;
  pdf.font('regular').fontSize(BODY_SIZE).fillColor(INK);
  if (block.kind === 'paragraph') {
    ensureSpace(pdf, lineHeight(pdf));
    pdf.text(block.text, left, pdf.y, { width: CONTENT_WIDTH, indent: 2 * EM, lineGap: LINE_GAP, align: 'justify' });
    return;
  }
  if (block.kind === 'items') {
    const labelX = left + 2 * EM;
    const textX = labelX + 2 * EM;
    const width = CONTENT_WIDTH - (textX - left);
    for (const row of block.rows) {
      // An item and its deadline stay on one page unless the item alone is longer than a page.
      const options = { width, lineGap: LINE_GAP };
      const height = pdf.heightOfString(row.text, options) + (row.note ? pdf.heightOfString(row.note, options) : 0);
      ensureSpace(pdf, Math.min(height, PAGE.height - MARGIN.top - MARGIN.bottom));
      const y = pdf.y;
      pdf.text(`${row.no}.`, labelX, y, { lineBreak: false });
      pdf.text(row.text, textX, y, { width, lineGap: LINE_GAP, align: 'justify' });
      if (row.note) {
        ensureSpace(pdf, lineHeight(pdf));
        pdf.text(row.note, textX, pdf.y, { width, lineGap: LINE_GAP });
      }
      pdf.y += 2;
    }
    return;
  }
  if (block.kind === 'fields') {
    renderFields(pdf, block.rows);
    return;
  }
  renderSignatures(pdf, block.rows);
}

/** Label–value rows in a table of thin lines; a row that does not fit starts a new page (and the table goes on there). */
function renderFields(pdf: Pdf, rows: { label: string; value: string }[]): void {
  const left = MARGIN.left;
  const labelWidth = 9 * EM;
  const pad = 5;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  pdf.font('regular').fontSize(BODY_SIZE - 1);
  pdf.y += 2;
  let top = pdf.y;
  let first = true;
  for (const row of rows) {
    const height =
      Math.max(
        pdf.heightOfString(row.label, { width: labelWidth - 2 * pad }),
        pdf.heightOfString(row.value, { width: valueWidth - 2 * pad, lineGap: 2 }),
      ) +
      2 * pad;
    if (top + height > PAGE.height - MARGIN.bottom) {
      pdf.addPage();
      top = pdf.y;
      first = true;
    }
    pdf.lineWidth(0.5).strokeColor(INK);
    if (first)
      pdf
        .moveTo(left, top)
        .lineTo(left + CONTENT_WIDTH, top)
        .stroke();
    pdf
      .moveTo(left, top + height)
      .lineTo(left + CONTENT_WIDTH, top + height)
      .stroke();
    for (const x of [left, left + labelWidth, left + CONTENT_WIDTH])
      pdf
        .moveTo(x, top)
        .lineTo(x, top + height)
        .stroke();
    pdf.text(row.label, left + pad, top + pad, { width: labelWidth - 2 * pad });
    pdf.text(row.value, left + labelWidth + pad, top + pad, { width: valueWidth - 2 * pad, lineGap: 2 });
    top += height;
    first = false;
  }
  pdf.y = top + 4;
  pdf.fontSize(BODY_SIZE);
}

/** 「消防监督检查人员：张伟 … 2026年10月9日」, or blank lines to sign on and 「年 月 日」 to fill in. */
function renderSignatures(pdf: Pdf, rows: { role: string; name: string | null; date: string | null }[]): void {
  const left = MARGIN.left + 2 * EM;
  const right = MARGIN.left + CONTENT_WIDTH;
  const rowHeight = 26;
  pdf.font('regular').fontSize(BODY_SIZE);
  pdf.y += 6;
  for (const row of rows) {
    ensureSpace(pdf, rowHeight);
    const y = pdf.y + 8;
    const label = `${row.role}：`;
    pdf.text(label, left, y, { lineBreak: false });
    const nameX = left + pdf.widthOfString(label);
    if (row.name) pdf.text(row.name, nameX, y, { lineBreak: false });
    else underline(pdf, nameX, y + BODY_SIZE + 3, 7 * EM);
    const nameEnd = nameX + (row.name ? pdf.widthOfString(row.name) : 7 * EM);
    const date = signatureDate(row.date);
    const dateWidth = pdf.widthOfString(date);
    // A long name (with its certificate number) pushes the date to a line of its own rather than under it.
    const dateY = nameEnd + EM > right - dateWidth ? y + rowHeight - 4 : y;
    if (dateY !== y) ensureSpace(pdf, 2 * rowHeight);
    pdf.text(date, right - dateWidth, dateY, { lineBreak: false });
    pdf.y = dateY + rowHeight - 8;
  }
}

/** The issuer and date at the bottom right, centred on each other, with room for the seal. */
function renderSignOff(pdf: Pdf, content: DocumentContent): void {
  pdf.font('regular').fontSize(BODY_SIZE);
  const date = chineseDate(content.issueDate);
  const blockWidth = Math.max(pdf.widthOfString(content.orgName), pdf.widthOfString(date)) + 2 * EM;
  const x = MARGIN.left + CONTENT_WIDTH - blockWidth - EM;
  ensureSpace(pdf, 84);
  const top = pdf.y + 8;
  pdf.fillColor('#888888').fontSize(10).text(SEAL_MARK, x, top, { width: blockWidth, align: 'center', lineBreak: false });
  pdf.fillColor(INK).fontSize(BODY_SIZE);
  pdf.text(content.orgName, x, top + 26, { width: blockWidth, align: 'center', lineBreak: false });
  pdf.text(date, x, top + 48, { width: blockWidth, align: 'center', lineBreak: false });
  pdf.y = top + 70;
}

/** The party's receipt under a dashed rule: 「被检查单位签收：＿＿＿＿ 年 月 日」. */
function renderReceipt(pdf: Pdf): void {
  ensureSpace(pdf, 48);
  const y = pdf.y + 10;
  pdf
    .save()
    .lineWidth(0.5)
    .dash(4, { space: 3 })
    .strokeColor('#555555')
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .stroke()
    .restore();
  pdf
    .font('regular')
    .fontSize(BODY_SIZE)
    .fillColor(INK)
    .text(RECEIPT_LINE, MARGIN.left, y + 14, { width: CONTENT_WIDTH, lineBreak: false });
  pdf.y = y + 14 + lineHeight(pdf);
}

function drawFooter(
  pdf: Pdf,
  f: { url: string; matrix: boolean[][]; checkCode: string; hash: string; page: number; pages: number },
): void {
  const left = MARGIN.left;
  const right = MARGIN.left + CONTENT_WIDTH;
  pdf.save().lineWidth(0.5).strokeColor('#777777').moveTo(left, FOOTER_TOP).lineTo(right, FOOTER_TOP).stroke().restore();
  const qrTop = FOOTER_TOP + 10;
  drawQr(pdf, f.matrix, left, qrTop, QR_SIZE);
  const textX = left + QR_SIZE + 12;
  const pageLabel = `第 ${f.page} 页 / 共 ${f.pages} 页`;
  pdf.font('regular').fontSize(8.5).fillColor('#222222');
  const pageWidth = pdf.widthOfString(pageLabel);
  const textWidth = right - textX - pageWidth - 12;
  let y = qrTop + 2;
  for (const line of [`扫码或访问 ${f.url} 核验真伪`, `核验码 ${f.checkCode}`, `内容摘要 ${f.hash}`]) {
    pdf.text(line, textX, y, { width: textWidth, lineGap: 1 });
    y = pdf.y + 4;
  }
  pdf.text(pageLabel, right - pageWidth, qrTop + QR_SIZE - 10, { lineBreak: false });
  pdf.fillColor(INK);
}

/** The QR code as filled squares, one rectangle per horizontal run of dark modules. */
function drawQr(pdf: Pdf, matrix: boolean[][], x: number, y: number, size: number): void {
  const cell = size / matrix.length;
  pdf.save().fillColor('#000000');
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c += 1;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c += 1;
      pdf.rect(x + start * cell, y + r * cell, (c - start) * cell, cell);
    }
  });
  pdf.fill().restore();
}

/** A large grey 「作废」 across the page, drawn over it at 30 % opacity so the text stays readable. */
function drawVoidMark(pdf: Pdf): void {
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  const size = 150;
  pdf.save();
  pdf.rotate(-35, { origin: [cx, cy] });
  pdf.font('bold').fontSize(size).fillColor('#808080').fillOpacity(0.3);
  // One character at a time, centred on the page with a gap between them.
  const chars = [...VOID_MARK];
  const step = size * 1.25;
  chars.forEach((ch, i) => {
    const centre = cx + (i - (chars.length - 1) / 2) * step;
    pdf.text(ch, centre - pdf.widthOfString(ch) / 2, cy - pdf.currentLineHeight() / 2, { lineBreak: false });
  });
  pdf.restore();
  pdf.fillOpacity(1).fillColor(INK);
}

function underline(pdf: Pdf, x: number, y: number, width: number): void {
  pdf
    .save()
    .lineWidth(0.6)
    .strokeColor(INK)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

function lineHeight(pdf: Pdf): number {
  return pdf.currentLineHeight(true) + LINE_GAP;
}

/** Starts a new page when `height` does not fit above the footer band. */
function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > PAGE.height - MARGIN.bottom) pdf.addPage();
}

/** Runs `draw` with the page's bottom margin at 0, so text in the footer band never starts a new page. */
function withoutBottomMargin(pdf: Pdf, draw: () => void): void {
  const margins = pdf.page.margins;
  const bottom = margins.bottom;
  margins.bottom = 0;
  try {
    draw();
  } finally {
    margins.bottom = bottom;
  }
}
