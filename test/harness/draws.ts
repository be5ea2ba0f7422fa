import type { FastifyInstance } from 'fastify';
import { fromHex } from '../../src/domain/crypto/sha256.ts';
import { commitmentOf } from '../../src/domain/draw/seed.ts';
import { call, type Session } from './http.ts';

const OBSERVER_SECRET = '0123456789abcdef0123456789abcdef';

/**
 * Freezes a draw of `source` with one observer and one lottery issue, and takes it through commitment, reveal, two
 * agreeing entries (by `first` and `second`) and execution, as the draw page would. Returns the executed draw view.
 */
export async function freezeAndExecuteDraw(
  app: FastifyInstance,
  first: Session,
  second: Session,
  source: { kind: 'monthly_plan' | 'campaign'; id: string },
  ref: string,
): Promise<{ id: string; code: string; tasks: { unitId: string }[] }> {
  const frozen = await call(app, first, 'POST', '/api/draws', {
    source,
    observers: [{ name: '测试监督人', capacity: '特邀廉政监督员' }],
    external: [{ source: '福彩3D', ref }],
  });
  if (frozen.statusCode !== 201) throw new Error(`freeze: ${frozen.statusCode} ${frozen.body}`);
  const { id, manifestHash } = frozen.json<{ id: string; manifestHash: string }>();
  const steps: [Session, string, unknown][] = [
    [
      first,
      `/api/draws/${id}/observers/OBS-1/commitment`,
      { commitment: commitmentOf(manifestHash, 'OBS-1', fromHex(OBSERVER_SECRET)) },
    ],
    [first, `/api/draws/${id}/observers/OBS-1/reveal`, { reveal: OBSERVER_SECRET }],
    [first, `/api/draws/${id}/external`, { source: '福彩3D', ref, value: '3 1 4' }],
    [second, `/api/draws/${id}/external`, { source: '福彩3D', ref, value: '3 1 4' }],
    [first, `/api/draws/${id}/execute`, undefined],
  ];
  let last = frozen;
  for (const [session, url, body] of steps) {
    last = await call(app, session, 'POST', url, body);
    if (last.statusCode >= 300) throw new Error(`${url}: ${last.statusCode} ${last.body}`);
  }
  return last.json();
}
