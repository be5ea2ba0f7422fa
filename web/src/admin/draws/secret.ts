import { fromHex, toHex } from '@domain/crypto/sha256.ts';
import { utf8 } from '@domain/draw/bytes.ts';
import { MIN_REVEAL_BYTES } from '@domain/draw/seed.ts';

/** The server stores a reveal of at most 512 hex characters. */
export const MAX_SECRET_BYTES = 256;

/** A generated key: 16 random bytes, shown and typed as 32 hex digits. */
export const GENERATED_SECRET_BYTES = 16;

export type ObserverSecret = {
  /** 'hex': the text is a key (hex digits, spaces allowed); 'phrase': the UTF-8 bytes of a typed phrase (NFC). */
  kind: 'hex' | 'phrase';
  bytes: Uint8Array;
  /** A Chinese problem that keeps the secret from being used (too short, too long); null when usable. */
  problem: string | null;
};

const HEX_KEY = /^(?:[0-9a-f]{2}){16,}$/i;

/**
 * The bytes of an observer's secret as typed (draw-algorithm.md §4: "a typed phrase is its UTF-8 bytes"). One rule for the
 * commitment and the reveal, so what is typed back opens what was committed: text made only of hex digits (and
 * spaces), at least 32 digits of whole bytes, is a key and means those bytes; anything else is a phrase and means
 * the UTF-8 bytes of the trimmed, NFC-normalised text. Null for empty text.
 */
export function parseSecret(text: string): ObserverSecret | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const compact = trimmed.replace(/\s+/g, '');
  const kind = HEX_KEY.test(compact) ? 'hex' : 'phrase';
  const bytes = kind === 'hex' ? fromHex(compact) : utf8(trimmed);
  const problem =
    bytes.length < MIN_REVEAL_BYTES
      ? `至少 ${MIN_REVEAL_BYTES} 字节，还差 ${MIN_REVEAL_BYTES - bytes.length} 字节（一个汉字 3 字节，一个字母或数字 1 字节）`
      : bytes.length > MAX_SECRET_BYTES
        ? `最多 ${MAX_SECRET_BYTES} 字节，现有 ${bytes.length} 字节`
        : null;
  return { kind, bytes, problem };
}

/** "按十六进制密钥 · 16 字节" / "按口令（UTF-8）· 21 字节". */
export function describeSecret(secret: ObserverSecret): string {
  return `${secret.kind === 'hex' ? '按十六进制密钥' : '按口令（UTF-8）'} · ${secret.bytes.length} 字节`;
}

/** 16 bytes from the browser's cryptographic generator, as 32 hex digits in groups of four (easier to copy by hand). */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(GENERATED_SECRET_BYTES));
  return groupHex(toHex(bytes));
}

/** "00112233…" → "0011 2233 …". */
export function groupHex(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The secret as the observer keeps it on paper and in the key file: a key in groups of four, a phrase as typed (trimmed). */
export function secretDisplayText(secret: ObserverSecret, text: string): string {
  return secret.kind === 'hex' ? groupHex(toHex(secret.bytes)) : text.trim();
}

/**
 * What the record sheet's QR code holds, for a scanner to type back at the reveal: a key as its hex digits without
 * spaces, in capitals (the QR code's compact alphanumeric mode; parseSecret reads either case), a phrase as typed
 * (trimmed). Read back by parseSecret, it gives the same bytes.
 */
export function secretQrText(secret: ObserverSecret, text: string): string {
  return secret.kind === 'hex' ? toHex(secret.bytes).toUpperCase() : text.trim();
}
