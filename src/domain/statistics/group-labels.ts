/** Chinese labels of the statistics' group keys and list details (issue 16), pure. */
import { PUBLICATION_STATUS_LABELS } from '../publication/publication-types.ts';
import { RECORD_OUTCOME_LABELS, UNABLE_REASON_LABELS } from '../records/record-labels.ts';
import { findDivision } from '../registry/divisions.ts';
import { UNIT_CATEGORY_LABELS } from '../registry/unit-rules.ts';
import { TASK_STATUS_LABELS } from '../tasks/task-lifecycle.ts';
import { BLANK_GROUP_LABEL, type CountFigure, type GroupKey } from './figures.ts';

/** A group key's label: 「2026年11月」, a county's name, a category's, or a name looked up (brigades, industries). */
export function groupLabel(group: GroupKey, key: string, names: ReadonlyMap<string, string>): string {
  if (key === '') return BLANK_GROUP_LABEL;
  switch (group) {
    case 'month':
      return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
    case 'district':
      return findDivision(key)?.name ?? key;
    case 'category':
      return (UNIT_CATEGORY_LABELS as Record<string, string>)[key] ?? key;
    case 'industry':
    case 'brigade':
      return names.get(key) ?? key;
  }
}

/** A list row's 「说明」 in Chinese: a task's status, a record's outcome, a reason for 无法检查; text as it is. */
export function detailLabel(figure: CountFigure, detail: string): string {
  const lookup = (labels: Record<string, string>) => labels[detail] ?? detail;
  switch (figure) {
    case 'drawn':
    case 'reinspections':
    case 'reinspectionsOnTime':
      return lookup(TASK_STATUS_LABELS);
    case 'inspected':
    case 'doneOnTime':
    case 'failed':
    case 'jointInspections':
      return lookup(RECORD_OUTCOME_LABELS);
    case 'resultEntries':
    case 'published':
      return lookup(PUBLICATION_STATUS_LABELS);
    case 'unable':
      return lookup(UNABLE_REASON_LABELS);
    case 'planned':
      return '已发布';
    default:
      return detail;
  }
}

/** Where a list row opens in the admin. */
export function rowLink(figure: CountFigure, row: { id: string; taskId: string | null; unitId: string | null }): string | null {
  switch (figure) {
    case 'planned':
      return `/admin/monthly-plans/${row.id}`;
    case 'drawn':
    case 'reinspections':
    case 'reinspectionsOnTime':
      return `/admin/tasks/${row.id}`;
    case 'inspected':
    case 'doneOnTime':
    case 'failed':
    case 'unable':
    case 'jointInspections':
      return `/admin/records/${row.id}`;
    case 'resultEntries':
    case 'published':
      return row.taskId ? `/admin/tasks/${row.taskId}` : null;
    case 'notices':
      return `/admin/documents/${row.id}`;
    case 'penalties':
    case 'penaltyAmount':
      return `/admin/cases/${row.id}`;
    case 'hazards':
    case 'sealings':
      return row.unitId ? `/admin/units/${row.unitId}` : null;
  }
}
