import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSharedStringsScanner } from './shared-strings-scanner.ts';

function stringsOf(xml: string, size = xml.length): string[] {
  const out: string[] = [];
  const scanner = createSharedStringsScanner((s) => out.push(s));
  for (let at = 0; at < xml.length; at += size) scanner.write(xml.slice(at, at + size));
  scanner.end();
  return out;
}

const SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="8" uniqueCount="8">' +
  '<si><t>单位名称</t></si>' +
  '<si><r><rPr><b/><sz val="11"/></rPr><t>好运来</t></r><r><t xml:space="preserve"> 超市 </t></r></si>' +
  '<si><t>金华</t><rPh sb="0" eb="2"><t>キンカ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si/>' +
  '<si><t/></si>' +
  '<!-- <si><t>不是条目</t></si> -->' +
  '<si><t>&lt;甲&amp;乙&gt; &#x4E19;&#19969;\r\n第二行</t></si>' +
  '<si><t><![CDATA[<原样 & 保留>]]>尾</t></si>' +
  '<x:si xmlns:x="urn:x"><x:t>前缀</x:t></x:si>' +
  '</sst>';
const EXPECTED = ['单位名称', '好运来 超市 ', '金华', '', '', '<甲&乙> 丙丁\n第二行', '<原样 & 保留>尾', '前缀'];

describe('createSharedStringsScanner', () => {
  it('reads plain and rich entries as their text, without phonetic guides, comments or formatting', () => {
    expect(stringsOf(SST)).toEqual(EXPECTED);
  });

  it('gives the same entries wherever the text is cut into pieces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (size) => {
        expect(stringsOf(SST, size)).toEqual(EXPECTED);
      }),
    );
  });

  it('refuses an entry it would have to keep whole past 4 M characters', () => {
    const scanner = createSharedStringsScanner(() => undefined);
    scanner.write('<sst><si><t>');
    expect(() => {
      for (let i = 0; i < 80; i++) scanner.write('字'.repeat(64 * 1024));
    }).toThrow('文件无法读取：共享字符串表中有一段过长的内容');
  });
});
