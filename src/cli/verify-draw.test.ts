import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../domain/canonical-json.ts';
import { runVerifyDraw } from './verify-draw.ts';

// The spec's vector, copied into the repository so the test runs on a bare clone.
const VECTOR = path.join(import.meta.dirname, '../domain/draw/fixtures/draw-vector-1.json');
let dir: string;
let vector: { observers: { reveal: string }[]; result: { strata: { selected: string[] }[] } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'draw-verify-'));
  vector = JSON.parse(await readFile(VECTOR, 'utf8'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function verify(bundle: unknown, text: (b: unknown) => string = JSON.stringify): Promise<{ code: number; out: string }> {
  const file = path.join(dir, `b${Math.random()}.json`);
  await writeFile(file, text(bundle));
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    return { code: await runVerifyDraw([file]), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('draw-verify', () => {
  it('passes the published test vector, saying what it checked', async () => {
    const { code, out } = await verify(vector);
    expect(code).toBe(0);
    expect(out).toMatch(/✓ 承诺值|✓ 监督人「OBS-1」的承诺值可以打开/);
    expect(out).toContain('验证通过');
  });

  it('passes the vector as the portal sends it (its JCS text), and fails it with one id changed', async () => {
    expect((await verify(vector, canonicalJson)).code).toBe(0);
    const tampered = structuredClone(vector);
    tampered.result.strata[1]!.selected[0] = 'U0106';
    const { code, out } = await verify(tampered, canonicalJson);
    expect(code).toBe(1);
    expect(out).toContain('第一处不同：result.strata[1].selected[0]');
  });

  it('fails a bundle with one id changed in the result', async () => {
    const tampered = structuredClone(vector);
    tampered.result.strata[1]!.selected[0] = 'U0106';
    const { code, out } = await verify(tampered);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ 抽取结果逐字节一致/);
  });

  it('fails a bundle with a changed reveal', async () => {
    const tampered = structuredClone(vector);
    tampered.observers[0]!.reveal = 'ff112233445566778899aabbccddeeff';
    const { code, out } = await verify(tampered);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ 监督人「OBS-1」的承诺值可以打开/);
  });
});
