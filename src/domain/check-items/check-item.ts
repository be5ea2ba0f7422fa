/**
 * 抽查事项 (random-inspection items) and their checklist templates (检查表).
 *
 * An item says what may be inspected at random, on what legal basis, by whom, how, how often and in
 * what share (内消〔2019〕49号 二（二）: "明确随机抽查的事项、依据、内容、主体、对象、方式、比例、频次").
 * Its checklist lists the 检查内容 an inspector checks on site, each line marked with the units it
 * applies to (《消防监督检查规定》（公安部令第120号）第十条 for every unit, 第十一条 for 消防安全重点单位,
 * and the extra lines for 人员密集场所).
 *
 * Pure: this file is shared with the web form through src/contracts/check-items.ts, so the browser
 * validates a draft with exactly the rules the server enforces.
 */

/** 检查方式. One main method per item; an item that also samples says so in its notes. */
export const CHECK_METHODS = ['on_site', 'sampling', 'documentary'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const CHECK_METHOD_LABELS: Record<CheckMethod, string> = {
  on_site: '现场检查',
  sampling: '抽样送检',
  documentary: '书面检查',
};

/**
 * Which units a checklist line applies to: 'all' every unit (第十条), 'key' 消防安全重点单位 (第十一条),
 * 'crowded' 人员密集场所 (消防法第二十八条、第六十条第一款第（六）项).
 */
export const CHECKLIST_APPLIES_TO = ['all', 'key', 'crowded'] as const;
export type ChecklistAppliesTo = (typeof CHECKLIST_APPLIES_TO)[number];

export const CHECKLIST_APPLIES_TO_LABELS: Record<ChecklistAppliesTo, string> = {
  all: '所有单位',
  key: '消防安全重点单位',
  crowded: '人员密集场所',
};

/** One 检查内容 line of a checklist template. `code` is unique within the checklist. */
export type ChecklistLine = {
  code: string;
  text: string;
  appliesTo: ChecklistAppliesTo;
  /** Where the line comes from, e.g. 《消防监督检查规定》第十条第（一）项; null when not recorded. */
  basis: string | null;
};

/** What one version of an item says. Optional texts are null when empty. */
export type CheckItemFields = {
  name: string;
  subItem: string | null;
  legalBasis: string;
  content: string;
  inspectingBody: string;
  objectType: string;
  method: CheckMethod;
  ratio: string | null;
  frequency: string | null;
  inspectorRequirements: string | null;
  notes: string | null;
  checklist: ChecklistLine[];
};

export type CheckItemTextField = Exclude<keyof CheckItemFields, 'method' | 'checklist'>;

/** The fields in the order forms, diffs and the portal show them. */
export const CHECK_ITEM_FIELD_KEYS = [
  'name',
  'subItem',
  'legalBasis',
  'content',
  'inspectingBody',
  'objectType',
  'method',
  'ratio',
  'frequency',
  'inspectorRequirements',
  'notes',
] as const satisfies readonly Exclude<keyof CheckItemFields, 'checklist'>[];

export const CHECK_ITEM_FIELD_LABELS: Record<keyof CheckItemFields, string> = {
  name: '事项名称',
  subItem: '子项',
  legalBasis: '抽查依据',
  content: '抽查内容',
  inspectingBody: '检查主体',
  objectType: '检查对象',
  method: '检查方式',
  ratio: '抽查比例',
  frequency: '抽查频次',
  inspectorRequirements: '检查人员要求',
  notes: '备注',
  checklist: '检查表',
};

const REQUIRED_TEXT: readonly CheckItemTextField[] = ['name', 'legalBasis', 'content', 'inspectingBody', 'objectType'];

/** Length limits in characters (UTF-16 code units, as the browser's maxLength counts). */
export const CHECK_ITEM_LIMITS = {
  code: 32,
  name: 100,
  subItem: 100,
  legalBasis: 1000,
  content: 2000,
  inspectingBody: 100,
  objectType: 300,
  ratio: 500,
  frequency: 500,
  inspectorRequirements: 500,
  notes: 2000,
  checklistLines: 100,
  lineCode: 20,
  lineText: 500,
  lineBasis: 300,
  changeNote: 500,
  withdrawReason: 200,
} as const;

/** A problem with a draft: `path` locates the value (['checklist', 2, 'code']), `message` names it in Chinese. */
export type CheckItemProblem = { field: string; path: (string | number)[]; message: string };

// Line breaks and tabs are allowed in long texts (legal bases are often lists); other control characters
// break printed documents and exports.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function textProblem(value: string | null, label: string, max: number, required: boolean): string | null {
  if (value === null || value.trim() === '') return required ? `${label}：不能为空` : null;
  if (value.length > max) return `${label}：最多 ${max} 个字符`;
  if (CONTROL.test(value)) return `${label}：含有不可见的控制字符`;
  return null;
}

/**
 * Every problem of a draft, in field order, each naming its field in Chinese (「事项名称：不能为空」,
 * 「检查表第 3 行编号：与第 1 行重复」). Required: 事项名称, 抽查依据, 抽查内容, 检查主体, 检查对象, 检查方式;
 * every text within its limit ({@link CHECK_ITEM_LIMITS}); checklist line codes unique and line texts
 * non-empty. An empty checklist is allowed: items such as 注册消防工程师执业活动 may be checked from
 * documents with no fixed list. Expects normalised fields ({@link normalizeCheckItemFields}).
 */
