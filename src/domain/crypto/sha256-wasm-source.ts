/**
 * The source of the SHA-256 WebAssembly kernel (sha256-wasm.ts): a small assembler that writes the module's bytes
 * instruction by instruction. scripts/generate-sha256-wasm.ts runs it and commits the bytes as
 * sha256-wasm-bytes.ts; a unit test holds the two in sync, so the .wasm the server, the CLI and the browser run is
 * always this file's output and nothing is downloaded.
 *
 * Two functions, both over the module's own memory (exported as `memory`):
 *
 * - `hashMessages(base, offsets, count, prefixLength, out, outWords, stride)`: the digests of `prefix ‖ message[m]`
 *   for m = 0 … count − 1, where the prefix (whole 64-byte blocks, `prefixLength` bytes) is already absorbed into the
 *   eight state words at address 0, and message m is the bytes `[base + offsets[m], base + offsets[m + 1])`
 *   (`offsets`: count + 1 little-endian i32 at `offsets`) — or, with `stride` > 0, the first `offsets[m]` bytes of the
 *   slot at `base + m · stride` (`offsets`: count lengths). Four messages at a time, one per lane of 128-bit SIMD
 *   (i32x4): each lane pads its own message (0x80, zeros, the bit length) and stops when its message ends (a lane
 *   mask keeps its state), so lengths may differ. Writes the first `outWords` (1–8) state words of each digest
 *   (big-endian words as i32 values) to `out`, `outWords` per message. Reads whole blocks from a message's start, so
 *   up to 72 bytes past its end (a message 56–63 bytes past a multiple of 64 takes a block more for its length): the
 *   caller leaves that much memory after the last one.
 * - `compressBlocks(state, data, blocks)`: one message's compression over `blocks` whole blocks at `data`, state
 *   words at `state` (i32 values), one lane: for a long input (the manifest's JCS bytes).
 */

// ---- Binary encoding -------------------------------------------------------------------------------------------

