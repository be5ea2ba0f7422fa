import { describe, expect, it } from 'vitest';
import {
  CHECK_ITEM_LIMITS,
  CHECK_METHOD_LABELS,
  CHECK_METHODS,
  CHECKLIST_APPLIES_TO,
  CHECKLIST_APPLIES_TO_LABELS,
  changeNoteProblem,
  checkItemCodeProblem,
  checkItemProblems,
  normalizeCheckItemCode,
  normalizeCheckItemFields,
  type CheckItemFields,
} from './check-item.ts';

const item: CheckItemFields = {
  name: '单位履行消防安全职责情况的日常监督抽查',
  subItem: null,
  legalBasis: '《中华人民共和国消防法》第五十三条',
  content: '检查单位履行法定消防安全职责情况',
  inspectingBody: '消防救援机构',
  objectType: '消防救援机构管辖的机关、团体、企业、事业等单位',
  method: 'on_site',
  ratio: null,
  frequency: null,
  inspectorRequirements: null,
  notes: null,
  checklist: [
    { code: '10-1', text: '建筑物或者场所是否依法通过消防验收或者进行竣工验收消防备案', appliesTo: 'all', basis: '第十条' },
    { code: '11-1', text: '是否确定消防安全管理人', appliesTo: 'key', basis: null },
  ],
};

const messages = (fields: CheckItemFields) => checkItemProblems(fields).map((p) => p.message);

describe('method and applicability labels', () => {
  it('labels the three inspection methods as the item lists print them', () => {
    expect(CHECK_METHODS.map((m) => CHECK_METHOD_LABELS[m])).toEqual(['现场检查', '抽样送检', '书面检查']);
  });

  it('labels the three kinds of checklist line by the units they apply to', () => {
    expect(CHECKLIST_APPLIES_TO.map((a) => CHECKLIST_APPLIES_TO_LABELS[a])).toEqual([
      '所有单位',
      '消防安全重点单位',
      '人员密集场所',
    ]);
  });
});

describe('checkItemProblems', () => {
  it('finds nothing wrong with a complete item', () => {
    expect(checkItemProblems(item)).toEqual([]);
  });

  it('names each missing required field in Chinese, in form order', () => {
    const empty = { ...item, name: '', legalBasis: ' ', content: '', inspectingBody: '', objectType: '' };
    expect(messages(empty)).toEqual([
      '事项名称：不能为空',
      '抽查依据：不能为空',
      '抽查内容：不能为空',
      '检查主体：不能为空',
      '检查对象：不能为空',
    ]);
    expect(checkItemProblems(empty).map((p) => p.field)).toEqual([
      'name',
      'legalBasis',
      'content',
      'inspectingBody',
      'objectType',
    ]);
  });

  it('refuses a method outside the three', () => {
    expect(messages({ ...item, method: 'phone' as never })).toEqual(['检查方式：应为现场检查、抽样送检或书面检查']);
  });

  it('leaves the optional fields optional but limits their length', () => {
    expect(messages({ ...item, notes: 'x'.repeat(CHECK_ITEM_LIMITS.notes) })).toEqual([]);
    expect(messages({ ...item, notes: 'x'.repeat(CHECK_ITEM_LIMITS.notes + 1), name: '名'.repeat(101) })).toEqual([
      '事项名称：最多 100 个字符',
      '备注：最多 2000 个字符',
    ]);
  });

  it('accepts line breaks in long texts but refuses other control characters', () => {
    expect(messages({ ...item, legalBasis: '《消防法》第五十三条\n《消防监督检查规定》第六条' })).toEqual([]);
    expect(messages({ ...item, content: '检查\u0007内容' })).toEqual(['抽查内容：含有不可见的控制字符']);
  });

  it('names the checklist row and the earlier row when a line code repeats', () => {
    const lines = [...item.checklist, { code: '10-1', text: '重复的编号', appliesTo: 'all' as const, basis: null }];
    const problems = checkItemProblems({ ...item, checklist: lines });
    expect(problems).toEqual([
      { field: 'checklist', path: ['checklist', 2, 'code'], message: '检查表第 3 行编号：「10-1」与第 1 行重复' },
    ]);
  });

  it('refuses a checklist line without code or text, naming the row', () => {
    const lines = [{ code: '', text: ' ', appliesTo: 'all' as const, basis: null }];
    expect(messages({ ...item, checklist: lines })).toEqual(['检查表第 1 行编号：不能为空', '检查表第 1 行检查内容：不能为空']);
  });

  it('refuses an unknown applicability and an over-long line basis', () => {
    const lines = [{ code: 'A', text: '内容', appliesTo: 'hotel' as never, basis: '依'.repeat(301) }];
    expect(messages({ ...item, checklist: lines })).toEqual([
      '检查表第 1 行适用范围：应为所有单位、消防安全重点单位或人员密集场所',
      '检查表第 1 行依据：最多 300 个字符',
    ]);
  });

  it('allows an empty checklist (items checked from documents may have none)', () => {
    expect(checkItemProblems({ ...item, checklist: [] })).toEqual([]);
  });

  it('limits the checklist to 100 lines', () => {
    const lines = Array.from({ length: 101 }, (_, i) => ({
      code: `L${i}`,
      text: '内容',
      appliesTo: 'all' as const,
      basis: null,
    }));
    expect(messages({ ...item, checklist: lines })).toEqual(['检查表：最多 100 行']);
  });
});

describe('normalizeCheckItemFields', () => {
  it('trims every text and turns empty optional texts into null', () => {
    const normalized = normalizeCheckItemFields({
      ...item,
      name: '  事项  ',
      subItem: '   ',
      ratio: undefined,
      notes: ' 备注 ',
      checklist: [{ code: ' A1 ', text: ' 内容 ', appliesTo: 'crowded', basis: '' }],
    });
    expect(normalized).toMatchObject({ name: '事项', subItem: null, ratio: null, notes: '备注' });
    expect(normalized.checklist).toEqual([{ code: 'A1', text: '内容', appliesTo: 'crowded', basis: null }]);
  });
});

describe('item codes', () => {
  it.each([
    ['XF-01', null],
    ['JH-XF-12', null],
    ['X', '事项编码：应为 2–32 个字符'],
    ['', '事项编码：不能为空'],
    ['xf-01', '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07'],
    ['01-XF', '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07'],
    ['XF--01', '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07'],
    ['XF/01', '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07'],
  ])('code %j gives problem %j', (code, problem) => {
    expect(checkItemCodeProblem(code)).toBe(problem);
  });

  it('upper-cases and trims a typed code before checking it', () => {
    expect(normalizeCheckItemCode(' xf-07 ')).toBe('XF-07');
  });
});

describe('changeNoteProblem', () => {
  it('lets version 1 go without a change note', () => {
    expect(changeNoteProblem(1, null)).toBeNull();
  });

  it('asks for a change note once the item has been published', () => {
    expect(changeNoteProblem(2, null)).toBe('修改说明：修改已发布的抽查事项时必须说明修改内容');
    expect(changeNoteProblem(3, '  ')).toBe('修改说明：修改已发布的抽查事项时必须说明修改内容');
    expect(changeNoteProblem(2, '补充电动自行车检查内容')).toBeNull();
  });

  it('limits a change note to 500 characters', () => {
    expect(changeNoteProblem(1, '改'.repeat(501))).toBe('修改说明：最多 500 个字符');
  });
});
