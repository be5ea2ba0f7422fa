import type { BlacklistEntryView, CreditFeedItemView, ExchangeBatchView } from '@contracts/exchange.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, DatePicker, Flex, Form, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  blacklistQuery,
  createExchangeBatch,
  creditFeedDownloadUrl,
  creditFeedQuery,
  exchangeBatchDownloadUrl,
  exchangeBatchesQuery,
  exchangeKeys,
  resendExchangeBatch,
} from '../../api/exchange.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime, shortHash } from '../../lib/format.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';
import { useSession } from '../../session/session-context.ts';
import { OrgSelect } from '../components/org-select.tsx';
import { ImportWizard } from '../imports/import-wizard.tsx';
import { ExchangeSettingsCard } from './exchange-settings-card.tsx';

const TABS = ['batches', 'credit', 'blacklist', 'grades'] as const;
type Tab = (typeof TABS)[number];
const DELIVERY_COLORS: Record<ExchangeBatchView['delivery']['state'], string> = { none: 'default', pending: 'gold', sent: 'green', failed: 'red' };

const monthStart = () => todayInChinaDayjs().startOf('month');
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The org and the period a tab works on; the org defaults to the user's own. */
function usePeriodForm() {
  const { session } = useSession();
  const [orgId, setOrgId] = useState(session.org.id);
  const [from, setFrom] = useState<Dayjs>(monthStart().subtract(1, 'month'));
  const [to, setTo] = useState<Dayjs>(todayInChinaDayjs());
  return { orgId, setOrgId, from, setFrom, to, setTo };
}

function PeriodFields({ name, period, withPeriod = true }: { name: string; period: ReturnType<typeof usePeriodForm>; withPeriod?: boolean }) {
  const scope = useOrgScope();
  return (
    <Flex gap={12} wrap align="end">
      <Form.Item label="机构" htmlFor={`${name}Org`} style={{ marginBottom: 0, minWidth: 220 }}>
        {/* Until the tree has loaded the select would show the id itself. */}
        <OrgSelect id={`${name}Org`} orgs={scope.orgs} value={scope.orgs.length > 0 ? period.orgId : undefined} loading={scope.loading} onChange={period.setOrgId} />
      </Form.Item>
      {withPeriod ? (
        <>
          <Form.Item label="开始日期" htmlFor={`${name}From`} style={{ marginBottom: 0 }}>
            <DatePicker id={`${name}From`} allowClear={false} value={period.from} onChange={(d) => d && period.setFrom(d)} />
          </Form.Item>
          <Form.Item label="结束日期" htmlFor={`${name}To`} style={{ marginBottom: 0 }}>
            <DatePicker id={`${name}To`} allowClear={false} value={period.to} onChange={(d) => d && period.setTo(d)} />
          </Form.Item>
        </>
      ) : null}
    </Flex>
  );
}

