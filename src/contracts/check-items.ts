import { z } from 'zod';
import {
  CHECK_ITEM_FIELD_LABELS,
  CHECK_ITEM_LIMITS,
  CHECK_METHODS,
  CHECKLIST_APPLIES_TO,
  changeNoteProblem,
  checkItemCodeProblem,
  checkItemProblems,
  normalizeCheckItemCode,
  normalizeCheckItemFields,
  type CheckItemFields,
  type CheckMethod,
  type ChecklistLine,
} from '../domain/check-items/check-item.ts';
import { cleanText, isoDateTime, paramText, text, uuidParam } from './common.ts';

/*
 * 抽查事项清单 (random-inspection item list), versioned:
 *   GET  /api/check-items                       → CheckItemListResponse (any logged-in account)
 *   POST /api/check-items          CreateCheckItemRequest      → CheckItemDetail (201)
 *   GET  /api/check-items/:id                   → CheckItemDetail (all versions, newest first)
 *   PUT  /api/check-items/:id/draft SaveCheckItemDraftRequest  → CheckItemDetail
 *   POST /api/check-items/:id/publish PublishCheckItemRequest  → CheckItemDetail
 *   POST /api/check-items/:id/withdraw WithdrawCheckItemRequest → CheckItemDetail
 *   GET  /api/public/check-items                → PublicCheckItemListResponse (no login; published only)
 *   GET  /api/public/check-items/:code          → PublicCheckItemDetail
 *
 * The draft rules are the domain's own (src/domain/check-items/check-item.ts), re-exported here so the web
 * form validates with exactly the code the server runs (docs/decisions/0009).
 */
export {
  CHECK_ITEM_FIELD_KEYS,
  CHECK_ITEM_FIELD_LABELS,
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
} from '../domain/check-items/check-item.ts';
export type { CheckItemFields, CheckMethod, ChecklistAppliesTo, ChecklistLine } from '../domain/check-items/check-item.ts';

type IssueLike = { path?: readonly PropertyKey[] | undefined };

/** 「检查表第 3 行编号」 for an issue inside checklist[2].code; the plain label elsewhere. */
const lineLabel = (part: string) => (issue: IssueLike) => {
  const row = issue.path?.[1];
  return typeof row === 'number' ? `检查表第 ${row + 1} 行${part}` : `检查表${part}`;
};
/** The text rule's characters; the lengths are the domain's (its messages name the limits). */
const textOf = (label: string | ((issue: IssueLike) => string)) =>
  text((path) => (typeof label === 'string' ? label : label({ path })), { min: 0, trim: false });
const optionalTextOf = (label: string) => textOf(label).nullish();
const L = CHECK_ITEM_FIELD_LABELS;

export const ChecklistLineInput = z.object({
  code: textOf(lineLabel('编号')),
  text: textOf(lineLabel('检查内容')),
  appliesTo: z.enum(CHECKLIST_APPLIES_TO, {
    error: (issue) => `${lineLabel('适用范围')(issue)}：应为 all（所有单位）、key（消防安全重点单位）或 crowded（人员密集场所）`,
  }),
  basis: textOf(lineLabel('依据')).nullish(),
});

/** The fields of a version as sent; trimmed and checked by the domain rules after the shape is right. */
const fieldsShape = {
  name: textOf(L.name),
  subItem: optionalTextOf(L.subItem),
  legalBasis: textOf(L.legalBasis),
  content: textOf(L.content),
  inspectingBody: textOf(L.inspectingBody),
  objectType: textOf(L.objectType),
  method: z.enum(CHECK_METHODS, { error: '检查方式：应为 on_site（现场检查）、sampling（抽样送检）或 documentary（书面检查）' }),
  ratio: optionalTextOf(L.ratio),
  frequency: optionalTextOf(L.frequency),
  inspectorRequirements: optionalTextOf(L.inspectorRequirements),
  notes: optionalTextOf(L.notes),
  // The domain limits the lines to 100 with a Chinese message; this bound only stops absurd bodies early.
  checklist: z.array(ChecklistLineInput, { error: '检查表：必须是列表' }).max(1000, '检查表：行数过多'),
};

const changeNoteField = optionalTextOf('修改说明').transform((v) => (v ?? '').trim() || null);

/** Adds every domain problem of the normalised fields as an issue at its own path. */
function addProblems(fields: CheckItemFields, ctx: z.RefinementCtx) {
  for (const problem of checkItemProblems(fields)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
}

/** The change note's length; whether one is required depends on the version, which the server knows. */
function addChangeNoteProblem(note: string | null, ctx: z.RefinementCtx) {
  const problem = changeNoteProblem(1, note);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['changeNote'] });
}

