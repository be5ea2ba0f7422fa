import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { printedHash } from '../domain/documents/document-hash.ts';
import { renderDocumentDocx } from './document-docx.ts';
import { deadlineNotice, SAMPLE_PUBLIC_BASE_URL } from './fixtures.ts';

const options = { publicBaseUrl: SAMPLE_PUBLIC_BASE_URL };

/** The parts of a .docx (a zip archive), text parts as strings. */
function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The text of w:t elements of a part, joined (Word splits runs where it likes; we look at the words). */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('renderDocumentDocx', () => {
  it('writes the title, number, items and the East Asian font 宋体 into word/document.xml', async () => {
    const doc = deadlineNotice();
    const zip = parts(await renderDocumentDocx(doc, options));
    const xml = strFromU8(zip['word/document.xml']!);
    const text = wordText(xml);
    expect(text).toContain('责令限期改正通知书');
    expect(text).toContain('金华市婺城区消防救援大队');
    expect(text).toContain('婺消限字〔2026〕第0001号');
    expect(text).toContain('于2026年10月16日前改正');
    expect(text).toContain('一层东侧疏散楼梯间堆放纸箱等杂物');
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('2026年10月9日');
    expect(text).toContain('被检查单位签收');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 portrait
    expect(text).not.toContain('作废');
  });

  it('puts the QR code (a PNG), the link, the check code and the hash in the footer', async () => {
    const doc = deadlineNotice();
    const zip = parts(await renderDocumentDocx(doc, options));
    const footerName = Object.keys(zip).find((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footerName).toBeDefined();
    const footer = wordText(strFromU8(zip[footerName!]!));
    expect(footer).toContain(`${SAMPLE_PUBLIC_BASE_URL}/portal/documents/${doc.content.checkCode}`);
    expect(footer).toContain(`核验码 ${doc.content.checkCode}`);
    expect(footer).toContain(`内容摘要 ${printedHash(doc.contentHash)}`);
    const media = Object.keys(zip).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(zip[media[0]!]!.subarray(0, 8)).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  });

  it('marks a voided document 作废 at the top', async () => {
    const xml = strFromU8(parts(await renderDocumentDocx(deadlineNotice({ voided: true }), options))['word/document.xml']!);
    const text = wordText(xml);
    expect(text.startsWith('作废')).toBe(true);
    expect(xml).toContain('w:color w:val="FF0000"');
  });

  it('prints the number a correction replaces', async () => {
    const xml = strFromU8(
      parts(await renderDocumentDocx(deadlineNotice({ seq: 2, replaces: '婺消限字〔2026〕第0001号' }), options))[
        'word/document.xml'
      ]!,
    );
    expect(wordText(xml)).toContain('本文书更正婺消限字〔2026〕第0001号');
  });
});
