/**
 * Writes a sample 责令限期改正通知书 (the renderers' fixture) to docs/screenshots/document-notice.pdf:
 * `node --import tsx scripts/render-sample-document.ts`.
 * The page image beside it was made on a development machine with poppler (not a project dependency):
 * `pdftoppm -png -r 80 -f 1 -l 1 -singlefile docs/screenshots/document-notice.pdf docs/screenshots/document-notice-page1`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderDocumentsPdf } from '../src/render/document-pdf.ts';
import { deadlineNotice, SAMPLE_PUBLIC_BASE_URL } from '../src/render/fixtures.ts';

const out = path.resolve('docs/screenshots/document-notice.pdf');
const bytes = await renderDocumentsPdf([deadlineNotice()], { publicBaseUrl: SAMPLE_PUBLIC_BASE_URL });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, bytes);
console.log(`${out}: ${(bytes.length / 1024).toFixed(1)} KB`);
