import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

const CSV = '单位名称,统一社会信用代码,住所\r\n金华市婺城区好运来超市,91350100M000100Y43,"金华市婺城区人民路88号"\r\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads a GBK file from a Chinese Windows Excel with its Chinese intact', () => {
    const bytes = iconv.encode(CSV, 'gbk');
    expect(decodeText(bytes)).toEqual({ text: CSV, encoding: 'gb18030', replacementCount: 0 });
  });

  it('reads GB18030 characters outside GBK, such as rare name characters', () => {
    const text = '联系人\n𠀀𪚥\n';
    expect(decodeText(iconv.encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('tells the famous 联通 GBK bytes from UTF-8', () => {
    expect(decodeText(iconv.encode('联通', 'gbk'))).toMatchObject({ text: '联通', encoding: 'gb18030' });
  });

  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)]);
    expect(decodeText(bytes)).toEqual({ text: CSV, encoding: 'utf-8-bom', replacementCount: 0 });
  });

  it('reads UTF-8 without a BOM, and plain ASCII as UTF-8', () => {
    expect(decodeText(utf8(CSV))).toMatchObject({ text: CSV, encoding: 'utf-8' });
    expect(decodeText(utf8('name,uscc\n'))).toMatchObject({ text: 'name,uscc\n', encoding: 'utf-8' });
  });

  it('reads Excel "Unicode text", UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode('单位名称\t地址', 'utf16le')]);
    expect(decodeText(le)).toMatchObject({ text: '单位名称\t地址', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode('单位名称', 'utf16be')]);
    expect(decodeText(be)).toMatchObject({ text: '单位名称', encoding: 'utf-16be' });
  });

  it('counts replacement characters when a UTF-8 file with a BOM is damaged', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('单位'), 0xff, ...utf8('名称')]);
    expect(decodeText(bytes).replacementCount).toBe(1);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', replacementCount: 0 });
  });
});
