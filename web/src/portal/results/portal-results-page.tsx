import { PrinterOutlined } from '@ant-design/icons';
import {
  PUBLICATION_KIND_LABELS,
  PUBLICATION_KINDS,
  PUBLICATION_OUTCOME_LABELS,
  PUBLICATION_OUTCOMES,
  PublicResultsQuery,
  type PublicationKind,
  type PublicationOutcome,
  type PublicResultsView,
} from '@contracts/publication.ts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Pagination, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { publicResultDistrictsQuery, publicResultsQuery } from '../../api/results.ts';
import { ListFilterForm } from '../../components/list-page/list-filter-form.tsx';
import { useListSearch } from '../../components/list-page/use-list-search.ts';
import { PortalIntro } from '../layout/portal-intro.tsx';
import { PortalQuery } from '../layout/portal-query.tsx';
import { PublicLayout } from '../layout/public-layout.tsx';
import { ResultList } from './result-parts.tsx';

type FilterValues = {
  q?: string | undefined;
  district?: string | undefined;
  from?: Dayjs | null | undefined;
  to?: Dayjs | null | undefined;
  outcome?: PublicationOutcome | undefined;
  kind?: PublicationKind | undefined;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * /portal/results: the published results of random checks and the penalty decisions, searchable by a unit's name or
 * credit code, district, dates, outcome and kind. The search is in the address, so a link opens the same list; 打印
 * prints the list alone (styles.css, @media print).
 */
export default function PortalResultsPage() {
  const list = useListSearch(PublicResultsQuery);
  const results = useQuery(publicResultsQuery(list.query));
  const districts = useQuery(publicResultDistrictsQuery);
  const f = list.filters;
  const values: FilterValues = {
    q: f.q,
    district: f.district,
    from: f.from ? dayjs(f.from) : undefined,
    to: f.to ? dayjs(f.to) : undefined,
    outcome: f.outcome,
    kind: f.kind,
  };
  return (
    <PublicLayout title="抽查结果">
      <Flex vertical gap={16}>
        <PortalIntro title="抽查结果与行政处罚公示">
          公开每一次双随机抽查的结果（检查了哪些项目、发现的火灾隐患和整改情况）以及消防行政处罚决定。自然人当事人的姓名依规定隐去，处罚决定被撤销或变更的，只公示撤回情况。
          数据可以通过<Link to="/portal/open-data">开放数据接口和订阅源</Link>获取。
        </PortalIntro>
        <Card className="no-print" title="查询条件">
          <ListFilterForm<FilterValues>
            name="results"
            values={values}
            onReset={list.resetFilters}
            onSearch={(v) =>
              list.setFilters({
                q: v.q?.trim() || undefined,
                district: v.district || undefined,
                from: day(v.from),
                to: day(v.to),
                outcome: v.outcome,
                kind: v.kind,
              })
            }
          >
            <Form.Item name="q" label="单位">
              <Input allowClear placeholder="单位名称或统一社会信用代码" style={{ width: 260 }} maxLength={60} />
            </Form.Item>
            <Form.Item name="district" label="行政区划">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部地区"
                style={{ width: 200 }}
                loading={districts.isPending}
                options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="from" label="开始日期">
              <DatePicker placeholder="不限" />
            </Form.Item>
            <Form.Item name="to" label="结束日期">
              <DatePicker placeholder="不限" />
            </Form.Item>
            <Form.Item name="outcome" label="结果">
              <Select
                allowClear
                placeholder="全部"
                style={{ width: 160 }}
                options={PUBLICATION_OUTCOMES.map((o) => ({ value: o, label: PUBLICATION_OUTCOME_LABELS[o] }))}
              />
            </Form.Item>
            <Form.Item name="kind" label="类别">
              <Select
                allowClear
                placeholder="全部"
                style={{ width: 120 }}
                options={PUBLICATION_KINDS.map((k) => ({ value: k, label: PUBLICATION_KIND_LABELS[k] }))}
              />
            </Form.Item>
          </ListFilterForm>
        </Card>
        <PortalQuery query={results}>
          {(view) => <ResultsCard view={view} filtered={list.filtered} onPage={list.setPage} />}
        </PortalQuery>
      </Flex>
    </PublicLayout>
  );
}

function ResultsCard({
  view,
  filtered,
  onPage,
}: {
  view: PublicResultsView;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  const count = view.totalCapped ? `超过 ${view.total.toLocaleString('en-US')} 条` : `共 ${view.total} 条`;
  return (
    <Card
      title={<span aria-live="polite">{`公示信息（${count}）`}</span>}
      extra={
        <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      }
    >
      {view.items.length === 0 ? (
        <Empty description={filtered ? '没有符合条件的公示信息' : '暂无公示信息'} />
      ) : (
        <>
          <ResultList items={view.items} />
          <Typography.Paragraph className="print-only">
            打印于 {dayjs().format('YYYY年M月D日')}，第 {view.page} 页，{count}。
          </Typography.Paragraph>
          <Pagination
            className="no-print"
            style={{ marginTop: 16 }}
            current={view.page}
            pageSize={view.pageSize}
            total={view.total}
            showSizeChanger={false}
            onChange={onPage}
            hideOnSinglePage
          />
        </>
      )}
    </Card>
  );
}
