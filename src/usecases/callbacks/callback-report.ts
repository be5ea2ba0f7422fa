import type { CallbackReportRow, CallbackReportView } from '../../contracts/callbacks.ts';
import { startOfLocalDay, startOfNextLocalDay } from '../../domain/local-date.ts';
import { callbackRates, parseQuarter, quarterDates, type CallbackStat } from '../../domain/oversight/callbacks.ts';
import { complaintsInPeriod, ratingsInPeriod, type CallbackRoundRow, type listCallbackRecords, type listCallbackUnits } from '../../db/callback-queries.ts';
import type { DbOrTx } from '../../db/client.ts';

type Units = Awaited<ReturnType<typeof listCallbackUnits>>;
type Records = Awaited<ReturnType<typeof listCallbackRecords>>;

/** Each unit's record in force (the latest), by callback unit id. */
export function latestRecords(records: Records): Map<string, Records[number]['record']> {
  const out = new Map<string, Records[number]['record']>();
  for (const { record } of records) out.set(record.callbackUnitId, record);
  return out;
}

/**
 * The quarterly report of a round: per brigade, the units called (drawn and 递补, not those replaced), how many were
 * recorded and reached, the reached rate, the average satisfaction, the conduct reports; and from the unit pages in
 * the same quarter the complaints received and the visit ratings (count and average); with the bundle's hashes.
 */
export async function callbackReport(db: DbOrTx, round: CallbackRoundRow, scopePath: string, units: Units, records: Records): Promise<CallbackReportView> {
  const quarter = parseQuarter(round.quarter)!;
  const { start, end } = quarterDates(quarter);
  const from = startOfLocalDay(start);
  const to = startOfNextLocalDay(end);
  const [complaints, ratings] = await Promise.all([complaintsInPeriod(db, scopePath, from, to), ratingsInPeriod(db, scopePath, from, to)]);
  const latest = latestRecords(records);
  type Acc = CallbackStat & { name: string; complaints: number; ratings: number; ratingSum: number };
  const rows = new Map<string, Acc>();
  const acc = (brigadeId: string, name: string): Acc => {
    let a = rows.get(brigadeId);
    if (!a) rows.set(brigadeId, (a = { name, drawn: 0, recorded: 0, reached: 0, satisfactionSum: 0, rated: 0, conductReports: 0, complaints: 0, ratings: 0, ratingSum: 0 }));
    return a;
  };
  for (const { cu, brigadeName } of units) {
    if (cu.status === 'replaced' || cu.status === 'cancelled') continue;
    const a = acc(cu.brigadeId, brigadeName);
    a.drawn += 1;
    const r = latest.get(cu.id);
    if (!r) continue;
    a.recorded += 1;
    if (r.reached) a.reached += 1;
    if (r.satisfaction !== null) {
      a.rated += 1;
      a.satisfactionSum += r.satisfaction;
    }
    if (r.conductReported) a.conductReports += 1;
  }
  // Complaints and ratings of brigades the round drew from (a brigade with none drawn has no row to add them to).
  for (const c of complaints) {
    const a = rows.get(c.orgId);
    if (a) a.complaints += 1;
  }
  for (const r of ratings) {
    const a = rows.get(r.orgId);
    if (a) {
      a.ratings += 1;
      a.ratingSum += r.score;
    }
  }
  const rowOf = (a: Acc): CallbackReportRow => ({
    brigadeName: a.name,
    drawn: a.drawn,
    recorded: a.recorded,
    reached: a.reached,
    ...callbackRates(a),
    conductReports: a.conductReports,
    complaints: a.complaints,
    ratings: a.ratings,
    averageRating: a.ratings === 0 ? '—' : (a.ratingSum / a.ratings).toFixed(1),
  });
  const list = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const total = list.reduce<Acc>(
    (t, a) => ({
      name: '合计',
      drawn: t.drawn + a.drawn,
      recorded: t.recorded + a.recorded,
      reached: t.reached + a.reached,
      satisfactionSum: t.satisfactionSum + a.satisfactionSum,
      rated: t.rated + a.rated,
      conductReports: t.conductReports + a.conductReports,
      complaints: t.complaints + a.complaints,
      ratings: t.ratings + a.ratings,
      ratingSum: t.ratingSum + a.ratingSum,
    }),
    { name: '合计', drawn: 0, recorded: 0, reached: 0, satisfactionSum: 0, rated: 0, conductReports: 0, complaints: 0, ratings: 0, ratingSum: 0 },
  );
  return { rows: list.map(rowOf), total: rowOf(total), manifestHash: round.manifestHash, resultHash: round.resultHash, seed: round.seed };
}
