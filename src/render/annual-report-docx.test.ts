import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeAnnualFigures } from '../domain/reports/annual-figures.ts';
import { composeAnnualReport } from '../domain/reports/annual-report-content.ts';
import { factsOf } from '../domain/reports/fixtures.ts';
import { renderAnnualReportDocx } from './annual-report-docx.ts';

/** The text of w:t elements of a part, joined (Word splits runs where it likes; we look at the words). */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

function sampleReport() {
  const inspected = { month: 6, outcome: 'inspected' as const, unableReason: null, joint: false };
  const current = computeAnnualFigures(
    factsOf({
      tasks: [
        ...Array.from({ length: 263 }, () => ({ ...inspected, hasHazards: true })),
        ...Array.from({ length: 419 }, (_, i) => ({ ...inspected, hasHazards: false, joint: i < 14 })),
      ],
      hazardCount: 301,
      notices: 263,
      penalties: Array.from({ length: 70 }, () => ({ kind: 'fine' as const, amount: 5000 })),
    }),
    '2026-12-31',
  );
  const previous = computeAnnualFigures(factsOf({ year: 2025 }), '2026-12-31');
  return composeAnnualReport({ orgName: '金东大队', addressee: '金华市消防救援支队', year: 2026, current, previous, ownWords: {}, date: '2026-12-31' });
}

describe('renderAnnualReportDocx', () => {
  it('writes the Chinese title and the right figures into word/document.xml, in East Asian fonts on A4', async () => {
    const zip = unzipSync(await renderAnnualReportDocx(sampleReport(), '金东大队'));
    const xml = strFromU8(zip['word/document.xml']!);
    const text = wordText(xml);
    expect(text).toContain('金东大队关于2026年度消防监督“双随机、一公开”抽查情况的报告');
    expect(text).toContain('金华市消防救援支队：');
    expect(text).toContain('“双随机”抽查单位682家');
    expect(text).toContain('不合格单位263家');
    expect(text).toContain('行政处罚70起');
    expect(text).toContain('罚款金额350,000元');
    expect(text).toContain('“跨部门”联合检查14次');
    expect(text).toContain('不合格率38.6%');
    expect(text).toContain('二、抽查结果');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tbl>');
  });

  it('numbers the pages in the footer and names the report in its properties', async () => {
    const zip = unzipSync(await renderAnnualReportDocx(sampleReport(), '金东大队'));
    const footerName = Object.keys(zip).find((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(strFromU8(zip[footerName!]!)).toContain('PAGE');
    expect(strFromU8(zip['docProps/core.xml']!)).toContain('金东大队关于2026年度');
  });
});
