import { DomainError } from '../../domain/errors.ts';
import type { DrawBundle } from '../../domain/draw/draw-types.ts';
import type { Db } from '../../db/client.ts';
import { findDrawByCode, listExternalEntries, listObservers } from '../../db/draw-queries.ts';
import { confirmedExternalValue } from '../../domain/draw/external-entries.ts';

/**
 * The published bundle of an executed (or voided after execution) draw (draw-algorithm.md §7): manifest, observers'
 * commitments and reveals, external values and the result. Ids only: no names, no personal data.
 */
export async function getPublicDrawBundle(db: Db, code: string): Promise<DrawBundle> {
  const found = await findDrawByCode(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '抽取不存在');
  const { draw } = found;
  if (!draw.result) throw new DomainError('NOT_FOUND', '该抽取尚未执行，还没有结果包');
  const manifest = draw.manifest;
  const observers = await listObservers(db, draw.id);
  const entries = await listExternalEntries(db, draw.id);
  return {
    manifest,
    observers: manifest.observers.map((id) => {
      const o = observers.find((x) => x.observerId === id)!;
      return { id, commitment: o.commitment!, reveal: o.reveal! };
    }),
    external: manifest.external.map((ref) => ({
      source: ref.source,
      ref: ref.ref,
      value: confirmedExternalValue(entries.filter((e) => e.source === ref.source && e.ref === ref.ref))!,
    })),
    result: draw.result,
  };
}
