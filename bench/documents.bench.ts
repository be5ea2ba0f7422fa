import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderDocumentDocx } from '../src/render/document-docx.ts';
import { renderDocumentsPdf, type PrintableDocument } from '../src/render/document-pdf.ts';
import { deadlineNotice, SAMPLE_PUBLIC_BASE_URL } from '../src/render/fixtures.ts';
import type { Figure } from './machine.ts';

const RUNS = 15;
const BATCH_RUNS = 3;
const NOTICES = 1_000;
const BATCH = 100;
const TARGET_TOTAL_MS = 60_000;
const TARGET_BYTES = 200 * 1024;
const options = { publicBaseUrl: SAMPLE_PUBLIC_BASE_URL };

/** 责令限期改正通知书 as a brigade issues them: numbers 1…n, one to four items each. */
function notices(n: number): PrintableDocument[] {
  return Array.from({ length: n }, (_, i) => deadlineNotice({ seq: i + 1, items: 1 + (i % 4) }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** One by one, as a print queue or the download route renders them: total time and the sizes. */
async function oneByOne(docs: PrintableDocument[], render: (doc: PrintableDocument) => Promise<Uint8Array>) {
  let total = 0;
  let largest = 0;
  const { ms, cpuMs } = await timed(async () => {
    for (const doc of docs) {
      const bytes = await render(doc);
      total += bytes.length;
      largest = Math.max(largest, bytes.length);
    }
  });
  return { ms, cpuMs, total, largest };
}

/**
 * Rendering 责令限期改正通知书 (decision 0023): a single PDF (Noto Serif SC subset embedded) and .docx, 1,000 rendered
 * one after another, and one batch PDF of 100. The font files (2 × 14 MB) are read once per process: the first render
 * pays for it and is shown apart.
 */
export async function benchDocuments(): Promise<Figure[]> {
  const single = deadlineNotice();
  const cold = await timed(() => renderDocumentsPdf([single], options));
  const pdfTimes: number[] = [];
  const pdfSizes: number[] = [];
  const docxTimes: number[] = [];
  const docxSizes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const pdf = await timed(() => renderDocumentsPdf([single], options));
    pdfTimes.push(pdf.ms);
    pdfSizes.push(pdf.value.length);
    const docx = await timed(() => renderDocumentDocx(single, options));
    docxTimes.push(docx.ms);
    docxSizes.push(docx.value.length);
  }
  const docs = notices(NOTICES);
  const pdfAll = await oneByOne(docs, (doc) => renderDocumentsPdf([doc], options));
  const docxAll = await oneByOne(docs, (doc) => renderDocumentDocx(doc, options));
  const batchTimes: number[] = [];
  let batchBytes = 0;
  for (let run = 0; run < BATCH_RUNS; run++) {
    const batch = await timed(() => renderDocumentsPdf(docs.slice(0, BATCH), options));
    batchTimes.push(batch.ms);
    batchBytes = batch.value.length;
  }
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(`  documents: first PDF (reads the fonts) ${Math.round(cold.ms)} ms; RSS after the runs ${rssMiB} MiB`);
  // CPU time shows what rendering costs when other jobs share the machine (wall time is then noisy).
  console.log(`  documents: load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
  return [
    { name: 'PDF, one notice: median time', value: Math.round(median(pdfTimes) * 10) / 10, unit: 'ms' },
    {
      name: 'PDF, one notice: size',
      value: kb(median(pdfSizes)),
      unit: 'KB',
      target: '≤ 200 KB',
      ok: median(pdfSizes) <= TARGET_BYTES,
    },
    {
      name: `PDF, ${NOTICES.toLocaleString()} notices one by one: total`,
      value: Math.round(pdfAll.ms),
      unit: 'ms',
      target: '≤ 60 s',
      ok: pdfAll.ms <= TARGET_TOTAL_MS,
    },
    {
      name: `PDF, ${NOTICES.toLocaleString()} notices: CPU per notice`,
      value: Math.round((pdfAll.cpuMs / NOTICES) * 10) / 10,
      unit: 'ms',
    },
    { name: `PDF, ${NOTICES.toLocaleString()} notices: total size`, value: kb(pdfAll.total), unit: 'KB' },
    {
      name: `PDF, ${NOTICES.toLocaleString()} notices: largest`,
      value: kb(pdfAll.largest),
      unit: 'KB',
      target: '≤ 200 KB',
      ok: pdfAll.largest <= TARGET_BYTES,
    },
    { name: `PDF, batch of ${BATCH}: median time`, value: Math.round(median(batchTimes)), unit: 'ms' },
    { name: `PDF, batch of ${BATCH}: size`, value: kb(batchBytes), unit: 'KB' },
    { name: '.docx, one notice: median time', value: Math.round(median(docxTimes) * 10) / 10, unit: 'ms' },
    {
      name: '.docx, one notice: size',
      value: kb(median(docxSizes)),
      unit: 'KB',
      target: '≤ 200 KB',
      ok: median(docxSizes) <= TARGET_BYTES,
    },
    {
      name: `.docx, ${NOTICES.toLocaleString()} notices one by one: total`,
      value: Math.round(docxAll.ms),
      unit: 'ms',
      target: '≤ 60 s',
      ok: docxAll.ms <= TARGET_TOTAL_MS,
    },
    {
      name: `.docx, ${NOTICES.toLocaleString()} notices: CPU per notice`,
      value: Math.round((docxAll.cpuMs / NOTICES) * 10) / 10,
      unit: 'ms',
    },
    { name: `.docx, ${NOTICES.toLocaleString()} notices: total size`, value: kb(docxAll.total), unit: 'KB' },
    {
      name: `.docx, ${NOTICES.toLocaleString()} notices: largest`,
      value: kb(docxAll.largest),
      unit: 'KB',
      target: '≤ 200 KB',
      ok: docxAll.largest <= TARGET_BYTES,
    },
  ];
}