function unsigned(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function signed(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vector = (items: number[][]): number[] => [...unsigned(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...unsigned(body.length), ...body];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));

const I32 = 0x7f;
const V128 = 0x7b;

// ---- Instructions ----------------------------------------------------------------------------------------------

/** A function body under construction: locals by name, instructions appended in stack order. */
class Body {
  readonly code: number[] = [];
  private readonly locals = new Map<string, number>();
  private readonly extra: number[] = [];

  constructor(private readonly params: readonly string[]) {
    params.forEach((p, i) => this.locals.set(p, i));
  }

  local(label: string, type: number): void {
    if (this.locals.has(label)) return;
    this.locals.set(label, this.params.length + this.extra.length);
    this.extra.push(type);
  }

  private index(label: string): number {
    const i = this.locals.get(label);
    if (i === undefined) throw new Error(`sha256-wasm: no local ${label}`);
    return i;
  }

  get(label: string): this {
    return this.op(0x20, ...unsigned(this.index(label)));
  }
  set(label: string): this {
    return this.op(0x21, ...unsigned(this.index(label)));
  }
  tee(label: string): this {
    return this.op(0x22, ...unsigned(this.index(label)));
  }
  i32(n: number): this {
    return this.op(0x41, ...signed(n));
  }
  op(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }
  /** A SIMD instruction (prefix 0xfd) with its immediates. */
  simd(opcode: number, ...immediates: number[]): this {
    return this.op(0xfd, ...unsigned(opcode), ...immediates);
  }
  /** v128.const of four i32. */
  v128i32(a: number, b: number, c: number, d: number): this {
    const bytes: number[] = [];
    for (const w of [a, b, c, d]) bytes.push(w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, (w >>> 24) & 0xff);
    return this.simd(0x0c, ...bytes);
  }

  encode(): number[] {
    const groups = this.extra.map((type) => [1, type]);
    const body = [...vector(groups), ...this.code, 0x0b];
    return [...unsigned(body.length), ...body];
  }
}

// Opcodes used below (WebAssembly core 2.0, SIMD and bulk memory).
const BLOCK = 0x02;
const LOOP = 0x03;
const IF = 0x04;
const END = 0x0b;
const BR = 0x0c;
const BR_IF = 0x0d;
const VOID = 0x40;
const SELECT = 0x1b;
const I32_LOAD = 0x28;
const I32_STORE = 0x36;
const I32_EQZ = 0x45;
const I32_LT_U = 0x49;
const I32_GT_S = 0x4a;
const I32_LT_S = 0x48;
const I32_GE_U = 0x4f;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_AND = 0x71;
const I32_SHL = 0x74;
const I32_SHR_U = 0x76;
const I32_ROTR = 0x78;
const I32_XOR = 0x73;
const I32_OR = 0x72;
const V128_LOAD = 0x00;
const V128_STORE = 0x0b;
const I8X16_SHUFFLE = 0x0d;
const I8X16_SWIZZLE = 0x0e;
const I8X16_SPLAT = 0x0f;
const I32X4_SPLAT = 0x11;
const I32X4_EXTRACT = 0x1b;
const I32X4_REPLACE = 0x1c;
const I8X16_EQ = 0x23;
const I8X16_GT_S = 0x27;
const I32X4_EQ = 0x37;
const I32X4_GT_S = 0x3b;
const V128_AND = 0x4e;
const V128_OR = 0x50;
const V128_XOR = 0x51;
const V128_BITSELECT = 0x52;
const I32X4_SHL = 0xab;
const I32X4_SHR_U = 0xad;
const I32X4_ADD = 0xae;

/** memarg: alignment exponent and offset. */
const mem = (align: number, offset = 0): number[] => [align, ...unsigned(offset)];

// ---- SHA-256 ---------------------------------------------------------------------------------------------------

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/**
 * The arithmetic of the rounds, once for one lane (i32, with a native rotate) and once for four (i32x4, where a
 * rotation is two shifts and an or; Ch and Maj are one bitselect each).
 */
type Lanes = {
  type: number;
  add(b: Body): void;
  xor(b: Body): void;
  /** Pushes rotr(local, n). */
  rotr(b: Body, local: string, n: number): void;
  /** Pushes local >>> n. */
  shr(b: Body, local: string, n: number): void;
  /** Pushes Ch(e, f, g) = (e & f) ^ (~e & g). */
  ch(b: Body, e: string, f: string, g: string): void;
  /** Pushes Maj(a, b, c). */
  maj(b: Body, a: string, bb: string, c: string): void;
  constant(b: Body, k: number): void;
};

const ONE: Lanes = {
  type: I32,
  add: (b) => b.op(I32_ADD),
  xor: (b) => b.op(I32_XOR),
  rotr: (b, x, n) => b.get(x).i32(n).op(I32_ROTR),
  shr: (b, x, n) => b.get(x).i32(n).op(I32_SHR_U),
  ch: (b, e, f, g) => b.get(g).get(e).get(f).get(g).op(I32_XOR).op(I32_AND).op(I32_XOR),
  maj: (b, a, bb, c) => b.get(a).get(bb).op(I32_AND).get(c).get(a).get(bb).op(I32_OR).op(I32_AND).op(I32_OR),
  constant: (b, k) => b.i32(k),
};

const FOUR: Lanes = {
  type: V128,
  add: (b) => b.simd(I32X4_ADD),
  xor: (b) => b.simd(V128_XOR),
  rotr: (b, x, n) => b.get(x).i32(n).simd(I32X4_SHR_U).get(x).i32(32 - n).simd(I32X4_SHL).simd(V128_OR),
  shr: (b, x, n) => b.get(x).i32(n).simd(I32X4_SHR_U),
  ch: (b, e, f, g) => b.get(f).get(g).get(e).simd(V128_BITSELECT),
  maj: (b, a, bb, c) => b.get(c).get(bb).get(a).get(bb).simd(V128_XOR).simd(V128_BITSELECT),
  constant: (b, k) => b.v128i32(k, k, k, k),
};

const VARS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/**
 * The 64 rounds over locals a…h (already holding the state) and w0…w15 (the block's words), the schedule computed
 * in place. Round i works on the variables rotated by i, so nothing is copied between rounds.
 */
function rounds(b: Body, lanes: Lanes): void {
  const sum3 = (x: string, r1: number, r2: number, r3: number): void => {
    lanes.rotr(b, x, r1);
    lanes.rotr(b, x, r2);
    lanes.xor(b);
    lanes.rotr(b, x, r3);
    lanes.xor(b);
  };
  const small = (x: string, r1: number, r2: number, s: number): void => {
    lanes.rotr(b, x, r1);
    lanes.rotr(b, x, r2);
    lanes.xor(b);
    lanes.shr(b, x, s);
    lanes.xor(b);
  };
  for (let i = 0; i < 64; i++) {
    const [a, bb, c, d, e, f, g, h] = VARS.map((_, k) => VARS[(k - i + 64) & 7] as string);
    const w = `w${i & 15}`;
    if (i >= 16) {
      // w[i] = w[i−16] + σ0(w[i−15]) + w[i−7] + σ1(w[i−2])
      b.get(w).get(`w${(i + 9) & 15}`);
      lanes.add(b);
      small(`w${(i + 1) & 15}`, 7, 18, 3);
      lanes.add(b);
      small(`w${(i + 14) & 15}`, 17, 19, 10);
      lanes.add(b);
      b.set(w);
    }
    // T1 = h + K[i] + w[i] + Ch(e, f, g) + Σ1(e); d += T1; h = T1 + (Σ0(a) + Maj(a, b, c)). The sums are grouped so
    // that the terms known early (h, K, w) are added first: e and a, which the previous round just made, come last.
    b.get(h as string);
    lanes.constant(b, K[i] as number);
    lanes.add(b);
    b.get(w);
    lanes.add(b);
    lanes.ch(b, e as string, f as string, g as string);
    lanes.add(b);
    sum3(e as string, 6, 11, 25);
    lanes.add(b);
    b.tee('t');
    b.get(d as string);
    lanes.add(b);
    b.set(d as string);
    b.get('t');
    sum3(a as string, 2, 13, 22);
    lanes.maj(b, a as string, bb as string, c as string);
    lanes.add(b);
    lanes.add(b);
    b.set(h as string);
  }
}

/** Byte lanes 0…15 and the 16-byte shuffles of the 4 × 4 word transpose (the second also swaps each word's bytes). */
const BYTE_INDEX = Array.from({ length: 16 }, (_, i) => i);
const wordsOf = (words: number[]): number[] => words.flatMap((w) => [4 * w, 4 * w + 1, 4 * w + 2, 4 * w + 3]);
const swappedWordsOf = (words: number[]): number[] => words.flatMap((w) => [4 * w + 3, 4 * w + 2, 4 * w + 1, 4 * w]);

/** Memory: the prefix state at 0 (eight i32). */
const PREFIX_STATE = 0;
/** Memory: the four lanes' states between blocks, eight i32x4 from 64. */
const LANE_STATE = 64;

function hashMessages(): Body {
  const b = new Body(['base', 'offsets', 'count', 'prefixLength', 'out', 'outWords', 'stride']);
  for (const v of ['m', 'block', 'blocks', 'x', 'y']) b.local(v, I32);
  for (let j = 0; j < 4; j++) for (const v of [`p${j}`, `n${j}`, `k${j}`]) b.local(v, I32);
  for (const v of [...VARS, 't', 'mask', 'last', 'lengths', 'bits', 'r0', 'r1', 'r2', 'r3', 'u0', 'u1', 'u2', 'u3'])
    b.local(v, V128);
  for (let k = 0; k < 16; k++) b.local(`w${k}`, V128);

  b.op(BLOCK, VOID, LOOP, VOID);
  // while (m < count)
  b.get('m').get('count').op(I32_GE_U, BR_IF, 1);
  // Lanes j = 0…3: message m + j, or an empty one past the end. p: its address, n: its length, k: its blocks.
  b.i32(0).set('blocks');
  for (let j = 0; j < 4; j++) {
    b.get('m').i32(j).op(I32_ADD).get('count').op(I32_LT_U, IF, VOID);
    // Lane j's entry of `offsets`: its address, offsets + 4 · (m + j).
    const entry = (): Body => b.get('offsets').get('m').i32(j).op(I32_ADD).i32(2).op(I32_SHL, I32_ADD);
    b.get('stride').op(I32_EQZ, IF, VOID);
    entry().op(I32_LOAD, ...mem(2, 0)).set('x');
    entry().op(I32_LOAD, ...mem(2, 4)).get('x').op(I32_SUB).set(`n${j}`);
    b.op(0x05); // else: slots of `stride` bytes, `offsets` holding the lengths
    b.get('m').i32(j).op(I32_ADD).get('stride').op(0x6c /* i32.mul */).set('x');
    entry().op(I32_LOAD, ...mem(2, 0)).set(`n${j}`);
    b.op(END);
    b.get('base').get('x').op(I32_ADD).set(`p${j}`);
    b.op(0x05); // else: an empty message at the first one's address (inside the batch's bytes)
    b.get('base').get('offsets').op(I32_LOAD, ...mem(2, 0)).op(I32_ADD).set(`p${j}`).i32(0).set(`n${j}`);
    b.op(END);
    b.get(`n${j}`).i32(8).op(I32_ADD).i32(6).op(I32_SHR_U).i32(1).op(I32_ADD).tee(`k${j}`);
    // blocks = max(blocks, k): select(k, blocks, k > blocks), with k from the tee.
    b.get('blocks').get(`k${j}`).get('blocks').op(I32_GT_S, SELECT).set('blocks');
  }
  // Per lane: its block count and its length in bits (the prefix's too; below 2^32 bits).
  b.get('k0').simd(I32X4_SPLAT).get('k1').simd(I32X4_REPLACE, 1).get('k2').simd(I32X4_REPLACE, 2).get('k3').simd(I32X4_REPLACE, 3).set('lengths');
  const bitsOf = (j: number): void => void b.get(`n${j}`).get('prefixLength').op(I32_ADD).i32(3).op(I32_SHL);
  bitsOf(0);
  b.simd(I32X4_SPLAT);
  for (let j = 1; j < 4; j++) {
    bitsOf(j);
    b.simd(I32X4_REPLACE, j);
  }
  b.set('bits');
  // The state of every lane starts as the prefix's.
  VARS.forEach((v, x) => b.i32(LANE_STATE).i32(PREFIX_STATE).op(I32_LOAD, ...mem(2, 4 * x)).simd(I32X4_SPLAT).simd(V128_STORE, ...mem(4, 16 * x)));
  b.i32(0).set('block');
  b.op(BLOCK, VOID, LOOP, VOID);
  b.get('block').get('blocks').op(I32_GE_U, BR_IF, 1);
  // Words of this block for each lane: 16 bytes at a time, bytes past the message zeroed, 0x80 where it ends.
  for (let q = 0; q < 4; q++) {
    for (let j = 0; j < 4; j++) {
      // y = clamp(n − 64·block − 16·q, −1, 16): how many of these 16 bytes are the message's (−1: none, no 0x80).
      b.get(`n${j}`).get('block').i32(6).op(I32_SHL, I32_SUB).i32(16 * q).op(I32_SUB).set('y');
      b.i32(16).get('y').get('y').i32(16).op(I32_GT_S, SELECT).set('y');
      b.i32(-1).get('y').get('y').i32(-1).op(I32_LT_S, SELECT).set('y');
      // Loaded from the message (the last block's address at most, so a finished lane reads nothing out of range).
      b.get(`p${j}`).get('block').get(`k${j}`).i32(1).op(I32_SUB).get('block').get(`k${j}`).i32(1).op(I32_SUB).op(I32_LT_U, SELECT);
      b.i32(6).op(I32_SHL, I32_ADD).simd(V128_LOAD, ...mem(0, 16 * q));
      b.get('y').simd(I8X16_SPLAT).tee('t');
      b.simd(0x0c, ...BYTE_INDEX.map((i) => i)).simd(I8X16_GT_S).simd(V128_AND);
      b.get('t').simd(0x0c, ...BYTE_INDEX).simd(I8X16_EQ).v128i32(0x80808080, 0x80808080, 0x80808080, 0x80808080).simd(V128_AND).simd(V128_OR);
      b.set(`r${j}`);
    }
    // Transpose: word 4q + i of lane j into lane j of w(4q + i), each word's bytes swapped to big-endian.
    b.get('r0').get('r1').simd(I8X16_SHUFFLE, ...wordsOf([0, 4, 1, 5])).set('u0');
    b.get('r2').get('r3').simd(I8X16_SHUFFLE, ...wordsOf([0, 4, 1, 5])).set('u1');
    b.get('r0').get('r1').simd(I8X16_SHUFFLE, ...wordsOf([2, 6, 3, 7])).set('u2');
    b.get('r2').get('r3').simd(I8X16_SHUFFLE, ...wordsOf([2, 6, 3, 7])).set('u3');
    b.get('u0').get('u1').simd(I8X16_SHUFFLE, ...swappedWordsOf([0, 1, 4, 5])).set(`w${4 * q}`);
    b.get('u0').get('u1').simd(I8X16_SHUFFLE, ...swappedWordsOf([2, 3, 6, 7])).set(`w${4 * q + 1}`);
    b.get('u2').get('u3').simd(I8X16_SHUFFLE, ...swappedWordsOf([0, 1, 4, 5])).set(`w${4 * q + 2}`);
    b.get('u2').get('u3').simd(I8X16_SHUFFLE, ...swappedWordsOf([2, 3, 6, 7])).set(`w${4 * q + 3}`);
  }
  // A lane's last block ends with its length in bits (the high word stays 0).
  b.get('lengths').get('block').i32(1).op(I32_ADD).simd(I32X4_SPLAT).simd(I32X4_EQ).tee('last');
  b.get('bits').simd(V128_AND).get('w15').simd(V128_OR).set('w15');
  // Lanes still in their message: block < k.
  b.get('lengths').get('block').simd(I32X4_SPLAT).simd(I32X4_GT_S).set('mask');
  VARS.forEach((v, x) => b.i32(LANE_STATE).simd(V128_LOAD, ...mem(4, 16 * x)).set(v));
  rounds(b, FOUR);
  // The lanes' states live in memory between blocks (fewer values held across the rounds).
  VARS.forEach((v, x) => {
    b.i32(LANE_STATE);
    b.get(v).i32(LANE_STATE).simd(V128_LOAD, ...mem(4, 16 * x)).tee('t').simd(I32X4_ADD).get('t').get('mask').simd(V128_BITSELECT);
    b.simd(V128_STORE, ...mem(4, 16 * x));
  });
  b.get('block').i32(1).op(I32_ADD).set('block');
  b.op(BR, 0, END, END);
  // The first outWords words of each lane's digest (lanes past the end write nothing).
  for (let j = 0; j < 4; j++) {
    b.get('m').i32(j).op(I32_ADD).get('count').op(I32_LT_U, IF, VOID);
    VARS.forEach((v, x) => {
      b.get('outWords').i32(x).op(I32_GT_S, IF, VOID);
      b.get('out').get('m').i32(j).op(I32_ADD).get('outWords').op(0x6c /* i32.mul */).i32(x).op(I32_ADD).i32(2).op(I32_SHL, I32_ADD);
      b.i32(LANE_STATE).simd(V128_LOAD, ...mem(4, 16 * x)).simd(I32X4_EXTRACT, j).op(I32_STORE, ...mem(2, 0));
      b.op(END);
    });
    b.op(END);
  }
  b.get('m').i32(4).op(I32_ADD).set('m');
  b.op(BR, 0, END, END);
  return b;
}

function compressBlocks(): Body {
  const b = new Body(['state', 'data', 'blocks']);
  for (const v of [...VARS, ...VARS.map((x) => `s${x}`), 't']) b.local(v, I32);
  for (let k = 0; k < 16; k++) b.local(`w${k}`, I32);
  b.local('r', V128);
  VARS.forEach((v, x) => b.get('state').op(I32_LOAD, ...mem(2, 4 * x)).set(`s${v}`));
  b.op(BLOCK, VOID, LOOP, VOID);
  b.get('blocks').op(I32_EQZ, BR_IF, 1);
  for (let q = 0; q < 4; q++) {
    b.get('data').simd(V128_LOAD, ...mem(0, 16 * q)).simd(0x0c, ...swappedWordsOf([0, 1, 2, 3])).simd(I8X16_SWIZZLE).set('r');
    for (let i = 0; i < 4; i++) b.get('r').simd(I32X4_EXTRACT, i).set(`w${4 * q + i}`);
  }
  VARS.forEach((v) => b.get(`s${v}`).set(v));
  rounds(b, ONE);
  VARS.forEach((v) => b.get(`s${v}`).get(v).op(I32_ADD).set(`s${v}`));
  b.get('data').i32(64).op(I32_ADD).set('data');
  b.get('blocks').i32(1).op(I32_SUB).set('blocks');
  b.op(BR, 0, END, END);
  VARS.forEach((v, x) => b.get('state').get(`s${v}`).op(I32_STORE, ...mem(2, 4 * x)));
  return b;
}

/** The module's bytes. */
export function assembleSha256Wasm(): Uint8Array {
  const functions = [
    { name: 'hashMessages', params: 7, body: hashMessages() },
    { name: 'compressBlocks', params: 3, body: compressBlocks() },
  ];
  const types = functions.map((f) => [0x60, ...vector(Array.from({ length: f.params }, () => [I32])), 0]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(3, vector(functions.map((_, i) => unsigned(i)))),
    // One memory of 2 pages (128 KiB) to start; the host grows it for its data.
    ...section(5, vector([[0x00, ...unsigned(2)]])),
    ...section(
      7,
      vector([[...name('memory'), 0x02, 0], ...functions.map((f, i) => [...name(f.name), 0x00, ...unsigned(i)])]),
    ),
    ...section(10, vector(functions.map((f) => f.body.encode()))),
  ];
  return Uint8Array.from(bytes);
}

/** The text of sha256-wasm-bytes.ts for the current source (lines of 120 base64 characters). */
export function sha256WasmBytesModule(): string {
  const bytes = assembleSha256Wasm();
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const base64 = btoa(binary);
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 120) lines.push(`  '${base64.slice(i, i + 120)}'`);
  return `// Generated by scripts/generate-sha256-wasm.ts from sha256-wasm-source.ts — do not edit; change the source and run it again.
/** The SHA-256 WebAssembly kernel (${bytes.length} bytes), base64. */
export const SHA256_WASM_BASE64 =
${lines.join(' +\n')};
`;
}
