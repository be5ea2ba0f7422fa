import { PlusOutlined } from '@ant-design/icons';
import type { TriggerEventView } from '@contracts/plans.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { closeTriggerEvent, planKeys, triggerEventsQuery } from '../../api/plans.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryTable } from '../../components/query-table.tsx';
import { TriggerEventModal } from './trigger-event-modal.tsx';
import { ReasonModal } from '../components/reason-modal.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';

const KIND_COLORS: Record<string, string> = { complaint: 'orange', report: 'gold', bad_credit: 'red', incident: 'volcano' };

export default function TriggerEventsPage() {
  const { canChange } = useSession();
  const canManage = canChange('plans.manage');
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const open = searchParams.get('tab') !== 'closed';
  const list = useQuery(triggerEventsQuery(open));
  const [registering, setRegistering] = useState(false);
  const [closing, setClosing] = useState<TriggerEventView | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: planKeys.triggerEvents });

  const columns: TableColumnsType<TriggerEventView> = [
    { title: '检查对象', key: 'unit', render: (_, e) => <Link to={`/admin/units/${e.unitId}`}>{e.unitName}</Link> },
    { title: '类型', key: 'kind', render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{e.kindLabel}</Tag> },
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn' },
    {
      title: '摘要',
      key: 'summary',
      render: (_, e) => (
        <Typography.Text style={{ maxWidth: 320 }} ellipsis={{ tooltip: e.summary }}>
          {e.summary}
        </Typography.Text>
      ),
    },
    { title: '文号或编号', key: 'reference', render: (_, e) => e.reference || '—' },
    { title: '所属大队', dataIndex: 'orgName', key: 'org' },
  ];
  if (open) columns.push({ title: '登记时间', key: 'createdAt', render: (_, e) => formatDateTime(e.createdAt) });
  if (!open) {
    columns.push(
      { title: '关闭时间', key: 'closedAt', render: (_, e) => formatDateTime(e.closedAt) },
      {
        title: '关闭理由',
        key: 'closeReason',
        render: (_, e) => <div style={{ minWidth: 120, maxWidth: 240, whiteSpace: 'normal' }}>{e.closeReason ?? '—'}</div>,
      },
    );
  } else if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, e) => (
        <Button size="small" type="link" onClick={() => setClosing(e)}>
          关闭
        </Button>
      ),
    });
  }

  const table = (
    <QueryTable<TriggerEventView> list={list} columns={columns} emptyText={open ? '没有未处理的线索' : '没有已关闭的线索'} />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="触发式线索"
        description="对有举报投诉、失信记录或发生火灾的检查对象，在随机抽取时按年度计划的倍数提高其被抽中的概率；线索处理完毕后关闭。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              登记线索
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={open ? 'open' : 'closed'}
          onChange={(key) => setSearchParams(key === 'closed' ? { tab: 'closed' } : {}, { replace: true })}
          items={[
            { key: 'open', label: '未处理', children: open ? table : null },
            { key: 'closed', label: '已关闭', children: open ? null : table },
          ]}
        />
      </Card>
      {registering ? <TriggerEventModal onClose={() => setRegistering(false)} onSaved={() => setRegistering(false)} /> : null}
      {closing ? (
        <ReasonModal
          title={`关闭线索：${closing.unitName}`}
          name="closeTriggerEventForm"
          label="关闭理由"
          okText="关闭线索"
          successText="线索已关闭"
          submit={(reason) => closeTriggerEvent(closing.id, { reason })}
          onClose={() => setClosing(null)}
          onSaved={() => {
            setClosing(null);
            refresh();
          }}
        >
          <Typography.Paragraph type="secondary">关闭后，该单位不再因这条线索提高被抽中的概率。</Typography.Paragraph>
        </ReasonModal>
      ) : null}
    </Flex>
  );
}