/** 新建抽查事项: the item's code and owner, and the text of draft version 1. */
export const CreateCheckItemRequest = z
  .object({
    code: text('事项编码', { min: 0, trim: false }).transform(normalizeCheckItemCode),
    /** null: the national list (system administrators); omitted: the actor's own org (national for a system administrator). */
    ownerOrgId: uuidParam('所属机构').nullish(),
    changeNote: changeNoteField,
    ...fieldsShape,
  })
  .transform(({ code, ownerOrgId, changeNote, ...fields }) => ({
    code,
    ownerOrgId,
    changeNote,
    fields: normalizeCheckItemFields(fields),
  }))
  .superRefine((value, ctx) => {
    const codeProblem = checkItemCodeProblem(value.code);
    if (codeProblem) ctx.addIssue({ code: 'custom', message: codeProblem, path: ['code'] });
    addProblems(value.fields, ctx);
    addChangeNoteProblem(value.changeNote, ctx);
  });
export type CreateCheckItemRequest = z.input<typeof CreateCheckItemRequest>;

/** Saves the item's draft: updates the open draft, or starts version n+1 from these fields. */
export const SaveCheckItemDraftRequest = z
  .object({ changeNote: changeNoteField, ...fieldsShape })
  .transform(({ changeNote, ...fields }) => ({ changeNote, fields: normalizeCheckItemFields(fields) }))
  .superRefine((value, ctx) => {
    addProblems(value.fields, ctx);
    addChangeNoteProblem(value.changeNote, ctx);
  });
export type SaveCheckItemDraftRequest = z.input<typeof SaveCheckItemDraftRequest>;

/** Publishes the draft the user saw: its version number and last-saved time, so a changed draft is not published unseen. */
export const PublishCheckItemRequest = z.object({
  version: z.number({ error: '版本号：必须是数字' }).int('版本号：必须是整数').min(1, '版本号：至少为 1'),
  updatedAt: isoDateTime('草稿保存时间'),
});
export type PublishCheckItemRequest = z.infer<typeof PublishCheckItemRequest>;

export const WithdrawCheckItemRequest = z.object({ reason: cleanText('废止原因', CHECK_ITEM_LIMITS.withdrawReason) });
export type WithdrawCheckItemRequest = z.infer<typeof WithdrawCheckItemRequest>;

export const CheckItemParams = z.object({ id: uuidParam('抽查事项') });
export type CheckItemParams = z.infer<typeof CheckItemParams>;

export const PublicCheckItemParams = z.object({
  code: paramText('事项编码', CHECK_ITEM_LIMITS.code, { tooLong: '事项编码：过长' }).transform(normalizeCheckItemCode),
});
export type PublicCheckItemParams = z.infer<typeof PublicCheckItemParams>;

export const CHECK_ITEM_VERSION_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;

export type ChecklistLineView = ChecklistLine & { appliesToLabel: string };

/** What one version says, with labels. */
export type CheckItemContentView = Omit<CheckItemFields, 'checklist'> & { methodLabel: string; checklist: ChecklistLineView[] };

/** A field that changed from the previous version; the method is shown by its label. */
export type FieldChangeView = { field: string; label: string; before: string | null; after: string | null };

export type CheckItemVersionDiffView = {
  fields: FieldChangeView[];
  checklist: {
    added: ChecklistLineView[];
    removed: ChecklistLineView[];
    changed: { code: string; before: ChecklistLineView; after: ChecklistLineView; fields: string[] }[];
    reordered: boolean;
  };
  unchanged: boolean;
};

export type CheckItemVersionView = CheckItemContentView & {
  version: number;
  status: 'draft' | 'published';
  statusLabel: string;
  changeNote: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  createdByName: string | null;
  publishedByName: string | null;
  /** What changed from the previous version; null for version 1. */
  diff: CheckItemVersionDiffView | null;
};

export type CheckItemListItem = {
  id: string;
  code: string;
  ownerOrgId: string | null;
  /** null: the national list. */
  ownerOrgName: string | null;
  /** The latest published version (what the portal shows); null while the item has never been published. */
  current: { version: number; name: string; method: CheckMethod; methodLabel: string; publishedAt: string } | null;
  draft: { version: number; name: string; updatedAt: string } | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  /** The caller may edit, publish and withdraw it. */
  canManage: boolean;
};
export type CheckItemListResponse = { items: CheckItemListItem[] };

export type CheckItemDetail = Omit<CheckItemListItem, 'current' | 'draft'> & {
  /** Newest first: the draft (if any), then the published versions. */
  versions: CheckItemVersionView[];
  /** Where the wording and ratios come from, what is still to be checked: admin only, never on the portal. */
  internalNote: string | null;
};

/** The portal's view of a published version: no account names, no draft state. */
export type PublicCheckItemVersionView = CheckItemContentView & {
  version: number;
  changeNote: string | null;
  publishedAt: string;
  diff: CheckItemVersionDiffView | null;
};

export type PublicCheckItemListItem = {
  code: string;
  ownerOrgName: string | null;
  version: number;
  name: string;
  method: CheckMethod;
  methodLabel: string;
  inspectingBody: string;
  objectType: string;
  publishedAt: string;
  withdrawnAt: string | null;
};
export type PublicCheckItemListResponse = { items: PublicCheckItemListItem[] };

export type PublicCheckItemDetail = {
  code: string;
  ownerOrgName: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  current: PublicCheckItemVersionView;
  /** The earlier published versions, newest first. */
  history: PublicCheckItemVersionView[];
};
