import { DownloadOutlined } from '@ant-design/icons';
import type { ImportPreviewView, ImportResultView, ImportRowView } from '@contracts/imports.ts';
import { useMutation } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Col, Descriptions, Flex, Radio, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { importReportUrl, updateImportMapping } from '../../api/imports.ts';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { formatDateTime } from '../../lib/format.ts';
import { colorOf, IMPORT_OUTCOME_COLORS, IMPORT_OUTCOME_LABELS } from '../../lib/registry-labels.ts';

export type CommitMode = 'refuse' | 'skip';

const IGNORE = '';

/** The dry-run result of an upload: counts, column mapping, problem rows, then the commit choice. */
export function ImportPreview({
  preview,
  committing,
  onPreviewChange,
  onCommit,
  onRestart,
}: {
  preview: ImportPreviewView;
  committing: boolean;
  onPreviewChange: (preview: ImportPreviewView) => void;
  onCommit: (mode: CommitMode) => void;
  onRestart: () => void;
}) {
  const { counts } = preview;
  const [mode, setMode] = useState<CommitMode>('refuse');
  const keyLabel = preview.kind === 'inspectors' ? '警号/工号' : '统一社会信用代码';
  const nameLabel = preview.kind === 'inspectors' ? '姓名' : '单位名称';
  const writable = counts.new + counts.changed;

  const stats = [
    { key: 'new', title: '新增', value: counts.new, color: '#389e0d' },
    { key: 'changed', title: '变更', value: counts.changed, color: '#1677ff' },
    { key: 'unchanged', title: '无变化', value: counts.unchanged },
    { key: 'invalid', title: '错误', value: counts.invalid, color: counts.invalid ? '#cf1322' : undefined },
    { key: 'warnings', title: '警告', value: counts.warnings, color: counts.warnings ? '#d48806' : undefined },
    { key: 'duplicatesInFile', title: '文件内重复', value: counts.duplicatesInFile },
    { key: 'probableDuplicates', title: '疑似重复', value: counts.probableDuplicates },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title="预览（尚未写入）" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'file', label: '文件', children: preview.fileName },
            { key: 'encoding', label: '编码', children: preview.encoding ?? 'Excel' },
            { key: 'rows', label: '数据行数', children: preview.totalRows },
            { key: 'org', label: preview.kind === 'units' ? '导入大队' : '导入机构', children: preview.orgName },
            { key: 'created', label: '上传时间', children: formatDateTime(preview.createdAt) },
            {
              key: 'sha',
              label: '文件指纹',
              children: (
                <Typography.Text className="hash-text" copyable={{ text: preview.fileSha256 }}>
                  {preview.fileSha256.slice(0, 16)}…
                </Typography.Text>
              ),
            },
          ]}
        />
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          {stats.map((stat) => (
            <Col key={stat.key} xs={12} sm={8} md={6} xl={3}>
              <Statistic
                title={stat.title}
                value={stat.value}
                styles={stat.color ? { content: { color: stat.color } } : undefined}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <ColumnMapping
        // A new preview (after re-mapping) starts again from its own mapping.
        key={preview.columns.map((column) => `${column.index}:${column.field ?? ''}`).join('|')}
        preview={preview}
        onPreviewChange={onPreviewChange}
      />

      <Card title="问题与变更明细" size="small">
        <ImportRowsTable rows={preview.rows} keyLabel={keyLabel} nameLabel={nameLabel} />
        {preview.rowsTruncated ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            仅显示前 {preview.rows.length} 行；完整清单请下载报告。
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card title="确认导入" size="small">
        <Flex vertical gap={12}>
          {counts.invalid ? (
            <Alert
              type="warning"
              showIcon
              title={`文件中有 ${counts.invalid} 行错误`}
              description="选择“整体拒绝”将不写入任何数据；选择“跳过错误行”将导入其余行，错误行列入报告。"
            />
          ) : (
            <Alert type="success" showIcon title="没有错误行" />
          )}
          <Radio.Group
            aria-label="导入方式"
            value={mode}
            onChange={(event) => setMode(event.target.value as CommitMode)}
            options={[
              { value: 'refuse', label: '整体拒绝（有错误行时不导入任何数据）' },
              { value: 'skip', label: '跳过错误行（导入其余各行）' },
            ]}
          />
          <Typography.Text type="secondary">
            将新增 {counts.new} 条、变更 {counts.changed} 条；{counts.unchanged} 条无变化。全部在一个事务中写入。
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              loading={committing}
              disabled={writable === 0 && counts.invalid === 0}
              onClick={() => onCommit(mode)}
            >
              确认导入
            </Button>
            <Button icon={<DownloadOutlined />} href={importReportUrl(preview.id)}>
              下载报告
            </Button>
            <Button onClick={onRestart}>重新上传</Button>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}

/** Which column feeds which field; changes are sent with 应用列映射 and give a new preview. */
function ColumnMapping({
  preview,
  onPreviewChange,
}: {
  preview: ImportPreviewView;
  onPreviewChange: (preview: ImportPreviewView) => void;
}) {
  const handleError = useApiErrorHandler();
  const initial = useMemo(
    () => Object.fromEntries(preview.columns.map((column) => [String(column.index), column.field ?? IGNORE])),
    [preview.columns],
  );
  const [mapping, setMapping] = useState<Record<string, string>>(initial);
  const dirty = Object.keys(initial).some((key) => initial[key] !== mapping[key]);
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  const missing = preview.fields.filter((field) => field.required && !mapped.has(field.field));
  const usedTwice = [...mapped].filter((field) => Object.values(mapping).filter((value) => value === field).length > 1);
  const labelOfField = (field: string) => preview.fields.find((f) => f.field === field)?.label ?? field;

  const save = useMutation({
    mutationFn: () =>
      updateImportMapping(preview.id, {
        mapping: Object.fromEntries(Object.entries(mapping).map(([key, field]) => [key, field || null])),
      }),
    onSuccess: onPreviewChange,
    onError: (error) => handleError(error),
  });

  const options = [
    { value: IGNORE, label: '（忽略此列）' },
    ...preview.fields.map((field) => ({ value: field.field, label: field.required ? `${field.label} *` : field.label })),
  ];

  return (
    <Card
      title="列映射"
      size="small"
      extra={
        <Button type="primary" disabled={!dirty || usedTwice.length > 0} loading={save.isPending} onClick={() => save.mutate()}>
          应用列映射
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          已按常见表头自动识别；未识别的列可手动指定对应字段，带 * 的为必填字段。修改后点击“应用列映射”重新预览。
        </Typography.Text>
        {missing.length ? (
          <Alert type="error" showIcon title={`缺少必填字段：${missing.map((field) => field.label).join('、')}`} />
        ) : null}
        {usedTwice.length ? (
          <Alert type="error" showIcon title={`以下字段对应了多列：${usedTwice.map(labelOfField).join('、')}`} />
        ) : null}
        <Table
          rowKey="index"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={preview.columns}
          columns={[
            { title: '列', key: 'index', width: 60, render: (_, column) => column.index + 1 },
            { title: '文件表头', key: 'header', render: (_, column) => column.header || '（空表头）' },
            {
              title: '对应字段',
              key: 'field',
              render: (_, column) => (
                <Select
                  aria-label={`第 ${column.index + 1} 列（${column.header || '空表头'}）对应字段`}
                  value={mapping[String(column.index)] ?? IGNORE}
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 220 }}
                  onChange={(value) => setMapping((current) => ({ ...current, [String(column.index)]: value }))}
                />
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

function ImportRowsTable({ rows, keyLabel, nameLabel }: { rows: ImportRowView[]; keyLabel: string; nameLabel: string }) {
  const columns: TableColumnsType<ImportRowView> = [
    { title: '行号', dataIndex: 'rowNumber', key: 'rowNumber', width: 72 },
    {
      title: '结果',
      key: 'outcome',
      width: 80,
      render: (_, row) => (
        <Tag color={colorOf(IMPORT_OUTCOME_COLORS, row.outcome)}>{IMPORT_OUTCOME_LABELS[row.outcome] ?? row.outcome}</Tag>
      ),
    },
    { title: keyLabel, key: 'key', render: (_, row) => row.key || '—' },
    { title: nameLabel, key: 'name', render: (_, row) => row.name || '—' },
    {
      title: '错误与警告',
      key: 'messages',
      render: (_, row) =>
        row.errors.length || row.warnings.length ? (
          <Flex vertical gap={2}>
            {row.errors.map((error, index) => (
              <Typography.Text key={`e${index}`} type="danger">
                {error}
              </Typography.Text>
            ))}
            {row.warnings.map((warning, index) => (
              <Typography.Text key={`w${index}`} type="warning">
                {warning}
              </Typography.Text>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '变更内容',
      key: 'diff',
      render: (_, row) =>
        row.diff.length ? (
          <Flex vertical gap={2}>
            {row.diff.map((change) => (
              <span key={change.field}>
                <Typography.Text strong>{change.label}</Typography.Text>：
                <Typography.Text delete type="secondary">
                  {change.before ?? '（空）'}
                </Typography.Text>
                {' → '}
                <Typography.Text>{change.after ?? '（空）'}</Typography.Text>
              </span>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<ImportRowView>
      rowKey="rowNumber"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 行` }}
      locale={{ emptyText: '没有错误、警告或变更' }}
    />
  );
}

/** What a commit did: 已导入 N 条 (new + changed), or the refusal of the whole file. */
export function ImportResultSummary({
  result,
  importId,
  invalidRows,
}: {
  result: ImportResultView;
  importId: string;
  /** Rows with errors in the preview (the reason for a refusal). */
  invalidRows: number;
}) {
  const imported = result.created + result.updated;
  const refused = result.status === 'refused';
  return (
    <Alert
      type={refused ? 'error' : 'success'}
      showIcon
      title={refused ? '导入被拒绝：文件中有错误行，未写入任何数据' : `已导入 ${imported} 条`}
      description={
        <Flex vertical gap={8}>
          <span>
            {refused
              ? `共 ${invalidRows} 行有错误，详见报告。请修正后重新上传，或选择“跳过错误行”。`
              : `新增 ${result.created} 条，更新 ${result.updated} 条，无变化 ${result.unchanged} 条，跳过 ${result.skipped} 条。`}{' '}
            导入方式：{result.mode === 'refuse' ? '整体拒绝' : '跳过错误行'}；时间：{formatDateTime(result.committedAt)}。
          </span>
          <span>
            <Button size="small" icon={<DownloadOutlined />} href={importReportUrl(importId)}>
              下载报告
            </Button>
          </span>
        </Flex>
      }
    />
  );
}
