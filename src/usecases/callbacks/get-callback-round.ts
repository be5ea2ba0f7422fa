import { CALLBACK_ROUND_STATUS_LABELS, CALLBACK_UNIT_STATUS_LABELS, type CallbackRoundView, type CallbackUnitView } from '../../contracts/callbacks.ts';
import { hasPermission } from '../../domain/access.ts';
import { confirmedExternalValue } from '../../domain/draw/external-entries.ts';
import { parseQuarter, quarterLabel } from '../../domain/oversight/callbacks.ts';
import { accountNames, listCallbackExternalEntries, listCallbackRecords, listCallbackUnits, orgNames } from '../../db/callback-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableRound } from './callback-access.ts';
import { callbackReport, latestRecords } from './callback-report.ts';

/** One callback round as the 「纪检回访」 page shows it: its steps, the units with their latest records, and the report. */
export async function getCallbackRound(ctx: UseCaseContext, id: string): Promise<CallbackRoundView> {
  const { round, org } = await readableRound(ctx, id);
  const [entries, units, records] = await Promise.all([listCallbackExternalEntries(ctx.db, id), listCallbackUnits(ctx.db, id), listCallbackRecords(ctx.db, id)]);
  const manifest = round.manifest;
  const auditorIds = manifest.inspectors.map((i) => i[0]);
  const names = await accountNames(ctx.db, [...auditorIds, round.frozenBy, ...records.map((r) => r.record.recordedBy), ...units.flatMap((u) => (u.cu.replacedBy ? [u.cu.replacedBy] : []))]);
  const brigadeNames = await orgNames(ctx.db, manifest.strata.map((s) => s.code));
  const latest = latestRecords(records);
  const recordCount = new Map<string, number>();
  for (const r of records) recordCount.set(r.record.callbackUnitId, (recordCount.get(r.record.callbackUnitId) ?? 0) + 1);
  const byId = new Map(units.map((u) => [u.cu.id, u]));
  const canManage = hasPermission(ctx.actor, 'callbacks.manage') && round.status !== 'voided';
  const unitViews = units.map(({ cu, unitName, unitAddress, contactName, contactPhone, brigadeName }): CallbackUnitView => {
    const r = latest.get(cu.id);
    const replaced = cu.replacesId ? byId.get(cu.replacesId) : undefined;
    return {
      id: cu.id,
      unitId: cu.unitId,
      unitName,
      unitAddress,
      contactName,
      contactPhone,
      brigadeName,
      rank: cu.rank,
      caller: names.get(cu.callerId) ?? '',
      recorder: names.get(cu.recorderId) ?? '',
      status: cu.status,
      statusLabel: CALLBACK_UNIT_STATUS_LABELS[cu.status],
      replaces: replaced ? { unitName: replaced.unitName, reason: cu.replaceReason ?? '', by: names.get(cu.replacedBy ?? '') ?? '' } : null,
      record: r
        ? { reached: r.reached, attempts: r.attempts, satisfaction: r.satisfaction, conductReported: r.conductReported, conductText: r.conductText, notes: r.notes, recordedBy: names.get(r.recordedBy) ?? '', recordedAt: r.recordedAt.toISOString() }
        : null,
      records: recordCount.get(cu.id) ?? 0,
      canReplace: canManage && cu.status === 'recorded' && r?.reached === false,
    };
  });
  const candidatesOf = new Map<string, number>();
  for (const c of manifest.candidates) candidatesOf.set(c[1], (candidatesOf.get(c[1]) ?? 0) + 1);
  return {
    id: round.id,
    code: round.code,
    quarter: round.quarter,
    quarterLabel: quarterLabel(parseQuarter(round.quarter)!),
    status: round.status,
    statusLabel: CALLBACK_ROUND_STATUS_LABELS[round.status],
    orgName: org.name,
    manifestHash: round.manifestHash,
    resultHash: round.resultHash,
    seed: round.seed,
    frozenAt: round.frozenAt.toISOString(),
    frozenBy: names.get(round.frozenBy) ?? '',
    executedAt: round.executedAt?.toISOString() ?? null,
    voidedAt: round.voidedAt?.toISOString() ?? null,
    voidReason: round.voidReason,
    strata: manifest.strata.map((s) => ({ code: s.code, name: brigadeNames.get(s.code) ?? s.code, quota: s.quota, alternates: s.alternates, candidates: candidatesOf.get(s.code) ?? 0 })),
    auditors: auditorIds.map((a) => ({ id: a, name: names.get(a) ?? '' })),
    external: manifest.external.map((ref) => {
      const mine = entries.filter((e) => e.source === ref.source && e.ref === ref.ref);
      const value = confirmedExternalValue(mine);
      return { source: ref.source, ref: ref.ref, entries: mine.length, confirmed: value !== null, value, enteredByMe: mine.some((e) => e.enteredBy === ctx.actor.accountId) };
    }),
    units: unitViews,
    report: round.status === 'frozen' ? null : await callbackReport(ctx.db, round, org.path, units, records),
    canManage,
  };
}
