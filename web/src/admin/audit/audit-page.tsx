import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntryView, AuditVerifyView } from '@contracts/audit.ts';
import { AuditListQuery } from '@contracts/audit.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Checkbox, Collapse, DatePicker, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { auditFiltersQuery, auditListQuery, verifyAuditChain } from '../../api/audit.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { formatDateTime, prettyJson, shortHash } from '../../lib/format.ts';

type AuditFilterValues = {
  q?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const DATE_FORMAT = 'YYYY-MM-DD';

/** 「检查对象 · 金华市婺城区鑫源餐饮店」: the kind of object and its name (or nothing more when it has none). */
const targetText = (entry: AuditEntryView) => (entry.targetName ? `${entry.targetTypeLabel} · ${entry.targetName}` : entry.targetTypeLabel);

/** The summary's first lines on one row: 「联系电话：138… → 139…；人员密集场所：否 → 是」. */
const linesText = (entry: AuditEntryView) => entry.lines.map((l) => `${l.label}：${l.value}`).join('；') || '—';

const columns: TableColumnsType<AuditEntryView> = [
  { title: '序号', dataIndex: 'seq', key: 'seq', width: 80, fixed: 'left' },
  { title: '时间', dataIndex: 'at', key: 'at', render: (value: string) => formatDateTime(value) },
  {
    title: '操作人',
    key: 'actor',
    render: (_, entry) => (entry.actorRoleLabel ? `${entry.actorName}（${entry.actorRoleLabel}）` : entry.actorName),
  },
  { title: '操作', dataIndex: 'actionLabel', key: 'action' },
  {
    title: '对象',
    key: 'target',
    render: (_, entry) => (
      <Typography.Text style={{ maxWidth: 220 }} ellipsis={{ tooltip: targetText(entry) }}>
        {targetText(entry)}
      </Typography.Text>
    ),
  },
  { title: '机构', dataIndex: 'orgName', key: 'org', render: (value: string | null) => value ?? '—' },
  {
    title: '内容',
    key: 'lines',
    render: (_, entry) => (
      <Typography.Text style={{ maxWidth: 280 }} ellipsis={{ tooltip: linesText(entry) }}>
        {linesText(entry)}
      </Typography.Text>
    ),
  },
];

function AuditEntryDetail({ entry }: { entry: AuditEntryView }) {
  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={1}
        items={entry.lines.map((line, i) => ({ key: String(i), label: line.label, children: <span style={{ whiteSpace: 'pre-wrap' }}>{line.value}</span> }))}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'technical',
            label: '技术细节（操作代码、对象编号、来源地址、哈希、原始记录）',
            children: (
              <Flex vertical gap={8}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { key: 'action', label: '操作代码', children: <Typography.Text code>{entry.action}</Typography.Text> },
                    { key: 'ip', label: 'IP 地址', children: entry.ip ?? '—' },
                    { key: 'target', label: '对象编号', children: <Typography.Text code>{entry.targetId ?? '—'}</Typography.Text> },
                    { key: 'hash', label: '哈希', children: <span className="hash-text">{entry.hash}</span> },
                  ]}
                />
                <pre className="json-block">{prettyJson(entry.summary)}</pre>
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function VerifyResult({ result, onClose }: { result: AuditVerifyView; onClose: () => void }) {
  const checkedAt = `校验时间 ${formatDateTime(result.verifiedAt)}`;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        title={`共校验 ${result.checked} 条，链完整`}
        description={`最新哈希 ${shortHash(result.lastHash, 16)}…；${checkedAt}`}
        closable={{ onClose }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`审计链校验未通过：第 ${result.brokenSeq} 条记录异常`}
      description={`${result.message}（已校验 ${result.checked} 条；${checkedAt}）`}
      closable={{ onClose }}
    />
  );
}

export default function AuditPage() {
  const list = useListSearch(AuditListQuery);
  const { q, actor, action, targetType, from, to, logins } = list.filters;
  const handleError = useApiErrorHandler();
  const result = useQuery(auditListQuery(list.query));
  const filters = useQuery(auditFiltersQuery());
  const verify = useMutation({ mutationFn: verifyAuditChain, onError: (error) => handleError(error) });

  const formValues: AuditFilterValues = {
    q,
    actor,
    action,
    targetType,
    range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
  };
  const applyFilters = ({ q, actor, action, targetType, range }: AuditFilterValues) =>
    list.setFilters({ q, actor, action, targetType, logins, from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) });

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="审计日志"
        description="每一项操作按顺序记入审计链，每条记录的哈希包含上一条记录的哈希，任何改动都能被校验发现。"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            校验审计链
          </Button>
        }
      />
      {verify.data ? <VerifyResult result={verify.data} onClose={() => verify.reset()} /> : null}
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<AuditFilterValues>
            name="auditFilter"
            values={formValues}
            onSearch={applyFilters}
            onReset={list.resetFilters}
          >
            <Form.Item label="操作人" name="actor">
              <Input placeholder="姓名" allowClear maxLength={64} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label="操作类型" name="action">
              <Select
                placeholder="全部"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={filters.data?.actions ?? []}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item label="对象类型" name="targetType">
              <Select placeholder="全部" allowClear options={filters.data?.targetTypes ?? []} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item label="关键字" name="q">
              <Input placeholder="对象、内容" allowClear maxLength={64} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item label="日期范围" name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
          </ListFilterForm>
          <Checkbox
            checked={logins === 'show'}
            disabled={Boolean(action)}
            onChange={(event) => list.setFilters({ ...list.filters, logins: event.target.checked ? 'show' : undefined })}
          >
            显示登录、退出记录（默认折叠；按操作类型筛选时以所选类型为准）
          </Checkbox>
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="条"
            rowKey="seq"
            expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
