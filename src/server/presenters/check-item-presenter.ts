import {
  CHECK_ITEM_FIELD_LABELS,
  CHECK_ITEM_VERSION_STATUS_LABELS,
  CHECK_METHOD_LABELS,
  CHECKLIST_APPLIES_TO_LABELS,
  type CheckItemContentView,
  type CheckItemDetail,
  type CheckItemListItem,
  type CheckItemVersionDiffView,
  type CheckItemVersionView,
  type ChecklistLine,
  type ChecklistLineView,
  type PublicCheckItemDetail,
  type PublicCheckItemListItem,
  type PublicCheckItemVersionView,
} from '../../contracts/check-items.ts';
import type { CheckItemVersionDiff } from '../../domain/check-items/version-diff.ts';
import {
  fieldsOfVersion,
  type CheckItemVersionRow,
  type CheckItemVersionSummary,
  type CheckItemWithOwner,
  type CheckItemVersionWithNames,
} from '../../db/check-item-queries.ts';

type WithDiff<V> = V & { diff: CheckItemVersionDiff | null };

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function presentLine(line: ChecklistLine): ChecklistLineView {
  return {
    code: line.code,
    text: line.text,
    appliesTo: line.appliesTo,
    appliesToLabel: CHECKLIST_APPLIES_TO_LABELS[line.appliesTo],
    basis: line.basis,
  };
}

/** Field values as people read them: the method by its label. */
function shown(field: string, value: string | null): string | null {
  return field === 'method' && value !== null ? ((CHECK_METHOD_LABELS as Record<string, string>)[value] ?? value) : value;
}

function presentDiff(diff: CheckItemVersionDiff | null): CheckItemVersionDiffView | null {
  if (!diff) return null;
  return {
    fields: diff.fields.map((f) => ({
      field: f.field,
      label: CHECK_ITEM_FIELD_LABELS[f.field],
      before: shown(f.field, f.before),
      after: shown(f.field, f.after),
    })),
    checklist: {
      added: diff.checklist.added.map(presentLine),
      removed: diff.checklist.removed.map(presentLine),
      changed: diff.checklist.changed.map((c) => ({
        code: c.code,
        before: presentLine(c.before),
        after: presentLine(c.after),
        fields: c.fields,
      })),
      reordered: diff.checklist.reordered,
    },
    unchanged: diff.unchanged,
  };
}

function presentContent(row: CheckItemVersionRow): CheckItemContentView {
  const fields = fieldsOfVersion(row);
  return {
    name: fields.name,
    subItem: fields.subItem,
    legalBasis: fields.legalBasis,
    content: fields.content,
    inspectingBody: fields.inspectingBody,
    objectType: fields.objectType,
    method: fields.method,
    methodLabel: CHECK_METHOD_LABELS[fields.method],
    ratio: fields.ratio,
    frequency: fields.frequency,
    inspectorRequirements: fields.inspectorRequirements,
    notes: fields.notes,
    checklist: fields.checklist.map(presentLine),
  };
}

function presentVersion(row: WithDiff<CheckItemVersionWithNames>): CheckItemVersionView {
  return {
    ...presentContent(row),
    version: row.version,
    status: row.status,
    statusLabel: CHECK_ITEM_VERSION_STATUS_LABELS[row.status],
    changeNote: row.changeNote,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    publishedAt: isoOrNull(row.publishedAt),
    createdByName: row.createdByName,
    publishedByName: row.publishedByName,
    diff: presentDiff(row.diff),
  };
}

function presentItemHead(item: CheckItemWithOwner, canManage: boolean) {
  return {
    id: item.id,
    code: item.code,
    ownerOrgId: item.ownerOrgId,
    ownerOrgName: item.ownerOrgName,
    withdrawnAt: isoOrNull(item.withdrawnAt),
    withdrawReason: item.withdrawReason,
    canManage,
  };
}

export function presentCheckItemListItem(entry: {
  item: CheckItemWithOwner;
  current: CheckItemVersionSummary | null;
  draft: CheckItemVersionSummary | null;
  canManage: boolean;
}): CheckItemListItem {
  const { current, draft } = entry;
  return {
    ...presentItemHead(entry.item, entry.canManage),
    current:
      current && current.publishedAt
        ? {
            version: current.version,
            name: current.name,
            method: current.method,
            methodLabel: CHECK_METHOD_LABELS[current.method],
            publishedAt: iso(current.publishedAt),
          }
        : null,
    draft: draft ? { version: draft.version, name: draft.name, updatedAt: iso(draft.updatedAt) } : null,
  };
}

export function presentCheckItemDetail(entry: {
  item: CheckItemWithOwner;
  versions: WithDiff<CheckItemVersionWithNames>[];
  canManage: boolean;
}): CheckItemDetail {
  return { ...presentItemHead(entry.item, entry.canManage), versions: entry.versions.map(presentVersion), internalNote: entry.item.internalNote };
}

/** The portal's whitelist: content, version, publication time and change note; no account, no draft state, no internal id. */
function presentPublicVersion(row: WithDiff<CheckItemVersionRow>): PublicCheckItemVersionView {
  return {
    ...presentContent(row),
    version: row.version,
    changeNote: row.changeNote,
    publishedAt: iso(row.publishedAt!),
    diff: presentDiff(row.diff),
  };
}

export function presentPublicCheckItemListItem({
  item,
  current,
}: {
  item: CheckItemWithOwner;
  current: CheckItemVersionSummary;
}): PublicCheckItemListItem {
  return {
    code: item.code,
    ownerOrgName: item.ownerOrgName,
    version: current.version,
    name: current.name,
    method: current.method,
    methodLabel: CHECK_METHOD_LABELS[current.method],
    inspectingBody: current.inspectingBody,
    objectType: current.objectType,
    publishedAt: iso(current.publishedAt!),
    withdrawnAt: isoOrNull(item.withdrawnAt),
  };
}

export function presentPublicCheckItemDetail(entry: {
  item: CheckItemWithOwner;
  current: WithDiff<CheckItemVersionRow>;
  history: WithDiff<CheckItemVersionRow>[];
}): PublicCheckItemDetail {
  return {
    code: entry.item.code,
    ownerOrgName: entry.item.ownerOrgName,
    withdrawnAt: isoOrNull(entry.item.withdrawnAt),
    withdrawReason: entry.item.withdrawReason,
    current: presentPublicVersion(entry.current),
    history: entry.history.map(presentPublicVersion),
  };
}