export function checkItemProblems(fields: CheckItemFields): CheckItemProblem[] {
  const problems: CheckItemProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ field: String(path[0]), path, message });
  for (const key of CHECK_ITEM_FIELD_KEYS) {
    if (key === 'method') {
      if (!(CHECK_METHODS as readonly string[]).includes(fields.method))
        add(['method'], '检查方式：应为现场检查、抽样送检或书面检查');
      continue;
    }
    const problem = textProblem(fields[key], CHECK_ITEM_FIELD_LABELS[key], CHECK_ITEM_LIMITS[key], REQUIRED_TEXT.includes(key));
    if (problem) add([key], problem);
  }
  if (fields.checklist.length > CHECK_ITEM_LIMITS.checklistLines) {
    add(['checklist'], `检查表：最多 ${CHECK_ITEM_LIMITS.checklistLines} 行`);
  }
  const firstRowOfCode = new Map<string, number>();
  fields.checklist.forEach((line, index) => {
    const row = `检查表第 ${index + 1} 行`;
    const codeProblem = textProblem(line.code, `${row}编号`, CHECK_ITEM_LIMITS.lineCode, true);
    if (codeProblem) add(['checklist', index, 'code'], codeProblem);
    else {
      const first = firstRowOfCode.get(line.code);
      if (first !== undefined) add(['checklist', index, 'code'], `${row}编号：「${line.code}」与第 ${first + 1} 行重复`);
      else firstRowOfCode.set(line.code, index);
    }
    const lineTextProblem = textProblem(line.text, `${row}检查内容`, CHECK_ITEM_LIMITS.lineText, true);
    if (lineTextProblem) add(['checklist', index, 'text'], lineTextProblem);
    if (!(CHECKLIST_APPLIES_TO as readonly string[]).includes(line.appliesTo)) {
      add(['checklist', index, 'appliesTo'], `${row}适用范围：应为所有单位、消防安全重点单位或人员密集场所`);
    }
    const basisProblem = textProblem(line.basis, `${row}依据`, CHECK_ITEM_LIMITS.lineBasis, false);
    if (basisProblem) add(['checklist', index, 'basis'], basisProblem);
  });
  return problems;
}

const trimmed = (value: string) => value.trim();
const optional = (value: string | null | undefined) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};

type OptionalTextField = 'subItem' | 'ratio' | 'frequency' | 'inspectorRequirements' | 'notes';

/** Input as a form or request sends it: optional texts may be missing, empty or null. */
export type CheckItemFieldsInput = Omit<CheckItemFields, OptionalTextField | 'checklist'> & {
  [K in OptionalTextField]?: string | null | undefined;
} & { checklist: (Omit<ChecklistLine, 'basis'> & { basis?: string | null | undefined })[] };

/** Trims every text; an empty optional text becomes null. Line codes and texts are trimmed too. */
export function normalizeCheckItemFields(input: CheckItemFieldsInput): CheckItemFields {
  return {
    name: trimmed(input.name),
    subItem: optional(input.subItem),
    legalBasis: trimmed(input.legalBasis),
    content: trimmed(input.content),
    inspectingBody: trimmed(input.inspectingBody),
    objectType: trimmed(input.objectType),
    method: input.method,
    ratio: optional(input.ratio),
    frequency: optional(input.frequency),
    inspectorRequirements: optional(input.inspectorRequirements),
    notes: optional(input.notes),
    checklist: input.checklist.map((line) => ({
      code: trimmed(line.code),
      text: trimmed(line.text),
      appliesTo: line.appliesTo,
      basis: optional(line.basis),
    })),
  };
}

/**
 * The problem with a draft's 修改说明 (change note), or null: a draft of a published item (version 2 and
 * later) must say what changed — the portal shows it in the history; at most 500 characters.
 */
export function changeNoteProblem(version: number, note: string | null): string | null {
  if (note && note.length > CHECK_ITEM_LIMITS.changeNote) return `修改说明：最多 ${CHECK_ITEM_LIMITS.changeNote} 个字符`;
  if (version > 1 && !note?.trim()) return '修改说明：修改已发布的抽查事项时必须说明修改内容';
  return null;
}

/** 事项编码 such as XF-01: upper-case letters, digits and hyphens, starting with a letter (it appears in portal URLs). */
const CODE_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** The problem with an item code, or null. Codes are compared upper-cased ({@link normalizeCheckItemCode}). */
export function checkItemCodeProblem(code: string): string | null {
  if (code === '') return '事项编码：不能为空';
  if (code.length < 2 || code.length > CHECK_ITEM_LIMITS.code) return `事项编码：应为 2–${CHECK_ITEM_LIMITS.code} 个字符`;
  if (!CODE_PATTERN.test(code)) return '事项编码：只能包含大写字母、数字和连字符，以字母开头，例如 XF-07';
  return null;
}

export function normalizeCheckItemCode(code: string): string {
  return code.trim().toUpperCase();
}
