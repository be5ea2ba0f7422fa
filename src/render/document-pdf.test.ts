import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { printedHash } from '../domain/documents/document-hash.ts';
import { renderDocumentsPdf } from './document-pdf.ts';
import { deadlineNotice, SAMPLE_PUBLIC_BASE_URL } from './fixtures.ts';

const options = { publicBaseUrl: SAMPLE_PUBLIC_BASE_URL };

/** The text of every page as pdf.js extracts it (through the font's ToUnicode map), whitespace removed. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  await pdf.destroy();
  return pages;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Per page: the text drawn in the footer band (baseline below `band` points from the bottom) and the lowest body line. */
async function footerBands(bytes: Uint8Array, band: number): Promise<{ footer: string; lowestBody: number }[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: { footer: string; lowestBody: number }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const items = (await (await pdf.getPage(i)).getTextContent()).items.flatMap((item) =>
      'str' in item && item.str.trim() ? [item] : [],
    );
    const y = (item: (typeof items)[number]) => item.transform[5] as number;
    out.push({
      footer: squash(
        items
          .filter((item) => y(item) < band)
          .map((item) => item.str)
          .join(''),
      ),
      lowestBody: Math.min(...items.filter((item) => y(item) >= band).map(y)),
    });
  }
  await pdf.destroy();
  return out;
}

describe('renderDocumentsPdf', () => {
  it('prints a 责令限期改正通知书 in Chinese: title, brigade, number, items with their deadlines, check code and hash', async () => {
    const doc = deadlineNotice();
    const bytes = await renderDocumentsPdf([doc], options);
    const text = (await pagesText(bytes)).join('');
    expect(text).toContain('责令限期改正通知书');
    expect(text).toContain('金华市婺城区消防救援大队');
    expect(text).toContain('婺消限字〔2026〕第0001号');
    expect(text).toContain('金华市婺城区鸿运商贸有限公司：');
    for (const block of doc.content.blocks) {
      if (block.kind !== 'items') continue;
      for (const row of block.rows) {
        expect(text).toContain(squash(row.text));
        expect(text).toContain(row.note);
      }
    }
    expect(text).toContain('于2026年10月16日前改正');
    expect(text).toContain(`核验码${doc.content.checkCode}`);
    expect(text).toContain(`${SAMPLE_PUBLIC_BASE_URL}/portal/documents/${doc.content.checkCode}`);
    expect(text).toContain(`内容摘要${squash(printedHash(doc.contentHash))}`);
    expect(text).toContain('2026年10月9日');
    expect(text).toContain('（印章）');
    expect(text).toContain('被检查单位签收');
    expect(text).not.toContain('作废');
  });

  it('embeds a subset of the font: a notice stays well under 200 KB', async () => {
    const bytes = await renderDocumentsPdf([deadlineNotice()], options);
    expect(bytes.length).toBeLessThanOrEqual(200 * 1024);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toContain('/ToUnicode');
  });

  it('is deterministic: the same documents give the same bytes', async () => {
    const a = await renderDocumentsPdf([deadlineNotice()], options);
    const b = await renderDocumentsPdf([deadlineNotice()], options);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints a batch with each document from a new page, each with its own number and page count', async () => {
    const docs = [1, 2, 3].map((seq) => deadlineNotice({ seq }));
    const pages = await pagesText(await renderDocumentsPdf(docs, options));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const seq of [1, 2, 3]) {
      const number = `婺消限字〔2026〕第000${seq}号`;
      const starts = pages.filter((p) => p.startsWith(`金华市婺城区消防救援大队责令限期改正通知书${number}`));
      expect(starts, number).toHaveLength(1);
    }
    // Page numbers count each document's own pages.
    const perDocument = pages.length / 3;
    expect(pages[0]).toContain(`第1页/共${perDocument}页`);
    expect(pages[perDocument]).toContain(`第1页/共${perDocument}页`);
  });

  it('marks a voided document 作废 on every page', async () => {
    const pages = await pagesText(await renderDocumentsPdf([deadlineNotice({ voided: true })], options));
    for (const page of pages) expect(page).toContain('作废');
  });

  it('prints the number a correction replaces under its own', async () => {
    const text = (
      await pagesText(await renderDocumentsPdf([deadlineNotice({ seq: 2, replaces: '婺消限字〔2026〕第0001号' })], options))
    ).join('');
    expect(text).toContain('婺消限字〔2026〕第0002号本文书更正婺消限字〔2026〕第0001号');
  });

  it('flows long content onto further pages, the footer on each and the sign-off after the last item', async () => {
    const doc = deadlineNotice({ items: 40 });
    const pages = await pagesText(await renderDocumentsPdf([doc], options));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`核验码${doc.content.checkCode}`);
      expect(page).toContain(`第${i + 1}页/共${pages.length}页`);
    });
    const text = pages.join('');
    expect(text).toContain('40.');
    expect(text.indexOf('40.')).toBeLessThan(text.lastIndexOf('2026年10月9日'));
  });

  it('never lets body text into the footer band, however long the items or the table', async () => {
    const doc = deadlineNotice({ items: 30 });
    const fields = doc.content.blocks.find((b) => b.kind === 'fields');
    if (fields?.kind === 'fields') {
      for (let i = 0; i < 40; i++)
        fields.rows.push({
          label: `第${i + 1}项说明`,
          value: '消防设施器材的配置、设置不符合国家标准，未保持完好有效；'.repeat(1 + (i % 3)),
        });
    }
    const bands = await footerBands(await renderDocumentsPdf([doc], options), 110);
    expect(bands.length).toBeGreaterThanOrEqual(4);
    bands.forEach((band, i) => {
      const expected = squash(
        `扫码或访问 ${SAMPLE_PUBLIC_BASE_URL}/portal/documents/${doc.content.checkCode} 核验真伪核验码 ${doc.content.checkCode}内容摘要 ${printedHash(doc.contentHash)}第 ${i + 1} 页 / 共 ${bands.length} 页`,
      );
      expect(band.footer).toBe(expected);
      // The body's last baseline stays above the bottom margin (118 pt) less a descent.
      expect(band.lowestBody).toBeGreaterThan(112);
    });
  });

  it('refuses an empty batch', async () => {
    await expect(renderDocumentsPdf([], options)).rejects.toThrow(RangeError);
  });
});
