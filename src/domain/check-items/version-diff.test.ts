import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_APPLIES_TO, type CheckItemFields, type ChecklistLine } from './check-item.ts';
import { diffCheckItemVersions } from './version-diff.ts';

const line = (code: string, text = `内容${code}`, appliesTo: ChecklistLine['appliesTo'] = 'all'): ChecklistLine => ({
  code,
  text,
  appliesTo,
  basis: null,
});

const v1: CheckItemFields = {
  name: '单位履行消防安全职责情况的日常监督抽查',
  subItem: null,
  legalBasis: '《中华人民共和国消防法》第五十三条',
  content: '检查单位履行法定消防安全职责情况',
  inspectingBody: '消防救援机构',
  objectType: '机关、团体、企业、事业等单位',
  method: 'on_site',
  ratio: '一般单位不低于20%',
  frequency: null,
  inspectorRequirements: null,
  notes: null,
  checklist: [line('A'), line('B'), line('C')],
};

describe('diffCheckItemVersions', () => {
  it('finds nothing between a version and an identical copy', () => {
    const diff = diffCheckItemVersions(v1, structuredClone(v1));
    expect(diff).toEqual({ fields: [], checklist: { added: [], removed: [], changed: [], reordered: false }, unchanged: true });
  });

  it('lists each changed field with its old and new value, including a value cleared to null', () => {
    const v2 = { ...v1, ratio: null, frequency: '每年一次', method: 'documentary' as const };
    expect(diffCheckItemVersions(v1, v2).fields).toEqual([
      { field: 'method', before: 'on_site', after: 'documentary' },
      { field: 'ratio', before: '一般单位不低于20%', after: null },
      { field: 'frequency', before: null, after: '每年一次' },
    ]);
  });

  it('matches checklist lines by code: added, removed and changed with the changed parts named', () => {
    const v2 = { ...v1, checklist: [line('A'), line('B', '新的内容', 'key'), line('D')] };
    const { checklist, unchanged } = diffCheckItemVersions(v1, v2);
    expect(checklist.added).toEqual([line('D')]);
    expect(checklist.removed).toEqual([line('C')]);
    expect(checklist.changed).toEqual([
      { code: 'B', before: line('B'), after: line('B', '新的内容', 'key'), fields: ['text', 'appliesTo'] },
    ]);
    expect(checklist.reordered).toBe(false);
    expect(unchanged).toBe(false);
  });

  it('notices when the same lines stand in another order', () => {
    const diff = diffCheckItemVersions(v1, { ...v1, checklist: [line('B'), line('A'), line('C')] });
    expect(diff.checklist).toEqual({ added: [], removed: [], changed: [], reordered: true });
    expect(diff.unchanged).toBe(false);
  });

  it('does not call an insertion a reordering', () => {
    const diff = diffCheckItemVersions(v1, { ...v1, checklist: [line('Z'), line('A'), line('B'), line('C')] });
    expect(diff.checklist.reordered).toBe(false);
    expect(diff.checklist.added).toEqual([line('Z')]);
  });

  it('is mirrored: what one direction adds the other removes', () => {
    const lineArb = fc.record({
      code: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      text: fc.constantFrom('甲', '乙'),
      appliesTo: fc.constantFrom(...CHECKLIST_APPLIES_TO),
      basis: fc.constantFrom(null, '第十条'),
    });
    const checklistArb = fc.uniqueArray(lineArb, { selector: (l) => l.code });
    fc.assert(
      fc.property(checklistArb, checklistArb, (a, b) => {
        const forward = diffCheckItemVersions({ ...v1, checklist: a }, { ...v1, checklist: b });
        const backward = diffCheckItemVersions({ ...v1, checklist: b }, { ...v1, checklist: a });
        expect(forward.checklist.added.map((l) => l.code).sort()).toEqual(backward.checklist.removed.map((l) => l.code).sort());
        expect(forward.checklist.changed.map((c) => c.code).sort()).toEqual(backward.checklist.changed.map((c) => c.code).sort());
        expect(forward.unchanged).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});
