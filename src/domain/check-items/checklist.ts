import type { ChecklistAppliesTo, ChecklistLine } from './check-item.ts';

/** The facts of a unit that decide which checklist lines apply to it (its registry category and 人员密集场所 flag). */
export type ChecklistUnitFacts = { category: string; isCrowded: boolean };

/**
 * Whether a line applies to a unit: 'all' lines to every unit (《消防监督检查规定》第十条); 'key' lines to a
 * 消防安全重点单位, category 'key' (第十一条); 'crowded' lines to any 人员密集场所 (消防法第七十三条), key or
 * not — the 装修材料 and 门窗障碍物 checks follow from 消防法第二十八条 and 第六十条, which bind every
 * crowded place.
 */
export function lineAppliesToUnit(appliesTo: ChecklistAppliesTo, unit: ChecklistUnitFacts): boolean {
  switch (appliesTo) {
    case 'all':
      return true;
    case 'key':
      return unit.category === 'key';
    case 'crowded':
      return unit.isCrowded;
  }
}

/**
 * The lines of a checklist template that an inspector must check at one unit, in template order — what
 * the printed on-site checklist (现场检查表) of a task lists. A general, non-crowded unit gets only the
 * 'all' lines; a crowded key unit gets every line.
 */
export function checklistForUnit(checklist: readonly ChecklistLine[], unit: ChecklistUnitFacts): ChecklistLine[] {
  return checklist.filter((line) => lineAppliesToUnit(line.appliesTo, unit));
}
