import type { RecordSheetData } from './record-sheet.tsx';
import { describeSecret, secretDisplayText } from './secret.ts';

/** The key file's name: `D-2026-01-330702-001-OBS-1-监督人密钥.txt`. */
export const keyFileName = (data: RecordSheetData) => `${data.draw.code}-${data.observer.observerId}-监督人密钥.txt`;

/**
 * The small text file an observer keeps instead of (or beside) the printed record sheet: the draw, the observer, the
 * key, the commitment it makes, when it was saved, and why it must not be lost. CRLF lines and a byte-order mark, so
 * that any Windows editor shows the Chinese.
 */
export function keyFileText(data: RecordSheetData, savedAt: string): string {
  const { draw, observer, commitment, text, secret } = data;
  const lines = [
    '随机抽取监督人密钥',
    `抽取编号：${draw.code}`,
    `监督人：${observer.observerId} ${observer.name}（${observer.capacity}）`,
    `密钥：${secretDisplayText(secret, text)}（${describeSecret(secret)}）`,
    `承诺值：${commitment}`,
    `清单哈希：${draw.manifestHash}`,
    `保存时间：${savedAt}`,
    '为什么要保存：没有这个密钥，监督人就无法揭示，本次抽取只能作废。揭示时原样输入上面的密钥；揭示之前不要向任何人（包括工作人员）透露。',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves the key file through the browser's download (a Blob made here: the key goes to no server). */
export function downloadKeyFile(data: RecordSheetData, savedAt: string): void {
  const url = URL.createObjectURL(new Blob([keyFileText(data, savedAt)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = keyFileName(data);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers still read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
