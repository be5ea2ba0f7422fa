import { randomUUID } from 'node:crypto';
import type { FreezeCallbackRequest } from '../../contracts/callbacks.ts';
import { DomainError } from '../../domain/errors.ts';
import { manifestHash } from '../../domain/draw/jcs-hash.ts';
import { validateManifest } from '../../domain/draw/validate-manifest.ts';
import { localDate } from '../../domain/local-date.ts';
import { buildCallbackManifest, formatQuarter, quarterDates, TOO_FEW_AUDITORS } from '../../domain/oversight/callbacks.ts';
import { findUnstaffableUnits } from '../../domain/plans/unit-staffing.ts';
import {
  auditorsInScope,
  countRoundsOfQuarter,
  externalRefsOfVoidedRounds,
  insertCallbackRound,
  inspectorsOfUnitsInPeriod,
  lockOrg,
} from '../../db/callback-queries.ts';
import { findOrgById } from '../../db/org-queries.ts';
import { unitNames } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { candidatesByBrigade, requireEndedQuarter } from './preview-callback-round.ts';

/**
 * 冻结清单 of a quarterly callback round (decision 0026): the manifest is built from the units of the 纪检's org subtree
 * inspected or penalised in the quarter (one stratum per brigade, 10% rounded up), the org's 纪检 as 回访人/记录人,
 * a bar where a 纪检 account is linked to an inspector who inspected the unit, and the named external values; it is
 * stored with its hash, and the freeze is audited. One live round per org and quarter; after a void the next round
 * must name new external values.
 */
export async function freezeCallbackRound(ctx: UseCaseContext, input: FreezeCallbackRequest): Promise<string> {
  requirePermission(ctx.actor, 'callbacks.manage');
  const today = localDate(ctx.now);
  const quarter = requireEndedQuarter(input.quarter, today);
  const quarterText = formatQuarter(quarter);
  const refs = new Set(input.external.map((e) => `${e.source}\u0000${e.ref}`));
  if (refs.size !== input.external.length) throw new DomainError('VALIDATION_FAILED', '外部随机源：同一来源和期号只能指定一次', { field: 'external' });
  return ctx.db.transaction(async (tx) => {
    const org = (await findOrgById(tx, ctx.actor.orgId))!;
    await lockOrg(tx, org.id);
    const used = await externalRefsOfVoidedRounds(tx, org.id, quarterText);
    const reused = input.external.find((e) => used.has(`${e.source}\u0000${e.ref}`));
    if (reused) {
      throw new DomainError('VALIDATION_FAILED', `外部随机源：${reused.source} 第 ${reused.ref} 期已被本季度此前作废的回访抽取指定过，请指定一个新的、尚未开奖的期号`, { field: 'external' });
    }
    const auditors = await auditorsInScope(tx, org.path);
    if (auditors.length < 2) throw new DomainError('CONFLICT', TOO_FEW_AUDITORS);
    const { start, end, dayAfter } = quarterDates(quarter);
    const { byBrigade, names: brigadeNames } = await candidatesByBrigade(tx, org.path, quarter);
    const linked = auditors.filter((a) => a.inspectorId !== null);
    const auditorOfInspector = new Map(linked.map((a) => [a.inspectorId!, a.id]));
    const inspected = await inspectorsOfUnitsInPeriod(tx, [...auditorOfInspector.keys()], start, end);
    const count = await countRoundsOfQuarter(tx, org.id, quarterText);
    const code = `HF-${org.divisionCode}-${quarterText}${count > 0 ? `-${count + 1}` : ''}`;
    const id = randomUUID();
    const manifest = buildCallbackManifest({
      code,
      roundId: id,
      asOf: dayAfter,
      pool: org.divisionCode,
      brigades: [...byBrigade].map(([brigadeId, unitIds]) => ({ code: brigadeId, unitIds })),
      auditorIds: auditors.map((a) => a.id),
      conflicts: inspected.map(([inspectorId, unitId]) => [auditorOfInspector.get(inspectorId)!, unitId] as const),
      external: input.external,
    });
    const problems = validateManifest(manifest);
    if (problems.length > 0) throw new DomainError('CONFLICT', `回访抽取清单不合规：${problems.map((p) => p.message).join('；')}`);
    const unstaffable = findUnstaffableUnits({ ...manifest, assignment: manifest.assignment });
    if (unstaffable.length > 0) {
      const names = await unitNames(tx, unstaffable.slice(0, 5).map((u) => u.unitId));
      throw new DomainError(
        'CONFLICT',
        `有 ${unstaffable.length} 家单位无法配齐回访人和记录人（纪检人员本人参与过该单位的检查）：${unstaffable.slice(0, 5).map((u) => names.get(u.unitId) ?? u.unitId).join('、')}。请增加纪检人员后再抽取`,
      );
    }
    const hash = manifestHash(manifest);
    const inserted = await insertCallbackRound(tx, {
      id,
      code,
      orgId: org.id,
      quarter: quarterText,
      status: 'frozen',
      manifest,
      manifestHash: hash,
      frozenAt: ctx.now,
      frozenBy: ctx.actor.accountId,
    });
    if (!inserted) throw new DomainError('CONFLICT', '本季度已有一次未作废的回访抽取：不存在「重新抽取」，如需重来须先作废并说明理由');
    await recordAudit(tx, ctx, {
      action: 'callback.freeze',
      targetType: 'callback_round',
      targetId: id,
      orgId: org.id,
      summary: {
        drawId: code,
        quarter: quarterText,
        manifestHash: hash,
        candidates: manifest.candidates.length,
        inspectors: manifest.inspectors.length,
        conflicts: manifest.conflicts.length,
        quotas: Object.fromEntries(manifest.strata.map((s) => [brigadeNames.get(s.code) ?? s.code, s.quota])),
        external: input.external.map((e) => `${e.source} ${e.ref}`),
      },
    });
    return id;
  });
}
