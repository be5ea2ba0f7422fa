import { HAZARD_STAGE_LABELS, HAZARD_STAGES, HazardListQuery, type HazardStage, type HazardView } from '@contracts/documents.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Form, Select, Switch } from 'antd';
import { Link } from 'react-router';
import { hazardListQuery } from '../../api/documents.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { DeadlineText, HazardStageTag } from './document-tags.tsx';

type Filters = { stage?: HazardStage; overdue?: boolean };

const columns: TableColumnsType<HazardView> = [
  {
    title: '隐患 · 阶段与期限',
    key: 'hazard',
    fixed: 'left',
    render: (_, h) => (
      <div style={{ minWidth: 170, maxWidth: 300 }}>
        <div>
          {h.location}
          {h.description}
        </div>
        {/* Stage and deadline with the hazard: on a phone the first column is what shows. */}
        <Flex gap={4} wrap align="center" style={{ marginTop: 4 }}>
          <HazardStageTag stage={h.stage} label={h.stageLabel} />
          <DeadlineText label={h.deadlineLabel} overdue={h.overdue} />
        </Flex>
      </div>
    ),
  },
  { title: '被检查单位', key: 'unit', render: (_, h) => <Link to={`/admin/units/${h.unitId}`}>{h.unitName}</Link> },
  { title: '发现日期', dataIndex: 'foundOn' },
  {
    title: '关联',
    key: 'links',
    render: (_, h) => (
      <Flex gap={8} wrap>
        <Link to={`/admin/records/${h.recordId}`}>记录</Link>
        <Link to={`/admin/tasks/${h.taskId}`}>任务</Link>
        {h.noticeId ? <Link to={`/admin/documents/${h.noticeId}`}>{h.noticeNumber ?? '通知书'}</Link> : null}
        {h.caseId ? <span>已立案</span> : null}
      </Flex>
    ),
  },
];

/** /admin/hazards (隐患闭环): every hazard not yet closed, overdue first, with its deadline; nothing drops out silently. */
export default function HazardsPage() {
  const list = useListSearch(HazardListQuery);
  const result = useQuery(hazardListQuery(list.query));
  const { stage, overdue } = list.filters;
  return (
    <Flex vertical gap={16}>
      <PageHeader title="隐患闭环" description="检查发现的每一处隐患，直至改正或办结。默认列出尚未办结的隐患，逾期的排在最前。" />
      <Card>
        <Flex vertical gap={16}>
          <ListFilterForm<Filters>
            name="hazardFilter"
            values={{ stage, overdue: overdue === 'true' }}
            onSearch={(v) => list.setFilters({ stage: v.stage, overdue: v.overdue ? 'true' : undefined })}
            onReset={list.resetFilters}
          >
            <Form.Item label="阶段" name="stage">
              <Select<HazardStage> allowClear placeholder="未办结" style={{ width: 140 }} options={HAZARD_STAGES.map((s) => ({ value: s, label: HAZARD_STAGE_LABELS[s] }))} />
            </Form.Item>
            <Form.Item label="只看逾期" name="overdue" valuePropName="checked">
              <Switch />
            </Form.Item>
          </ListFilterForm>
          <ListTable list={list} result={result} columns={columns} unit="处隐患" emptyText={list.filtered ? '没有符合条件的隐患' : '没有未办结的隐患'} />
        </Flex>
      </Card>
    </Flex>
  );
}
