import { PageQuery } from '@contracts/common.ts';
import type { InspectionRef, PlanUnitView } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Drawer, Typography } from 'antd';
import { Link } from 'react-router';
import type { PlanUnitsFilter } from '../../api/plans.ts';
import { planUnitsQuery } from '../../api/plans.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { useListState } from '../../components/list-page/use-list-search.ts';

/**
 * The units behind one count of a monthly plan (GET /api/monthly-plans/:id/units), paged. The drawer's opening is
 * not in the address bar, so neither is its page: the list state is the drawer's own (useListState).
 */
export function PlanUnitsDrawer({
  planId,
  filter,
  title,
  stratumName,
  onClose,
}: {
  planId: string;
  filter: PlanUnitsFilter;
  title: string;
  stratumName: (code: string) => string;
  onClose: () => void;
}) {
  const list = useListState(PageQuery);
  const units = useQuery(planUnitsQuery(planId, filter, list.query));
  const candidates = filter.reason === 'candidate';

  const columns: TableColumnsType<PlanUnitView> = [
    { title: '单位名称', key: 'name', fixed: 'left', render: (_, u) => <Link to={`/admin/units/${u.id}`}>{u.name}</Link> },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc' },
    {
      title: '实际经营地址',
      key: 'address',
      render: (_, u) => (
        <Typography.Text style={{ maxWidth: 220 }} ellipsis={{ tooltip: u.address }}>
          {u.address ?? '—'}
        </Typography.Text>
      ),
    },
    { title: '类别', dataIndex: 'categoryLabel', key: 'category' },
    { title: '分层', key: 'stratum', render: (_, u) => (u.stratum ? stratumName(u.stratum) : '—') },
    candidates
      ? { title: '权重', key: 'weight', align: 'right', render: (_, u) => u.weight ?? '—' }
      : {
          title: '原因',
          key: 'reason',
          render: (_, u) => u.reasonLabel ?? u.reason ?? '—',
        },
    { title: '上次计入频次的检查', key: 'lastCounted', render: (_, u) => inspectionText(u.lastCounted) },
    { title: '最近一次检查（含复查等）', key: 'lastAny', render: (_, u) => inspectionText(u.lastAny) },
  ];

  return (
    <Drawer open title={title} size={980} onClose={onClose} destroyOnHidden>
      <ListTable list={list} result={units} columns={columns} unit="家单位" emptyText="没有单位" size="small" />
    </Drawer>
  );
}

function inspectionText(ref: InspectionRef | null): string {
  return ref ? `${ref.on}（${ref.kindLabel}）` : '—';
}
