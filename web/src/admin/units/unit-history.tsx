import type { UnitHistoryItem } from '@contracts/units.ts';
import { Empty, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DictionaryKind } from '../../api/dictionaries.ts';
import type { DictionaryLookup } from '../../hooks/use-dictionaries.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  labelOf,
  UNIT_CATEGORY_LABELS,
  UNIT_FLAG_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUS_LABELS,
} from '../../lib/registry-labels.ts';

/** Chinese names of the keys a unit history summary may hold. Unknown keys are shown as they are. */
const FIELD_LABELS: Record<string, string> = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  registeredAddress: '住所（注册地址）',
  address: '实际经营地址',
  districtCode: '行政区划',
  street: '街道（乡镇）',
  community: '社区（村）',
  category: '单位类别',
  ...UNIT_FLAG_LABELS,
  industry: '行业',
  buildingScale: '建筑规模',
  riskLevel: '风险等级',
  creditLevel: '信用等级',
  tags: '标签',
  legalRepresentative: '法定代表人',
  contactName: '联系人',
  contactPhone: '联系电话',
  safetyOwner: '消防安全责任人',
  safetyManager: '消防安全管理人',
  source: '数据来源',
  status: '状态',
  effectiveOn: '生效日期',
  statusEffectiveOn: '生效日期',
  reason: '原因',
  brigadeId: '所属大队',
  brigade: '所属大队',
  brigadeName: '所属大队',
  fromBrigade: '转出大队',
  fromBrigadeName: '转出大队',
  toBrigade: '转入大队',
  toBrigadeName: '转入大队',
  flagged: '待核实标记',
  flagReason: '标记原因',
  fileName: '文件名',
  importId: '导入批次',
  reconciliationId: '比对批次',
  rowNumber: '行号',
};

/** Code fields whose values are shown by label. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: UNIT_STATUS_LABELS,
  category: UNIT_CATEGORY_LABELS,
  source: UNIT_SOURCE_LABELS,
};
const DICTIONARY_FIELDS: Record<string, DictionaryKind> = {
  industry: 'industry',
  buildingScale: 'building_scale',
  riskLevel: 'risk_level',
  creditLevel: 'credit_level',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function formatValue(field: string, value: unknown, dictionaries: DictionaryLookup): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value))
    return value.length ? value.map((item) => formatValue(field, item, dictionaries)).join('、') : '（空）';
  if (typeof value === 'string') {
    const labels = VALUE_LABELS[field];
    if (labels) return labelOf(labels, value);
    const kind = DICTIONARY_FIELDS[field];
    if (kind) return dictionaries.label(kind, value) ?? value;
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** `[before, after]`: a change of one field. */
const isChangePair = (value: unknown): value is [unknown, unknown] =>
  Array.isArray(value) && value.length === 2 && value.every((item) => !isPlainObject(item));

function SummaryLines({ summary, dictionaries }: { summary: unknown; dictionaries: DictionaryLookup }) {
  if (summary === null || summary === undefined) return null;
  if (!isPlainObject(summary)) return <Typography.Text>{formatValue('', summary, dictionaries)}</Typography.Text>;

  const lines: ReactNode[] = [];
  const add = (field: string, value: unknown) => {
    const label = FIELD_LABELS[field] ?? field;
    if (isChangePair(value)) {
      lines.push(
        <div key={`${lines.length}-${field}`} className="history-line">
          <Typography.Text strong>{label}</Typography.Text>：
          <Typography.Text delete type="secondary">
            {formatValue(field, value[0], dictionaries)}
          </Typography.Text>
          {' → '}
          <Typography.Text>{formatValue(field, value[1], dictionaries)}</Typography.Text>
        </div>,
      );
    } else if (isPlainObject(value) && 'before' in value && 'after' in value) {
      add(field, [value.before, value.after]);
    } else if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) add(key, inner);
    } else {
      lines.push(
        <div key={`${lines.length}-${field}`} className="history-line">
          <Typography.Text strong>{label}</Typography.Text>：
          <Typography.Text>{formatValue(field, value, dictionaries)}</Typography.Text>
        </div>,
      );
    }
  };
  for (const [field, value] of Object.entries(summary)) add(field, value);
  return lines.length ? <>{lines}</> : null;
}

/** 变更记录: the unit's dated history (newest first), each change as field: before → after. */
export function UnitHistory({ history, dictionaries }: { history: UnitHistoryItem[]; dictionaries: DictionaryLookup }) {
  if (!history.length) return <Empty description="暂无变更记录" />;
  const items = [...history].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline
      items={items.map((item, index) => ({
        key: `${item.at}-${index}`,
        color: item.kind === 'status' || item.kind === 'flag' ? 'red' : item.kind === 'create' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text>
              <Typography.Text strong>{item.kindLabel}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                · {formatDateTime(item.at)} · {item.actorName}
              </Typography.Text>
            </Typography.Text>
            <SummaryLines summary={item.summary} dictionaries={dictionaries} />
          </Flex>
        ),
      }))}
    />
  );
}
