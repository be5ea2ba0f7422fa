import { PlusOutlined } from '@ant-design/icons';
import type { DictionaryEntryView } from '@contracts/units.ts';
import { DICTIONARY_KIND_VALUES } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DictionaryKind } from '../../api/dictionaries.ts';
import { dictionariesQuery, updateDictionaryEntry } from '../../api/dictionaries.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { COLORED_KINDS, DictionaryEntryModal, WEIGHTED_KINDS } from './dictionary-entry-modal.tsx';
import { useDictionaryMutation } from './use-dictionary-mutation.ts';
import { DICTIONARY_KIND_LABELS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';

const KIND_HELP: Record<DictionaryKind, string> = {
  industry: '单位所属行业，用于筛选和分层抽取。',
  building_scale: '建筑规模分级。',
  special_tag: '单位的特殊标签（如电动自行车集中停放场所），可多选。',
  risk_level: '火灾风险等级；颜色用于列表中的标签。',
  credit_level: '消防安全信用等级；颜色用于列表中的标签。',
  inspector_post_weight: '各岗位检查人员的默认抽取权重；人员未单独设置权重时使用。',
  specialty: '检查人员和专家的专长。',
};

/** Kinds whose set of codes is fixed by the system (one entry per 岗位): edit only, no new entries. */
const FIXED_KINDS: readonly DictionaryKind[] = ['inspector_post_weight'];

const isKind = (value: string | null): value is DictionaryKind =>
  (DICTIONARY_KIND_VALUES as readonly (string | null)[]).includes(value);

export default function DictionariesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('kind');
  const kind: DictionaryKind = isKind(requested) ? requested : 'industry';
  const dictionaries = useQuery(dictionariesQuery);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="字典管理"
        description="名录库使用的可配置字典。停用的字典项不再出现在选择列表中，已使用它的单位保留原值。"
      />
      <Card>
        {dictionaries.isError ? (
          <LoadFailed onRetry={() => void dictionaries.refetch()} />
        ) : (
          <Tabs
            activeKey={kind}
            onChange={(key) => setSearchParams({ kind: key }, { replace: true })}
            items={DICTIONARY_KIND_VALUES.map((key) => ({
              key,
              label: DICTIONARY_KIND_LABELS[key],
              children: <DictionaryTab kind={key} entries={dictionaries.data?.[key] ?? []} loading={dictionaries.isFetching} />,
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}

function DictionaryTab({ kind, entries, loading }: { kind: DictionaryKind; entries: DictionaryEntryView[]; loading: boolean }) {
  const { canChange } = useSession();
  const canManage = canChange('dictionaries.manage');
  const [editing, setEditing] = useState<{ entry?: DictionaryEntryView } | null>(null);
  const sorted = [...entries].sort((a, b) => a.sortOrder - b.sortOrder);
  const colored = COLORED_KINDS.includes(kind) || entries.some((entry) => entry.color);
  const weighted = WEIGHTED_KINDS.includes(kind);

  const toggle = useDictionaryMutation(
    (entry: DictionaryEntryView) => updateDictionaryEntry(entry.id, { active: !entry.active }),
    {
      success: (saved) => (saved.active ? `已启用：${saved.label}` : `已停用：${saved.label}`),
    },
  );

  const columns: TableColumnsType<DictionaryEntryView> = [
    { title: '名称', dataIndex: 'label', key: 'label' },
    { title: '代码', dataIndex: 'code', key: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
  ];
  if (colored) {
    columns.push({
      title: '颜色',
      key: 'color',
      render: (_, entry) =>
        entry.color ? (
          <Flex align="center" gap={8}>
            <span className="color-swatch" style={{ background: entry.color }} aria-hidden />
            <Tag color={entry.color}>{entry.label}</Tag>
            <Typography.Text type="secondary">{entry.color}</Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    });
  }
  if (weighted) columns.push({ title: '权重', key: 'weight', render: (_, entry) => entry.weight ?? '—' });
  columns.push(
    { title: '排序', dataIndex: 'sortOrder', key: 'sortOrder', align: 'right' },
    {
      title: '启用',
      key: 'active',
      render: (_, entry) =>
        canManage ? (
          <Switch
            checked={entry.active}
            aria-label={`${entry.active ? '停用' : '启用'}：${entry.label}`}
            loading={toggle.isPending && toggle.variables.id === entry.id}
            onChange={() => toggle.mutate(entry)}
          />
        ) : entry.active ? (
          <Tag color="green">启用</Tag>
        ) : (
          <Tag>停用</Tag>
        ),
    },
  );
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, entry) => (
        <Button type="link" size="small" onClick={() => setEditing({ entry })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{KIND_HELP[kind]}</Typography.Text>
        {canManage && !FIXED_KINDS.includes(kind) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新增
          </Button>
        ) : null}
      </Flex>
      <Table<DictionaryEntryView>
        rowKey="id"
        columns={columns}
        dataSource={sorted}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无字典项' }}
      />
      {editing ? (
        <DictionaryEntryModal
          kind={kind}
          entry={editing.entry}
          nextSortOrder={sorted.length ? Math.max(...sorted.map((entry) => entry.sortOrder)) + 1 : 0}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
