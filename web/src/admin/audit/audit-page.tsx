import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditEntryView, AuditVerifyView } from '@contracts/audit.ts';
import { AuditListQuery } from '@contracts/audit.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { auditActionsQuery, auditListQuery, verifyAuditChain } from '../../api/audit.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { compactJson, formatDateTime, prettyJson, shortHash } from '../../lib/format.ts';

type AuditFilterValues = { q?: string; action?: string; range?: [Dayjs | null, Dayjs | null] | null };

const DATE_FORMAT = 'YYYY-MM-DD';

const targetText = (entry: AuditEntryView) => (entry.targetId ? `${entry.targetType}/${entry.targetId}` : entry.targetType);

const columns: TableColumnsType<AuditEntryView> = [
  { title: '序号', dataIndex: 'seq', key: 'seq', width: 80, fixed: 'left' },
  { title: '时间', dataIndex: 'at', key: 'at', render: (value: string) => formatDateTime(value) },
  { title: '操作人', dataIndex: 'actorName', key: 'actor' },
  { title: '角色', dataIndex: 'actorRoleLabel', key: 'role', render: (value: string | null) => value ?? '—' },
  {
    title: '操作',
    key: 'action',
    render: (_, entry) => (
      <Tooltip title={entry.action}>
        <span>{entry.actionLabel}</span>
      </Tooltip>
    ),
  },
  {
    title: '对象',
    key: 'target',
    render: (_, entry) => (
      <Typography.Text style={{ maxWidth: 160 }} ellipsis={{ tooltip: targetText(entry) }}>
        {targetText(entry)}
      </Typography.Text>
    ),
  },
  { title: '机构', dataIndex: 'orgName', key: 'org', render: (value: string | null) => value ?? '—' },
  {
    title: '摘要',
    key: 'summary',
    render: (_, entry) => (
      <Typography.Text style={{ maxWidth: 220 }} ellipsis>
        {compactJson(entry.summary)}
      </Typography.Text>
    ),
  },
  {
    title: '哈希',
    dataIndex: 'hash',
    key: 'hash',
    render: (hash: string) => (
      <Typography.Text code copyable={{ text: hash }} title={hash}>
        {shortHash(hash)}
      </Typography.Text>
    ),
  },
];

function AuditEntryDetail({ entry }: { entry: AuditEntryView }) {
  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'action', label: '操作代码', children: entry.action },
          { key: 'ip', label: 'IP 地址', children: entry.ip ?? '—' },
          { key: 'target', label: '对象', children: targetText(entry) },
          { key: 'hash', label: '哈希', children: <span className="hash-text">{entry.hash}</span> },
        ]}
      />
      <pre className="json-block">{prettyJson(entry.summary)}</pre>
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
  const { q, action, from, to } = list.filters;
  const handleError = useApiErrorHandler();
  const result = useQuery(auditListQuery(list.query));
  const actions = useQuery(auditActionsQuery());
  const verify = useMutation({ mutationFn: verifyAuditChain, onError: (error) => handleError(error) });

  const formValues: AuditFilterValues = {
    q,
    action,
    range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
  };
  const applyFilters = ({ q, action, range }: AuditFilterValues) =>
    list.setFilters({ q, action, from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) });

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
            <Form.Item label="关键字" name="q">
              <Input placeholder="操作人、对象等" allowClear maxLength={64} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item label="操作类型" name="action">
              <Select
                placeholder="全部"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={actions.data ?? []}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item label="日期范围" name="range">
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
          </ListFilterForm>
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
