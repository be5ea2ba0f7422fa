import type { CheckItemContentView, CheckItemVersionDiffView, ChecklistLineView } from '@contracts/check-items.ts';
import { CHECKLIST_APPLIES_TO_LABELS, type ChecklistAppliesTo } from '@contracts/check-items.ts';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Long texts keep their line breaks; everything is rendered as text, never as HTML. */
const multiline = (text: string | null): ReactNode =>
  text ? <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</span> : '—';

/** Applicability colours, shared by the checklist and its editor. */
export const APPLIES_TO_COLORS: Record<string, string> = { all: 'blue', key: 'volcano', crowded: 'purple' };

/** The fields of one version (事项名称 … 备注) as the item list publishes them. */
export function CheckItemFields({ content }: { content: CheckItemContentView }) {
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '事项名称', children: multiline(content.name) },
    { key: 'subItem', label: '子项', children: multiline(content.subItem) },
    { key: 'legalBasis', label: '抽查依据', children: multiline(content.legalBasis) },
    { key: 'content', label: '抽查内容', children: multiline(content.content) },
    { key: 'inspectingBody', label: '检查主体', children: multiline(content.inspectingBody) },
    { key: 'objectType', label: '检查对象', children: multiline(content.objectType) },
    { key: 'method', label: '检查方式', children: content.methodLabel },
    { key: 'ratio', label: '抽查比例', children: multiline(content.ratio) },
    { key: 'frequency', label: '抽查频次', children: multiline(content.frequency) },
    { key: 'inspectorRequirements', label: '检查人员要求', children: multiline(content.inspectorRequirements) },
    { key: 'notes', label: '备注', children: multiline(content.notes) },
  ];
  return <Descriptions items={items} column={1} bordered size="small" styles={{ label: { width: 140 } }} />;
}

const lineColumns: TableColumnsType<ChecklistLineView> = [
  { title: '编号', dataIndex: 'code', key: 'code', width: 90 },
  { title: '检查内容', dataIndex: 'text', key: 'text', render: (text: string) => multiline(text) },
  { title: '依据', dataIndex: 'basis', key: 'basis', width: 280, render: (basis: string | null) => multiline(basis) },
];

/** The checklist template grouped by the units each line applies to (所有单位 / 人员密集场所 / 重点单位). */
export function ChecklistByApplicability({ checklist }: { checklist: ChecklistLineView[] }) {
  if (checklist.length === 0) return <Empty description="该事项没有固定的检查表" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const order = ['all', 'crowded', 'key'] as const satisfies readonly ChecklistAppliesTo[];
  return (
    <Flex vertical gap={16}>
      {order.map((appliesTo) => {
        const lines = checklist.filter((line) => line.appliesTo === appliesTo);
        if (lines.length === 0) return null;
        return (
          <section key={appliesTo} aria-label={`适用于${CHECKLIST_APPLIES_TO_LABELS[appliesTo]}的检查内容`}>
            <Typography.Title level={3} style={{ fontSize: 15, margin: '0 0 8px' }}>
              <Tag color={APPLIES_TO_COLORS[appliesTo]}>{CHECKLIST_APPLIES_TO_LABELS[appliesTo]}</Tag>
              {appliesTo === 'all' ? '所有单位都检查' : `${CHECKLIST_APPLIES_TO_LABELS[appliesTo]}另行检查`}（{lines.length} 项）
            </Typography.Title>
            <Table<ChecklistLineView>
              rowKey="code"
              columns={lineColumns}
              dataSource={lines}
              pagination={false}
              size="small"
              scroll={{ x: 640 }}
            />
          </section>
        );
      })}
    </Flex>
  );
}

type FieldChangeRow = CheckItemVersionDiffView['fields'][number];

const fieldChangeColumns: TableColumnsType<FieldChangeRow> = [
  { title: '内容', dataIndex: 'label', key: 'label', width: 120 },
  { title: '修改前', dataIndex: 'before', key: 'before', render: (value: string | null) => multiline(value) },
  { title: '修改后', dataIndex: 'after', key: 'after', render: (value: string | null) => multiline(value) },
];

const LINE_FIELD_LABELS: Record<string, string> = { text: '检查内容', appliesTo: '适用范围', basis: '依据' };

const lineText = (line: ChecklistLineView) => `${line.code} ${line.text}（${line.appliesToLabel}）`;

/** What changed from the previous version: fields side by side, checklist lines added, removed and changed. */
export function VersionDiff({ diff, previousVersion }: { diff: CheckItemVersionDiffView; previousVersion: number }) {
  if (diff.unchanged) return <Typography.Text type="secondary">内容与第 {previousVersion} 版相同。</Typography.Text>;
  const { added, removed, changed, reordered } = diff.checklist;
  const lineChanges = added.length + removed.length + changed.length;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">与第 {previousVersion} 版相比：</Typography.Text>
      {diff.fields.length ? (
        <Table<FieldChangeRow>
          rowKey="field"
          columns={fieldChangeColumns}
          dataSource={diff.fields}
          pagination={false}
          size="small"
          scroll={{ x: 640 }}
        />
      ) : null}
      {lineChanges || reordered ? (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="检查表的修改">
          {added.map((line) => (
            <li key={`added-${line.code}`}>
              <Tag color="green">新增</Tag>
              {lineText(line)}
            </li>
          ))}
          {removed.map((line) => (
            <li key={`removed-${line.code}`}>
              <Tag color="red">删除</Tag>
              <Typography.Text delete>{lineText(line)}</Typography.Text>
            </li>
          ))}
          {changed.map((change) => (
            <li key={`changed-${change.code}`}>
              <Tag color="orange">修改</Tag>
              {change.code}（{change.fields.map((field) => LINE_FIELD_LABELS[field] ?? field).join('、')}）：
              <Typography.Text delete type="secondary">
                {change.before.text}（{change.before.appliesToLabel}）
              </Typography.Text>
              {' → '}
              {change.after.text}（{change.after.appliesToLabel}）
            </li>
          ))}
          {reordered ? (
            <li>
              <Tag>顺序</Tag>检查表的行序有调整
            </li>
          ) : null}
        </ul>
      ) : null}
    </Flex>
  );
}
