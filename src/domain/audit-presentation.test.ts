import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from './audit-actions.ts';
import { AUDIT_FIELD_LABELS, AUDIT_TARGET_LABELS, describeAuditSummary, formatAuditValue } from './audit-presentation.ts';

/** Every file of src/usecases, read as text (the summaries the use cases write). */
function useCaseSources(): string[] {
  const root = path.join(import.meta.dirname, '../usecases');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.includes('.test.'))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

/** The keys written directly inside `summary: { … }` objects of recordAudit calls. */
function summaryKeys(source: string): string[] {
  const keys: string[] = [];
  for (const match of source.matchAll(/summary:\s*\{/g)) {
    let depth = 1;
    let i = (match.index ?? 0) + match[0].length;
    const start = i;
    while (depth > 0 && i < source.length) {
      if (source[i] === '{') depth += 1;
      else if (source[i] === '}') depth -= 1;
      i += 1;
    }
    const body = source.slice(start, i - 1);
    for (const key of body.matchAll(/(?:^\s*|[,{\n]\s*)([a-zA-Z_][a-zA-Z0-9_]*)\s*(?=[:,\n}]|$)/g)) keys.push(key[1]!);
  }
  return keys;
}

/** Fields that edits record inside `changes` (units, inspectors, orgs, dictionary entries, experts). */
const CHANGED_FIELDS = [
  'name',
  'uscc',
  'registeredAddress',
  'address',
  'districtCode',
  'street',
  'community',
  'category',
  'isCrowded',
  'isFlammable',
  'isHighRise',
  'industry',
  'buildingScale',
  'riskLevel',
  'creditLevel',
  'tags',
  'legalRepresentative',
  'contactName',
  'contactPhone',
  'safetyOwner',
  'safetyManager',
  'source',
  'badgeNo',
  'certificateNo',
  'certificateValidFrom',
  'certificateValidUntil',
  'orgId',
  'post',
  'duty',
  'roles',
  'specialties',
  'drawWeight',
  'phone',
  'status',
  'shortName',
  'label',
  'color',
  'weight',
  'sortOrder',
  'active',
  'kind',
  'organization',
  'title',
  'notes',
  'displayName',
  'role',
];

describe('the audit log in Chinese', () => {
  it('names every key the use cases write into a summary, and every field an edit records', () => {
    const keys = new Set([...useCaseSources().flatMap(summaryKeys), ...CHANGED_FIELDS]);
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((k) => !Object.hasOwn(AUDIT_FIELD_LABELS, k));
    expect(missing).toEqual([]);
  });

  it('names every kind of object an entry can be about', () => {
    const types = new Set(useCaseSources().flatMap((s) => [...s.matchAll(/targetType:\s*'([a-z_]+)'/g)].map((m) => m[1]!)));
    expect([...types].filter((t) => !Object.hasOwn(AUDIT_TARGET_LABELS, t))).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_LABELS).length).toBeGreaterThan(60);
  });

  it('writes a change as 旧值 → 新值, and values in words', () => {
    expect(
      describeAuditSummary({
        name: '婺城区某宾馆',
        changes: { contactPhone: ['13800001111', null], isCrowded: [false, true], tags: [[], ['沿街商铺', '冷库']] },
      }),
    ).toEqual([
      { label: '名称', value: '婺城区某宾馆' },
      { label: '联系电话', value: '13800001111 → （空）' },
      { label: '人员密集场所', value: '否 → 是' },
      { label: '标签', value: '（空） → 沿街商铺、冷库' },
    ]);
    expect(describeAuditSummary({ username: 'wucheng' })).toEqual([{ label: '用户名', value: 'wucheng' }]);
    expect(formatAuditValue('brigade_admin')).toBe('大队管理员');
    expect(formatAuditValue({ quota: 5, alternates: 1 })).toBe('任务数 5；备选单位 1');
    expect(formatAuditValue({ crowded_key: 5, general: 3 })).toBe('人员密集场所重点单位 5；一般单位 3');
    expect(formatAuditValue(12000)).toBe('12,000');
    expect(describeAuditSummary({ name: '某宾馆', category: 'general', changes: { category: ['general', 'key'], roles: [['lead'], ['lead', 'assistant']] } })).toEqual([
      { label: '名称', value: '某宾馆' },
      { label: '单位类别', value: '一般单位' },
      { label: '单位类别', value: '一般单位 → 重点单位' },
      { label: '角色', value: '主办 → 主办、协办' },
    ]);
    expect(describeAuditSummary({ outcome: 'unable', conclusion: 'hazards_found', channel: 'log' }).map((l) => l.value)).toEqual([
      '无法检查',
      '发现火灾隐患',
      '系统留存',
    ]);
  });
});
