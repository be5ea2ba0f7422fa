import { setBlocksKernel } from './sha256.ts';
import { SHA256_WASM_BASE64 } from './sha256-wasm-bytes.ts';

/**
 * The SHA-256 WebAssembly kernel (built from ./sha256-wasm-source.ts): four messages at once in 128-bit SIMD lanes
 * for the draw's many short messages (a million unit ids, the inspector streams), and one lane for a long input
 * (the manifest's JCS bytes). The same bytes run on the server, in its worker thread, in the CLI and in the
 * browser verifier. Where WebAssembly (with SIMD) is not available, {@link sha256Kernel} returns null and the
 * callers use the plain TypeScript of ./sha256.ts: the digests are the same either way (the tests hold both to
 * node:crypto and to each other).
 *
 * Compiling on first use is synchronous; a browser refuses that on its main thread for a module of this size, so the
 * browser verifier calls {@link prepareSha256Kernel} (asynchronous) before it verifies.
 */

/** Messages per call into the kernel: short calls let the engine move the kernel to its optimising tier early. */
const CHUNK_MESSAGES = 8192;
/** Bytes per call of {@link Sha256Kernel.compressBlocks}. */
const CHUNK_BYTES = 1 << 16;
/** Memory layout: the prefix state at 0, the one-lane state at 256, the data of a call from 1024. */
const PREFIX_STATE = 0;
const SINGLE_STATE = 256;
const DATA = 1024;
const PAGE = 65536;
/**
 * How far past a message's end the kernel may read: it loads whole 64-byte blocks from the message's start, and a
 * message of 56–63 bytes past a multiple of 64 takes one more block for its length (up to 72 bytes past its end).
 */
const READ_PAST = 72;

/** The part of the WebAssembly API used here (typed locally: the server's TypeScript has no DOM library). */
type WasmMemory = { readonly buffer: ArrayBuffer; grow(pages: number): number };
type WasmModule = object;
type WasmApi = {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
  compile(bytes: Uint8Array): Promise<WasmModule>;
};
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

type Exports = {
  memory: WasmMemory;
  hashMessages(
    base: number,
    offsets: number,
    count: number,
    prefixLength: number,
    out: number,
    outWords: number,
    stride: number,
  ): void;
  compressBlocks(state: number, data: number, blocks: number): void;
};

export class Sha256Kernel {
  private u8: Uint8Array;
  private i32: Int32Array;

  constructor(private readonly exports: Exports) {
    this.u8 = new Uint8Array(exports.memory.buffer);
    this.i32 = new Int32Array(exports.memory.buffer);
  }

  /**
   * Digests of `prefix ‖ bytes[starts[i], starts[i + 1])` for i in [from, to), where the prefix is whole blocks
   * (`prefixLength` bytes, a multiple of 64) already compressed into `prefixState`: the first `outWords` (1–8)
   * big-endian digest words of each (as signed 32-bit values) go to `out` from `outAt`, `outWords` per message.
   */
  hashMessages(
    prefixState: Int32Array,
    prefixLength: number,
    bytes: Uint8Array,
    starts: Int32Array,
    from: number,
    to: number,
    outWords: number,
    out: Int32Array,
    outAt: number,
  ): void {
    for (let first = from; first < to; first += CHUNK_MESSAGES) {
      const last = Math.min(to, first + CHUNK_MESSAGES);
      const count = last - first;
      const begin = starts[first] as number;
      const end = starts[last] as number;
      if (!(prefixLength % 64 === 0 && end >= begin && prefixLength + end - begin < 2 ** 28))
        throw new RangeError('sha256-wasm: messages out of range');
      const offsets = DATA;
      const results = offsets + 4 * (count + 1);
      const arena = results + 4 * outWords * count;
      this.reserve(arena + (end - begin) + READ_PAST);
      const { u8, i32 } = this;
      i32.set(prefixState.subarray(0, 8), PREFIX_STATE >> 2);
      i32.set(starts.subarray(first, last + 1), offsets >> 2);
      u8.set(bytes.subarray(begin, end), arena);
      this.exports.hashMessages((arena - begin) | 0, offsets, count, prefixLength, results, outWords, 0);
      out.set(i32.subarray(results >> 2, (results >> 2) + outWords * count), outAt + (first - from) * outWords);
    }
  }

