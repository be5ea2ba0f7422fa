/**
 * Id order of draw-algorithm.md §2: ascending order of `utf8(id)`, the UTF-8 bytes of the NFC-normalised id. The
 * manifest's candidates, excluded units and inspectors, and the result's tasks, are listed in this order, so
 * any implementation in any language (Python `sorted(ids, key=lambda s: unicodedata.normalize('NFC', s)
 * .encode())`, Go `bytes.Compare`) lists them the same way.
 *
 * JavaScript's `<` on strings compares UTF-16 code units, which differs from UTF-8 byte order in one place:
 * a character above U+FFFF (a surrogate pair, 0xD800–0xDFFF) sorts before U+E000–U+FFFF in UTF-16 but after
 * it in UTF-8 (e.g. "𠀀" U+20000 vs "\uFF01"). UTF-8 byte order is exactly code-point order, so these
 * functions compare code points.
 */

/**
 * Compares two ids in draw-algorithm.md §2 id order: negative when `a` comes first, positive when `b` does, 0 when
 * their NFC forms are equal (so "é" U+00E9 and "e\u0301" are the same id).
 *
 * Fast path: while both strings are ASCII around the first difference, the plain code-unit comparison is the
 * answer (ASCII is NFC-stable, and an ASCII character never combines with what precedes it). A non-ASCII
 * character at or just after the first difference sends both strings through NFC and a code-point comparison.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if ((ca | cb) >= 0x80) return compareNormalized(a, b);
    if (ca !== cb) {
      // A combining mark right after the difference could compose with the differing character.
      const na = i + 1 < a.length ? a.charCodeAt(i + 1) : 0;
      const nb = i + 1 < b.length ? b.charCodeAt(i + 1) : 0;
      if ((na | nb) >= 0x80) return compareNormalized(a, b);
      return ca - cb;
    }
    i += 1;
  }
  // One is a prefix of the other: the rest of the longer one may still normalise to nothing new only if it
  // is ASCII; a combining mark would compose with the shared last character.
  const longer = a.length > b.length ? a : b;
  if (longer.charCodeAt(n) >= 0x80) return compareNormalized(a, b);
  return a.length - b.length;
}

/** Whether every character of `s` is ASCII: such an id is its own NFC form and its UTF-8 is one byte a char. */
export function isAsciiId(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The position of `id` in `rows`, which are in id order by `idOf` with no two ids alike (a manifest's candidates
 * or inspectors), or -1: a binary search with {@link compareIds}, so NFC-equal spellings find each other.
 */
export function indexOfId<T>(rows: readonly T[], idOf: (row: T) => string, id: string): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareIds(idOf(rows[mid] as T), id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * `items` sorted in id order of `idOf(item)`, stable for equal ids ({@link idOrder}). The input is never
 * modified; when it is already in id order it is returned as it is (one pass, no copy).
 */
export function sortByIdOrder<T>(items: T[], idOf: (item: T) => string): T[] {
  const { order, sorted } = idOrder(items.map(idOf));
  return sorted ? items : permute(items, order);
}

/**
 * Like {@link sortByIdOrder}, for rows whose ids must be unique (draw-algorithm.md §3: candidates and inspectors are
 * "id order, unique"): throws a RangeError naming `what` and the id when two ids are equal after NFC.
 */
export function sortUniqueByIdOrder<T>(items: T[], idOf: (item: T) => string, what: string): T[] {
  const { order, sorted, duplicate } = idOrder(items.map(idOf));
  if (duplicate !== null) throw new RangeError(`${what} ${duplicate} is listed twice`);
  return sorted ? items : permute(items, order);
}

function permute<T>(items: readonly T[], order: Uint32Array): T[] {
  const out = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = items[order[i] as number] as T;
  return out;
}

/** The indices of `ids` in id order (stable: equal ids keep their input order); see {@link idOrder}. */
export function idOrderPermutation(ids: readonly string[]): Uint32Array {
  return idOrder(ids).order;
}

export type IdOrder = {
  /** The indices of the ids in id order; equal ids keep their input order. */
  order: Uint32Array;
  /** Whether the ids were already in id order (then `order` is 0, 1, 2 …). */
  sorted: boolean;
  /** An id that is listed more than once (equal after NFC), or null: found on the way, at no extra pass. */
  duplicate: string | null;
};

/**
 * The id order of `ids` (draw-algorithm.md §2), built for a province's registry (a million units, in whatever order
 * the database returns them):
 *
 * - ids already in id order cost one pass;
 * - all-ASCII ids (UUIDs, credit codes), where code-unit order is UTF-8 byte order, are sorted by their
 *   characters: the next six or so characters of each id are packed with its index into one 64-bit integer
 *   and sorted by the engine's native numeric sort, then each run of equal prefixes is sorted the same way on
 *   the following characters (small runs by insertion sort). No comparator call per pair, few cache misses;
 * - any other id is normalised once (not once per comparison) and compared by code point.
 */
export function idOrder(ids: readonly string[]): IdOrder {
  const n = ids.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const found: { duplicate: string | null } = { duplicate: null };
  // Already in order (the common case for rows built in id order): one pass of comparisons, which read each id
  // only up to its first difference from the previous one.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const c = compareIds(ids[i - 1] as string, ids[i] as string);
    if (c > 0) sorted = false;
    else if (c === 0) found.duplicate ??= ids[i] as string;
  }
  if (sorted) return { order, sorted, duplicate: found.duplicate };
  // The radix sort checks that every id is ASCII while it packs the first characters (one visit per id).
  const ascii = n <= INSERTION_SORT_UP_TO ? ids.every(isAsciiId) : true;
  if (!ascii || !sortAsciiRange(ids, order, 0, n, 0, found, true)) {
    const keys = ids.map((id) => id.normalize('NFC'));
    order.set(Array.from(order).sort((x, y) => compareCodePoints(keys[x] as string, keys[y] as string) || x - y));
    for (let k = 1; k < n && found.duplicate === null; k++) {
      if (keys[order[k - 1] as number] === keys[order[k] as number]) found.duplicate = ids[order[k] as number] as string;
    }
  }
  return { order, sorted, duplicate: found.duplicate };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;
const INSERTION_SORT_UP_TO = 16;

/**
 * Sorts order[lo, hi) by ids[order[k]], ids that all share their first `depth` characters (ASCII, 7 bits each).
 * With `checkAscii`, returns false without touching `order` as soon as an id is not all ASCII.
 * Each entry becomes a 64-bit key: characters depth, depth + 1 … packed 7 bits each from the top (0 past the
 * end), the position within the range in the low bits; the native sort of a BigUint64Array orders them, ties
 * by position (stable). Runs of equal packed characters are sorted again on the characters that follow.
 */
function sortAsciiRange(
  ids: readonly string[],
  order: Uint32Array,
  lo: number,
  hi: number,
  depth: number,
  found: { duplicate: string | null },
  checkAscii = false,
): boolean {
  const size = hi - lo;
  if (size <= INSERTION_SORT_UP_TO) {
    for (let i = lo + 1; i < hi; i++) {
      const x = order[i] as number;
      const id = ids[x] as string;
      let j = i - 1;
      while (j >= lo && (ids[order[j] as number] as string) > id) {
        order[j + 1] = order[j] as number;
        j -= 1;
      }
      order[j + 1] = x;
    }
    noteDuplicate(ids, order, lo, hi, found);
    return true;
  }
  const indexBits = 32 - Math.clz32(size - 1);
  const chars = Math.floor((64 - indexBits) / 7);
  const keys = new BigUint64Array(size);
  const words = new Uint32Array(keys.buffer);
  for (let k = 0; k < size; k++) {
    const id = ids[order[lo + k] as number] as string;
    if (checkAscii && !isAsciiId(id)) return false; // order is still untouched
    let high = 0;
    let low = 0;
    for (let j = 0; j < chars; j++) {
      const at = depth + j;
      if (at >= id.length) break;
      const c = id.charCodeAt(at);
      const bottom = 57 - 7 * j; // the character's lowest bit, counted from bit 0 of the 64-bit key
      if (bottom >= 32) high |= c << (bottom - 32);
      else if (bottom + 7 <= 32) low |= c << bottom;
      else {
        high |= c >>> (32 - bottom);
        low |= c << bottom;
      }
    }
    words[2 * k + HI] = high >>> 0;
    words[2 * k + LO] = (low | k) >>> 0;
  }
  keys.sort();
  const mask = indexBits >= 32 ? 0xffffffff : 2 ** indexBits - 1;
  const range = order.slice(lo, hi);
  for (let k = 0; k < size; k++) order[lo + k] = range[(words[2 * k + LO] as number) & mask] as number;
  // Runs of equal packed characters.
  let start = 0;
  while (start < size) {
    const high = words[2 * start + HI] as number;
    const prefix = (words[2 * start + LO] as number) & ~mask;
    let end = start + 1;
    while (end < size && words[2 * end + HI] === high && ((words[2 * end + LO] as number) & ~mask) === prefix) end += 1;
    if (end - start > 1) {
      let longer = false;
      for (let k = lo + start; k < lo + end && !longer; k++) longer = (ids[order[k] as number] as string).length > depth + chars;
      if (longer) sortAsciiRange(ids, order, lo + start, lo + end, depth + chars, found);
      else sortEqualRun(ids, order, lo + start, lo + end, found);
    }
    start = end;
  }
  return true;
}

/** A run whose ids all end within the packed characters: equal, unless a NUL aliased the end of a shorter id. */
function sortEqualRun(
  ids: readonly string[],
  order: Uint32Array,
  lo: number,
  hi: number,
  found: { duplicate: string | null },
): void {
  const run = Array.from(order.subarray(lo, hi));
  run.sort((x, y) => {
    const a = ids[x] as string;
    const b = ids[y] as string;
    return a < b ? -1 : a > b ? 1 : x - y;
  });
  order.set(run, lo);
  noteDuplicate(ids, order, lo, hi, found);
}

/** Equal ids of a sorted range are neighbours: the only places a duplicate can be (ASCII: equal means ===). */
function noteDuplicate(
  ids: readonly string[],
  order: Uint32Array,
  lo: number,
  hi: number,
  found: { duplicate: string | null },
): void {
  for (let k = lo + 1; k < hi && found.duplicate === null; k++) {
    const id = ids[order[k] as number] as string;
    if (ids[order[k - 1] as number] === id) found.duplicate = id;
  }
}

function compareNormalized(a: string, b: string): number {
  return compareCodePoints(a.normalize('NFC'), b.normalize('NFC'));
}

/**
 * Code-point (= UTF-8 byte) order of two strings. Only the first differing code unit matters: with surrogates
 * (0xD800–0xDFFF) moved above 0xE000–0xFFFF, code-unit order becomes code-point order.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return fixup(ca) - fixup(cb);
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
