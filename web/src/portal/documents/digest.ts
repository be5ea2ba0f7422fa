/**
 * Whether the digest printed on a paper document matches the one on record: the paper carries the first 16 hex digits
 * of the content hash in groups of four; spaces, dashes and letter case do not matter. null while the input is not
 * yet 16 hex digits.
 */
export function compareDigest(input: string, contentHash: string): 'match' | 'mismatch' | null {
  const digits = input.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{16}$/.test(digits)) return null;
  return digits === contentHash.slice(0, 16).toLowerCase() ? 'match' : 'mismatch';
}

/** The digest as printed: 「1a2b 3c4d 5e6f 7a8b」. */
export function printedDigest(contentHash: string): string {
  return contentHash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}