function BatchesTab() {
  const { canChange } = useSession();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<'publications' | 'credit'>('publications');
  const period = usePeriodForm();
  const list = useQuery(exchangeBatchesQuery(page));
  const refresh = { refresh: () => void client.invalidateQueries({ queryKey: exchangeKeys.all }) };
  const create = useNotifiedMutation(createExchangeBatch, { success: (d) => (d.ids.length > 1 ? `已生成 ${d.ids.length} 个分批` : '已生成导出批次') }, refresh);
  const resend = useNotifiedMutation(resendExchangeBatch, { success: '已加入发送队列' }, refresh);
  const columns: TableColumnsType<ExchangeBatchView> = [
    {
      title: '批次',
      key: 'batch',
      render: (_, b) => (
        <Flex vertical gap={2} style={{ minWidth: 180 }}>
          <span>
            <Tag>{b.kindLabel}</Tag>
            {b.orgName}
          </span>
          <span>
            {b.periodFrom} 至 {b.periodTo}
            {b.partCount > 1 ? `（第 ${b.part}/${b.partCount} 批）` : ''}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            生成于 {formatDateTime(b.createdAt)} · SHA-256 {shortHash(b.jsonSha256)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '条目数', dataIndex: 'itemCount' },
    {
      title: '发送状态',
      key: 'delivery',
      render: (_, b) => (
        <Flex vertical gap={2} style={{ maxWidth: 240 }}>
          <span>
            <Tag color={DELIVERY_COLORS[b.delivery.state]}>{b.delivery.stateLabel}</Tag>
          </span>
          {b.delivery.sentAt ? <Typography.Text type="secondary">发送于 {formatDateTime(b.delivery.sentAt)}</Typography.Text> : null}
          {b.delivery.lastError && b.delivery.state !== 'sent' ? <Typography.Text type="danger">{b.delivery.lastError}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, b) => (
        <Space wrap>
          <Button size="small" href={exchangeBatchDownloadUrl(b.id, 'json')} download>
            下载 JSON
          </Button>
          <Button size="small" href={exchangeBatchDownloadUrl(b.id, 'xlsx')} download>
            下载 Excel
          </Button>
          {b.canManage && canChange('registry.manage') && b.delivery.state !== 'pending' && b.delivery.state !== 'none' ? (
            <Button size="small" disabled={resend.isPending} onClick={() => resend.mutate(b.id)}>
              重新发送
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      {canChange('registry.manage') ? (
        <Card size="small" title="生成导出批次">
          <Form layout="vertical" name="exchangeBatch" onFinish={() => create.mutate({ kind, orgId: period.orgId, from: iso(period.from), to: iso(period.to) })}>
            <Flex gap={12} wrap align="end">
              <Form.Item label="内容" htmlFor="exchangeBatchKind" style={{ marginBottom: 0, minWidth: 140 }}>
                <Select
                  id="exchangeBatchKind"
                  value={kind}
                  onChange={setKind}
                  options={[
                    { value: 'publications', label: '公示信息' },
                    { value: 'credit', label: '信用推送' },
                  ]}
                />
              </Form.Item>
              <PeriodFields name="exchangeBatch" period={period} />
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                生成批次
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              公示信息：期间内公示（及已撤回）的抽查结果和行政处罚，内容与门户网站公示的完全一致；信用推送：期间内作出的行政处罚及其信用公示期。每批最多 2000 条，超过的自动分批。设置了接收地址的，生成后自动发送。
            </Typography.Paragraph>
          </Form>
        </Card>
      ) : null}
      <Table<ExchangeBatchView>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有导出批次' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 批` }}
      />
    </Flex>
  );
}

function CreditTab() {
  const period = usePeriodForm();
  const q = { orgId: period.orgId, from: iso(period.from), to: iso(period.to) };
  const feed = useQuery(creditFeedQuery(q));
  const columns: TableColumnsType<CreditFeedItemView> = [
    {
      title: '单位',
      key: 'unit',
      render: (_, i) => (
        <Flex vertical gap={2} style={{ minWidth: 180, maxWidth: 280 }}>
          <span>{i.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '处罚', key: 'penalty', render: (_, i) => `${i.penaltyLabel}（${i.decidedOn}）` },
    { title: '决定书文号', dataIndex: 'decisionNumber' },
    {
      title: '失信类别',
      key: 'serious',
      render: (_, i) => (
        <span>
          <Tag color={i.serious ? 'red' : 'default'}>{i.seriousLabel}</Tag>
          {i.seriousReasons.join('、')}
        </span>
      ),
    },
    { title: '信用公示期', key: 'period', render: (_, i) => `${i.periodFrom} 至 ${i.periodUntil}` },
    { title: '可申请修复', dataIndex: 'repairableFrom' },
    { title: '状态', key: 'state', render: (_, i) => (i.statusLabel === '已撤回' ? <Tag>已撤回</Tag> : i.current ? <Tag color="orange">公示中</Tag> : <Tag>已期满</Tag>) },
  ];
  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" name="creditFeed">
        <Flex gap={12} wrap align="end">
          <PeriodFields name="creditFeed" period={period} />
          <Button href={creditFeedDownloadUrl(q, 'json')} download>
            下载 JSON
          </Button>
          <Button href={creditFeedDownloadUrl(q, 'xlsx')} download>
            下载 Excel
          </Button>
        </Flex>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
        期间内作出并已公示的单位行政处罚（自然人不推送）。公示期按信用规则计算：一般失信最长 1 年、满 3 个月可申请信用修复；严重失信最长 3 年、满 6 个月可申请修复。
      </Typography.Paragraph>
      {feed.data?.truncated ? <Alert type="warning" showIcon title="条目较多，仅列出前 5000 条，请缩短期间。" /> : null}
      {feed.error ? <Alert type="error" showIcon title={feed.error.message} /> : null}
      <Table<CreditFeedItemView> rowKey="id" size="middle" loading={feed.isLoading} dataSource={feed.data?.items ?? []} columns={columns} scroll={{ x: 'max-content' }} locale={{ emptyText: '期间内没有行政处罚' }} pagination={{ pageSize: 50, showSizeChanger: false }} />
    </Flex>
  );
}

function BlacklistTab() {
  const period = usePeriodForm();
  const list = useQuery(blacklistQuery(period.orgId));
  const columns: TableColumnsType<BlacklistEntryView> = [
    {
      title: '单位',
      key: 'unit',
      render: (_, e) => (
        <Flex vertical gap={2} style={{ minWidth: 180, maxWidth: 280 }}>
          <span>{e.unitName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '大队', dataIndex: 'brigadeName' },
    { title: '认定理由', key: 'reason', render: (_, e) => `${e.penaltyLabel}；${e.seriousReasons.join('、')}` },
    { title: '决定书文号', dataIndex: 'decisionNumber' },
    { title: '公示期', key: 'period', render: (_, e) => `${e.periodFrom} 至 ${e.periodUntil}` },
  ];
  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" name="blacklist">
        <PeriodFields name="blacklist" period={period} withPeriod={false} />
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
        今天仍在严重违法失信公示期内的单位（只列单位信息）。本名单仅供内部工作使用，不在门户网站公开。
      </Typography.Paragraph>
      {list.data?.truncated ? <Alert type="warning" showIcon title="处罚较多，名单可能不完整，请选择下级机构查看。" /> : null}
      <Table<BlacklistEntryView>
        rowKey={(e) => `${e.uscc}-${e.decisionNumber}`}
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.entries ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有处于严重失信公示期内的单位' }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
      />
    </Flex>
  );
}

/**
 * /admin/exchange (数据交换, decision 0027): export batches for the provincial 协同监管平台 and the credit system (made,
 * downloaded, sent and resent), the credit feed, the blacklist, and the credit-grade import (the registry import's
 * wizard). Administrators of the subtree make and send; 纪检 reads.
 */
export default function ExchangePage() {
  const { session, canChange } = useSession();
  const scope = useOrgScope();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = (TABS as readonly (string | null)[]).includes(requested) ? (requested as Tab) : 'batches';
  return (
    <Flex vertical gap={16}>
      <PageHeader title="数据交换" description="向省级协同监管平台和信用系统提供公示信息与信用信息，并导入信用等级。导出内容与门户网站公示的一致，不含检查人员和自然人信息。" />
      <ExchangeSettingsCard orgId={session.org.id} />
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'batches' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'batches', label: '导出批次', children: <BatchesTab /> },
            { key: 'credit', label: '信用推送', children: <CreditTab /> },
            { key: 'blacklist', label: '黑名单', children: <BlacklistTab /> },
            {
              key: 'grades',
              label: '信用等级导入',
              children: !canChange('registry.manage') ? (
                <Alert type="info" showIcon title="只读账号不能导入信用等级。" />
              ) : scope.loading ? null : (
                <ImportWizard kind="credit_grades" owners={scope.orgs} ownerMode="org" />
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
