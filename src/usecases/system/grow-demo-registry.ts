import { generateDemoData } from '../../demo/generate-demo-data.ts';
import { deriveSeed } from '../../demo/prng.ts';
import { unitSearchGrams } from '../../domain/registry/search-grams.ts';
import { duplicateKey } from '../../domain/registry/unit-rules.ts';
import { analyzeTables, type Db, type Tx } from '../../db/client.ts';
import type { OrgRow } from '../../db/org-queries.ts';
import { countRegistry } from '../../db/report-queries.ts';
import { insertUnits, unitIdsByUscc } from '../../db/unit-queries.ts';

/**
 * Grows a demo brigade's registry (检查对象名录库) to about `target` units with the bulk demo generator, as an import
 * from 市场监管 would: the generated units of the brigade's county, created before `asOf`, new USCCs only. The one
 * place `simulate-year` writes rows without a use case: a registry import of thousands of units is not what the
 * simulation is about. Returns the number of units added (0 when the registry is already that large).
 */
export async function growDemoRegistry(db: Db, brigade: OrgRow, o: { target: number; seed: number; asOf: string }): Promise<number> {
  const have = (await countRegistry(db, brigade.id)).units;
  const missing = o.target - have;
  if (missing <= 0) return 0;
  const taken = await unitIdsByUscc(db);
  // The generator spreads units over the demo's counties; generate enough for this county's share, then keep its own.
  let unitCount = missing * 4;
  for (let attempt = 0; attempt < 4; attempt++) {
    const data = generateDemoData({ seed: deriveSeed(o.seed, `registry-${brigade.divisionCode}`), asOf: o.asOf, unitCount });
    const key = data.orgs.find((x) => x.divisionCode === brigade.divisionCode)?.key;
    if (!key) throw new Error(`演示数据中没有行政区划代码为 ${brigade.divisionCode} 的大队，无法扩充名录库`);
    const ours = data.units.filter((u) => u.brigadeKey === key && !taken.has(u.uscc));
    if (ours.length < missing) {
      unitCount = Math.ceil((unitCount * missing * 1.2) / Math.max(1, ours.length));
      continue;
    }
    const rows = ours.slice(0, missing).map(({ brigadeKey: _key, statusChangedAt, createdAt, updatedAt, ...fields }) => ({
      ...fields,
      duplicateKey: duplicateKey(fields.name, fields.address),
      searchGrams: unitSearchGrams(fields),
      statusEffectiveOn: statusChangedAt ? statusChangedAt.slice(0, 10) : null,
      statusReason: statusChangedAt ? '演示数据' : null,
      brigadeId: brigade.id,
      statusChangedAt: statusChangedAt ? new Date(statusChangedAt) : null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
    }));
    await db.transaction(async (tx: Tx) => {
      for (let i = 0; i < rows.length; i += 1000) await insertUnits(tx, rows.slice(i, i + 1000));
    });
    await analyzeTables(db);
    return rows.length;
  }
  throw new Error('演示数据生成器未能生成足够的单位');
}
