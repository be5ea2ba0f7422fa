import { OUTBOX_CHANNEL_LABELS, OUTBOX_STATE_LABELS, OUTBOX_STATES, OutboxListQuery, type OutboxMessageView, type OutboxState } from '@contracts/field.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { outboxQuery } from '../../api/records.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { OUTBOX_STATE_COLORS } from './record-helpers.ts';

const STATE_OPTIONS = OUTBOX_STATES.map((value) => ({ value, label: OUTBOX_STATE_LABELS[value] }));
/** How a message leaves: by the SMS gateway, or kept here for the administrator to read and pass on (log). */

const columns: TableColumnsType<OutboxMessageView> = [
  { title: '生成时间', key: 'created', render: (_, m) => formatDateTime(m.createdAt) },
  { title: '状态', key: 'state', render: (_, m) => <Tag color={OUTBOX_STATE_COLORS[m.state]}>{m.stateLabel}</Tag> },
  {
    title: '检查对象',
    key: 'unit',
    render: (_, m) =>
      m.taskId ? <Link to={`/admin/tasks/${m.taskId}`}>{m.unitName ?? '查看任务'}</Link> : (m.unitName ?? '—'),
  },
  {
    title: '接收人',
    key: 'recipient',
    render: (_, m) => (
      <div>
        <span data-latin>{m.recipient}</span>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {OUTBOX_CHANNEL_LABELS[m.channel]}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  {
    title: '内容',
    key: 'body',
    render: (_, m) => (
      <Typography.Text style={{ maxWidth: 240 }} ellipsis={{ tooltip: m.body }}>
        {m.body}
      </Typography.Text>
    ),
  },
  { title: '尝试次数', key: 'attempts', align: 'right', render: (_, m) => m.attempts },
  {
    title: '最近错误',
    key: 'error',
    render: (_, m) =>
      m.lastError ? (
        <Typography.Text type="danger" style={{ maxWidth: 220 }} ellipsis={{ tooltip: m.lastError }}>
          {m.lastError}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
  { title: '发送时间', key: 'sent', render: (_, m) => formatDateTime(m.sentAt) },
];

/** The whole message and its error, under its row. */
function MessageDetail({ message }: { message: OutboxMessageView }) {
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} copyable={{ text: message.body, tooltips: ['复制', '已复制'] }}>
        {message.body}
      </Typography.Paragraph>
      {message.lastError ? <Typography.Text type="danger">最近一次发送失败：{message.lastError}</Typography.Text> : null}
    </Flex>
  );
}

/**
 * /admin/outbox: every message of the actor's scope (the pre-notices to units) with its state, newest first. A message
 * is never deleted: a failure is retried with back-off and stays here with its error (decision 0021).
 */
export default function OutboxPage() {
  const list = useListSearch(OutboxListQuery);
  const result = useQuery(outboxQuery(list.query));
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="消息发件箱"
        description="发给检查对象的事先告知等消息。发送失败的消息会按间隔自动重试，并保留失败原因；未配置短信网关时，消息在此留存，由工作人员转告。"
      />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<{ state?: OutboxState }>
            name="outboxFilter"
            values={{ state: list.filters.state }}
            onSearch={list.setFilters}
            onReset={list.resetFilters}
          >
            <Form.Item label="发送状态" name="state">
              <Select<OutboxState> placeholder="全部" allowClear options={STATE_OPTIONS} style={{ width: 140 }} />
            </Form.Item>
          </ListFilterForm>
          <ListTable
            list={list}
            result={result}
            columns={columns}
            unit="条消息"
            emptyText={list.filtered ? '没有符合条件的消息' : '还没有消息'}
            expandable={{ expandedRowRender: (message) => <MessageDetail message={message} /> }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
