import { z } from 'zod';

/** Every instant the system shows is shown in China Standard Time (src/domain/local-date.ts); the web formats with it. */
export { CHINA_TIME_ZONE } from '../domain/local-date.ts';

/** Every error response of the API. `message` is Chinese and names the field when one is at fault. */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The top-level request field at fault (the form field; a list's error names the list). */
    field: z.string().optional(),
    /** Where inside `field` exactly, when deeper: "checklist.2.code" (list indexes as numbers, dot-separated). */
    path: z.string().optional(),
    /** Every problem found, when there are several (an inspection record: one per line at fault). */
    problems: z.array(z.string()).optional(),
    /** The files (SHA-256) a record names that the server does not hold yet: upload them, then send again. */
    missing: z.array(z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/*
 * The one text rule (decision 0015). Every string that enters — body, query, path, the upload's file name — goes
 * through `text` (or a variant below), unless a regex or an enum already admits only safe characters (ids, codes).
 */

/** Control characters: C0 but tab, line feed and carriage return; DEL; C1. NUL (U+0000) PostgreSQL cannot store at all. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 surrogate pair without the other half: no character at all; jsonb refuses it, text turns it into U+FFFD. */
// (Without a lookbehind: the web runs this too, and older Safari has none.)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
/**
 * What can make a displayed name lie: bidirectional controls (U+061C, U+200E/200F, U+202A–202E, U+2066–2069), which
 * reorder what follows; zero-width characters (U+200B–200D, U+2060, U+FEFF), which make two names look alike; line and
 * paragraph separators, tabs and line breaks, which fake a second line in a list.
 */
const NAME_SPOOFING = /[\t\n\r\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]/;

/** What the database cannot store (NUL) or represent (a lone surrogate): refused everywhere, the input guard included. */
export function unstorableTextProblem(value: string): string | null {
  if (value.includes('\u0000')) return '含有空字符（U+0000），请删除后重试';
  if (LONE_SURROGATE.test(value)) return '含有无效的字符编码（不成对的代理项），请重新输入';
  return null;
}

/** The base rule's problem with `value`, in words for after 「标签：」; null when the text may enter. */
export function textProblem(value: string): string | null {
  return unstorableTextProblem(value) ?? (CONTROL_CHARACTER.test(value) ? '含有不可见的控制字符' : null);
}

/** The name rule's problem: the base rule's, and the characters that let a displayed name lie. */
export function nameTextProblem(value: string): string | null {
  return textProblem(value) ?? (NAME_SPOOFING.test(value) ? '不能含有换行、文字方向控制符或零宽字符等不可见字符' : null);
}

/** A field's label, or a function of the issue's path for a field in a list (「第 4 天的节日名称」). */
export type FieldLabel = string | ((path: readonly PropertyKey[]) => string);
const labelOf = (label: FieldLabel, issue: { path?: readonly PropertyKey[] | undefined }) =>
  typeof label === 'string' ? label : label(issue.path ?? []);

export type TextOptions = {
  /** Omitted only where the domain checks the length with its own message (check items). */
  max?: number;
  /** Fewest characters after trimming: 1 (the default) makes the text required, 0 lets it be empty. */
  min?: number;
  /** Trim surrounding white space first (the default); passwords and secrets keep theirs. */
  trim?: boolean;
  /** Refuse the characters that let a displayed name lie ({@link nameTextProblem}). */
  name?: boolean;
  /** A field's own wording where it had one before this rule (「用户名：必须填写」); the rule's otherwise. */
  messages?: { type?: string; empty?: string; tooLong?: string };
};

/**
 * Text input: a string (never a list or number), trimmed, `min`–`max` characters, without control characters or
 * lone surrogates; with `name`, without bidi controls, zero-width characters or line breaks either. Every message
 * starts with the field's label.
 */
export function text(label: FieldLabel, options: TextOptions) {
  const { max, min = 1, trim = true, name = false, messages = {} } = options;
  const say = (own: string | undefined, problem: string) => (issue: { path?: readonly PropertyKey[] | undefined }) =>
    own ?? `${labelOf(label, issue)}：${problem}`;
  let schema = z.string({ error: say(messages.type, '必须是文本') });
  if (trim) schema = schema.trim();
  if (min > 0) schema = schema.min(min, { error: say(messages.empty, min === 1 ? '不能为空' : `至少 ${min} 个字符`) });
  if (max !== undefined) schema = schema.max(max, { error: say(messages.tooLong, `最多 ${max} 个字符`) });
  const problemOf = name ? nameTextProblem : textProblem;
  return schema.refine((value) => problemOf(value) === null, {
    error: (issue) => `${labelOf(label, issue)}：${problemOf(String(issue.input))}`,
  });
}

/** Required text of at most `max` characters (the common case). */
export const cleanText = (label: FieldLabel, max: number) => text(label, { max });

/** The name of a unit, person, account, org or observer: {@link text} that also refuses what could spoof it on screen. */
export const nameText = (label: FieldLabel, max: number, messages?: TextOptions['messages']) =>
  text(label, { max, name: true, ...(messages ? { messages } : {}) });

/** A query-string value: may be empty (the filter is then off); a repeated parameter (a list) is refused as not text. */
export const queryText = (label: string, max: number, messages?: TextOptions['messages']) =>
  text(label, { max, min: 0, ...(messages ? { messages } : {}) });

/** A path segment that is free text (a code): required, trimmed, at most `max` characters. */
export const paramText = (label: string, max: number, messages?: TextOptions['messages']) =>
  text(label, { max, ...(messages ? { messages } : {}) });

export const uuidParam = (label: string) => z.string({ error: `${label}：编号格式不正确` }).uuid(`${label}：编号格式不正确`);

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The dates the system accepts: wide enough for any certificate, plan or record it keeps, narrow enough that no
 * date reaches the database or a day-by-day rule as year 0 or 9999.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2099-12-31' } as const;

/**
 * A calendar date written YYYY-MM-DD (z.iso.date: 2026-02-30 and 2025-02-29 fail) within {@link DATE_RANGE}. `label`
 * names the field, or builds the name from the issue's path when the field sits in a list (「第 4 天的日期」).
 */
export const isoDate = (label: FieldLabel) =>
  z.iso
    .date({
      error: (issue) => {
        const name = labelOf(label, issue);
        if (typeof issue.input !== 'string') return `${name}：必须是文本`;
        return DATE_SHAPE.test(issue.input) ? `${name}：不是有效的日期` : `${name}：应为 YYYY-MM-DD 格式的日期`;
      },
    })
    .refine((date) => date >= DATE_RANGE.min && date <= DATE_RANGE.max, {
      error: (issue) => `${labelOf(label, issue)}：应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间`,
    });

/** A moment written ISO 8601 with its offset (2026-06-01T08:00:00.000Z), its date within {@link DATE_RANGE}. */
export const isoDateTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}：应为 ISO 8601 时间` }).refine(
    (moment) => {
      const at = new Date(moment);
      if (Number.isNaN(at.getTime())) return false;
      const date = at.toISOString().slice(0, 10);
      return date >= DATE_RANGE.min && date <= DATE_RANGE.max;
    },
    { error: `${label}：应在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间` },
  );

export const IdParams = z.object({ id: uuidParam('编号') });
export type IdParams = z.infer<typeof IdParams>;

export const PageQuery = z.object({
  page: z.coerce.number({ error: '页码：必须是数字' }).int('页码：必须是整数').min(1, '页码：至少为 1').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数：必须是数字' })
    .int('每页条数：必须是整数')
    .min(1, '每页条数：至少为 1')
    .max(200, '每页条数：最多 200')
    .default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/**
 * One page of a server-paged list; `total` is the exact number of matching rows, unless `totalCapped`: then more rows
 * match than the list counts (`total` is its cap) and it pages no further than the cap (the admin unit list).
 */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalCapped?: boolean };

/**
 * Field keys → Chinese labels, used when a request fails validation on a field without its own message, and by the
 * server's input guard, which refuses NUL and lone surrogates before a contract reads the field.
 */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  code: '编号',
  observerId: '监督人编号',
  year: '年份',
  month: '月份',
  fileName: '文件名',
  description: '说明',
  reference: '文号或编号',
  summary: '摘要',
  notes: '备注',
  riskLevel: '风险等级',
  creditLevel: '信用等级',
  industry: '行业',
  tags: '标签',
  status: '状态',
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '姓名',
  role: '角色',
  orgId: '所属机构',
  parentId: '上级机构',
  kind: '机构类型',
  name: '名称',
  shortName: '简称',
  divisionCode: '行政区划代码',
  detachmentId: '所属支队',
  brigadeIds: '成员大队',
  reason: '原因',
  disabled: '停用',
  action: '操作类型',
  from: '开始时间',
  to: '结束时间',
  q: '关键字',
  page: '页码',
  pageSize: '每页条数',
  sha256: '文件编号',
  stratum: '分层',
};
