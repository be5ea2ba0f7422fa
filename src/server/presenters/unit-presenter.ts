import { COUNTED_INSPECTION_KINDS, INSPECTION_KIND_LABELS } from '../../domain/plans/eligibility-types.ts';
import { TASK_KIND_LABELS, TASK_STATUS_LABELS } from '../../contracts/draws.ts';
import { findDivision } from '../../domain/registry/divisions.ts';
import { maskPhone } from '../../domain/registry/masking.ts';
import {
  UNIT_CATEGORY_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_UNDRAWABLE_REASON_LABELS,
} from '../../domain/registry/unit-rules.ts';
import type { DictionaryEntryView, DivisionView, UnitDetail, UnitHistoryItem, UnitListItem } from '../../contracts/units.ts';
import type { DictionaryRow } from '../../db/dictionary-queries.ts';
import type { UnitRow } from '../../db/unit-queries.ts';
import type { getUnitDetail } from '../../usecases/units/get-unit-detail.ts';
import type { Division } from '../../domain/registry/divisions.ts';
import { CONCLUSION_LABELS, RECORD_OUTCOME_LABELS } from '../../contracts/field.ts';
import type { InspectionRecordRow } from '../../db/field-queries.ts';

const HISTORY_KIND_LABELS: Record<string, string> = {
  create: '登记',
  update: '修改',
  status: '状态变更',
  transfer: '转移大队',
  import: '导入',
  flag: '标记待核实',
  unflag: '取消待核实',
};

function presentCommon(unit: UnitRow, brigadeName: string) {
  return {
    id: unit.id,
    uscc: unit.uscc,
    name: unit.name,
    address: unit.address,
    registeredAddress: unit.registeredAddress,
    districtCode: unit.districtCode,
    districtName: unit.districtCode ? (findDivision(unit.districtCode)?.name ?? null) : null,
    street: unit.street,
    category: unit.category,
    categoryLabel: UNIT_CATEGORY_LABELS[unit.category],
    isCrowded: unit.isCrowded,
    isFlammable: unit.isFlammable,
    isHighRise: unit.isHighRise,
    industry: unit.industry,
    riskLevel: unit.riskLevel,
    creditLevel: unit.creditLevel,
    tags: unit.tags,
    status: unit.status,
    statusLabel: UNIT_STATUS_LABELS[unit.status],
    flagged: unit.flaggedAt !== null,
    flagReason: unit.flagReason,
    contactName: unit.contactName,
    brigadeId: unit.brigadeId,
    brigadeName,
    source: unit.source,
    sourceLabel: UNIT_SOURCE_LABELS[unit.source],
    updatedAt: unit.updatedAt.toISOString(),
  };
}

/** List rows carry a masked phone: lists are seen over shoulders and in screenshots. */
export function presentUnitListItem(unit: UnitRow, brigadeName: string): UnitListItem {
  return { ...presentCommon(unit, brigadeName), contactPhoneMasked: unit.contactPhone ? maskPhone(unit.contactPhone) : null };
}

const recordOf = (r: InspectionRecordRow | undefined) =>
  r
    ? {
        id: r.id,
        version: r.version,
        outcomeLabel: RECORD_OUTCOME_LABELS[r.outcome],
        conclusionLabel: r.body.conclusion ? CONCLUSION_LABELS[r.body.conclusion] : null,
      }
    : null;

export function presentUnitDetail(detail: Awaited<ReturnType<typeof getUnitDetail>>): UnitDetail {
  const { unit, brigade, drawability } = detail;
  const reason = drawability.drawable ? null : drawability.reason;
  return {
    ...presentCommon(unit, brigade.name),
    community: unit.community,
    buildingScale: unit.buildingScale,
    legalRepresentative: unit.legalRepresentative,
    contactPhone: unit.contactPhone,
    safetyOwner: unit.safetyOwner,
    safetyManager: unit.safetyManager,
    statusEffectiveOn: unit.statusEffectiveOn,
    statusReason: unit.statusReason,
    flaggedAt: unit.flaggedAt?.toISOString() ?? null,
    createdAt: unit.createdAt.toISOString(),
    drawable: drawability.drawable,
    undrawableReason: reason,
    undrawableReasonLabel: reason ? UNIT_UNDRAWABLE_REASON_LABELS[reason] : null,
    usccWarnings: detail.usccWarnings,
    probableDuplicates: detail.probableDuplicates,
    inspections: detail.inspections.map((i) => ({
      on: i.on,
      kind: i.kind,
      kindLabel: INSPECTION_KIND_LABELS[i.kind],
      counted: COUNTED_INSPECTION_KINDS.has(i.kind),
      sourceLabel: i.source === 'task' ? '本系统检查任务' : '原系统记录',
      note: i.note,
      taskId: i.taskId,
    })),
    tasks: detail.tasks.map(({ task, drawCode }) => ({
      id: task.id,
      kind: task.kind,
      kindLabel: TASK_KIND_LABELS[task.kind],
      drawId: task.drawId,
      drawCode: drawCode ?? TASK_KIND_LABELS.reinspection,
      stratum: task.stratum,
      dueDate: task.dueDate,
      status: task.status,
      statusLabel: TASK_STATUS_LABELS[task.status],
      leads: task.leadIds.map((id) => detail.inspectorNames.get(id) ?? '（已删除）'),
      assistants: task.assistantIds.map((id) => detail.inspectorNames.get(id) ?? '（已删除）'),
      record: recordOf(detail.records.get(task.id)),
    })),
    history: detail.history.map(
      (h): UnitHistoryItem => ({ at: h.at.toISOString(), actorName: h.actorName, kind: h.kind, kindLabel: HISTORY_KIND_LABELS[h.kind] ?? h.kind, summary: h.summary }),
    ),
  };
}

export function presentDictionaryEntry(row: DictionaryRow): DictionaryEntryView {
  return { id: row.id, kind: row.kind, code: row.code, label: row.label, color: row.color, weight: row.weight, sortOrder: row.sortOrder, active: row.active };
}

export function presentDivision(d: Division): DivisionView {
  const parent = d.parentCode ? findDivision(d.parentCode) : undefined;
  return { code: d.code, name: d.name, fullName: parent ? `${parent.name}${d.name}` : d.name, retired: d.retired !== null };
}