  /**
   * {@link hashMessages} of messages laid out in slots of `stride` bytes: message i is the first `lengths[i]` bytes
   * (at most `stride`) of `slots[i · stride, (i + 1) · stride)`, for i in [0, count). A caller that keeps its slots
   * from call to call rewrites only the bytes that change.
   */
  hashSlots(
    prefixState: Int32Array,
    prefixLength: number,
    slots: Uint8Array,
    stride: number,
    lengths: Int32Array,
    count: number,
    outWords: number,
    out: Int32Array,
    outAt: number,
  ): void {
    if (!(prefixLength % 64 === 0 && stride > 0 && stride % 4 === 0 && count * stride <= slots.length && count <= lengths.length))
      throw new RangeError('sha256-wasm: slots out of range');
    for (let i = 0; i < count; i++) {
      const n = lengths[i] as number;
      if (!(n >= 0 && n <= stride)) throw new RangeError('sha256-wasm: a message longer than its slot');
    }
    for (let first = 0; first < count; first += CHUNK_MESSAGES) {
      const last = Math.min(count, first + CHUNK_MESSAGES);
      const n = last - first;
      const offsets = DATA;
      const results = offsets + 4 * n;
      const arena = results + 4 * outWords * n;
      this.reserve(arena + n * stride + READ_PAST);
      const { u8, i32 } = this;
      i32.set(prefixState.subarray(0, 8), PREFIX_STATE >> 2);
      i32.set(lengths.subarray(first, last), offsets >> 2);
      u8.set(slots.subarray(first * stride, last * stride), arena);
      this.exports.hashMessages(arena, offsets, n, prefixLength, results, outWords, stride);
      out.set(i32.subarray(results >> 2, (results >> 2) + outWords * n), outAt + first * outWords);
    }
  }

  /** Compresses `blocks` whole blocks of `data` from `offset` into `state` (eight words, updated in place). */
  compressBlocks(state: Int32Array, data: Uint8Array, offset: number, blocks: number): void {
    this.reserve(DATA + CHUNK_BYTES);
    const { u8, i32 } = this;
    i32.set(state.subarray(0, 8), SINGLE_STATE >> 2);
    for (let done = 0; done < blocks; ) {
      const n = Math.min(blocks - done, CHUNK_BYTES / 64);
      const at = offset + done * 64;
      u8.set(data.subarray(at, at + n * 64), DATA);
      this.exports.compressBlocks(SINGLE_STATE, DATA, n);
      done += n;
    }
    state.set(i32.subarray(SINGLE_STATE >> 2, (SINGLE_STATE >> 2) + 8));
  }

  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    if (memory.buffer.byteLength >= bytes) return;
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    this.u8 = new Uint8Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }
}

let compiled: WasmModule | null = null;
/** undefined: not compiled yet; null: not available on this thread. */
let kernel: Sha256Kernel | null | undefined;
let triedSync = false;
let enabled = true;

function moduleBytes(): Uint8Array {
  const text = atob(SHA256_WASM_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function instantiate(api: WasmApi, module: WasmModule): Sha256Kernel {
  return new Sha256Kernel(new api.Instance(module, {}).exports as Exports);
}

/**
 * This thread's kernel, compiled on first use; null when WebAssembly or its SIMD is not available here (or not yet
 * compiled in a browser page, see {@link prepareSha256Kernel}), or when switched off by {@link useSha256Kernel}.
 */
export function sha256Kernel(): Sha256Kernel | null {
  if (!enabled) return null;
  if (kernel !== undefined || triedSync) return kernel ?? null;
  triedSync = true;
  if (wasm === undefined) kernel = null;
  else {
    try {
      compiled ??= new wasm.Module(moduleBytes());
      kernel = instantiate(wasm, compiled);
    } catch {
      // No SIMD, or a browser's main thread, which compiles a module of this size only asynchronously
      // (prepareSha256Kernel): plain TypeScript meanwhile.
    }
  }
  return kernel ?? null;
}

/** Compiles the kernel asynchronously (a browser's main thread); resolves whether it is available. */
export async function prepareSha256Kernel(): Promise<boolean> {
  if (kernel !== undefined) return kernel !== null && enabled;
  try {
    if (wasm === undefined) throw new Error('no WebAssembly');
    compiled ??= await wasm.compile(moduleBytes());
    kernel = instantiate(wasm, compiled);
  } catch {
    kernel = null;
  }
  return kernel !== null && enabled;
}

/** Switches the kernel off (false: plain TypeScript everywhere) or back on; for tests and benches comparing the two. */
export function useSha256Kernel(on: boolean): void {
  enabled = on;
}

// Long inputs (the manifest's JCS bytes) go through the kernel wherever this module is loaded.
setBlocksKernel(sha256Kernel);
