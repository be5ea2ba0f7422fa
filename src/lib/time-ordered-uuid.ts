import { randomBytes } from 'node:crypto';

/**
 * Ids that sort in the order they are made (RFC 9562 version 7: 48 bits of Unix milliseconds, then a 12-bit counter
 * in `rand_a`, then 62 random bits), for rows written in bulk: an import of 100,000 units adds them at the end of the
 * primary key's index instead of at 100,000 random places in it (decision 0031). Within one millisecond the counter
 * counts up from a random start; when it runs out the clock is taken one millisecond ahead, so the ids of one
 * process never go backwards.
 */
export function createTimeOrderedUuids(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  // Random bytes drawn 4 KiB at a time: a call to the system's generator per id cost 0.5 s of 100,000 ids.
  let pool = Buffer.alloc(0);
  let used = 0;
  const take = (n: number): Buffer => {
    if (used + n > pool.length) {
      pool = randomBytes(4096);
      used = 0;
    }
    used += n;
    return pool.subarray(used - n, used);
  };
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = take(2).readUInt16BE(0) & 0x7ff; // room for at least 2,048 more in this millisecond
    } else if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    const bytes = Buffer.from(take(16));
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
