import { CASE_STATUS_LABELS, CASE_STATUSES, CaseListQuery, type CaseStatus, type CaseSummary } from '@contracts/cases.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { caseListQuery } from '../../api/cases.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { CASE_STATUS_COLORS, DeadlineTag, PAYMENT_STATUS_COLORS } from './case-tags.tsx';

type CaseFilterValues = { status?: CaseStatus };

const STATUS_OPTIONS = CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }));

const columns: TableColumnsType<CaseSummary> = [
  {
    title: '案件编号',
    key: 'number',
    fixed: 'left',
    render: (_, c) => (
      <div style={{ minWidth: 150 }}>
        <Link to={`/admin/cases/${c.id}`}>{c.number}</Link>
      </div>
    ),
  },
  { title: '单位', key: 'unit', render: (_, c) => <div style={{ minWidth: 140, maxWidth: 240 }}><Link to={`/admin/units/${c.unitId}`}>{c.unitName}</Link></div> },
  { title: '立案日期', key: 'openedOn', render: (_, c) => c.openedOn },
  { title: '程序', key: 'procedure', render: (_, c) => c.procedureLabel },
  { title: '状态', key: 'status', render: (_, c) => <Tag color={CASE_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag> },
  { title: '决定期限', key: 'deadline', render: (_, c) => (c.status === 'open' ? <DeadlineTag deadline={c.decisionDeadline} /> : <Typography.Text type="secondary">{c.decidedOn ? `${c.decidedOn} 已决定` : '—'}</Typography.Text>) },
  { title: '处罚', key: 'penalty', render: (_, c) => c.penaltyLabel ?? '—' },
  {
    title: '缴纳',
    key: 'payment',
    render: (_, c) => (
      <Flex vertical gap={2} align="flex-start">
        <Tag color={PAYMENT_STATUS_COLORS[c.paymentStatus]}>{c.paymentStatusLabel}</Tag>
        {c.paymentDeadline ? <DeadlineTag deadline={c.paymentDeadline} prefix="缴款" /> : null}
      </Flex>
    ),
  },
];

/** /admin/cases: the cases of the actor's scope, newest first, with their decision and payment deadlines. */
export default function CasesPage() {
  const list = useListSearch(CaseListQuery);
  const result = useQuery(caseListQuery(list.query));
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="案件办理"
        description="对逾期未改正等违法行为立案查处：作出处罚决定、登记缴纳、结案，以及移送和临时查封。立案请在检查对象页面的「隐患与执法文书」中选择隐患。"
      />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<CaseFilterValues> name="caseFilter" values={{ status: list.filters.status }} onSearch={(values) => list.setFilters(values)} onReset={list.resetFilters}>
            <Form.Item label="状态" name="status">
              <Select<CaseStatus> placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 130 }} />
            </Form.Item>
          </ListFilterForm>
          <ListTable list={list} result={result} columns={columns} unit="件案件" emptyText={list.filtered ? '没有符合条件的案件' : '还没有案件'} />
        </Flex>
      </Card>
    </Flex>
  );
}
