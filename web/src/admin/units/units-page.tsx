import { CloudUploadOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { UnitListItem } from '@contracts/units.ts';
import { UNIT_SORT_VALUES } from '@contracts/units.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import type { Key } from 'react';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { UnitFilters } from '../../api/units.ts';
import { unitExportUrl, unitListQuery } from '../../api/units.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ColumnSettings, useHiddenColumns } from '../../components/list-page/column-settings.tsx';
import { DictionaryTag } from './dictionary-tag.tsx';
import { hasFilters, parseUnitListState, unitListSearch } from './unit-filters.ts';
import { UnitFilterForm } from './unit-filter-form.tsx';
import { UnitFormModal } from './unit-form-modal.tsx';
import { UnitStatusModal } from './unit-status-modal.tsx';
import { CategoryTag, FlagTags, UnitStatusTags } from './unit-tags.tsx';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import { formatDateTime } from '../../lib/format.ts';
import { UNIT_QUALITY_LABELS } from '../../lib/registry-labels.ts';
import { useSession } from '../../session/session-context.ts';

type SortKey = (typeof UNIT_SORT_VALUES)[number];
const isSortKey = (key: unknown): key is SortKey => (UNIT_SORT_VALUES as readonly unknown[]).includes(key);

const DEFAULT_SORT: SortKey = 'updatedAt';

const dash = (value: string | null | undefined) => value || '—';

export default function UnitsPage() {
  const { can, canChange } = useSession();
  const canManage = canChange('registry.manage');
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseUnitListState(searchParams), [searchParams]);
  const { filters, page, pageSize } = state;
  const dictionaries = useDictionaries();
  const scope = useOrgScope();
  const { hidden, setHidden } = useHiddenColumns('units');
  const [selected, setSelected] = useState<Key[]>([]);
  const [dialog, setDialog] = useState<'create' | 'bulkStatus' | null>(null);

  const list = useQuery(unitListQuery({ ...filters, page, pageSize }));

  const update = (next: Partial<typeof state>) => setSearchParams(unitListSearch({ ...state, ...next }));
  const applyFilters = (values: UnitFilters) => {
    // A selection made under other filters would change units the user no longer sees.
    setSelected([]);
    update({ filters: { ...values, sort: filters.sort, order: filters.order }, page: 1 });
  };

  const sort = filters.sort ?? DEFAULT_SORT;
  const order = filters.order ?? 'desc';
  const sortOrderOf = (key: SortKey): SortOrder => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const sortable = (key: SortKey) => ({ sorter: true, sortOrder: sortOrderOf(key), showSorterTooltip: false });

  const allColumns: TableColumnsType<UnitListItem> = [
    {
      title: '单位名称',
      key: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (_, unit) => <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', ...sortable('uscc') },
    { title: '类别', key: 'category', ...sortable('category'), render: (_, unit) => <CategoryTag unit={unit} /> },
    { title: '属性', key: 'flags', render: (_, unit) => <FlagTags unit={unit} /> },
    {
      title: '风险等级',
      key: 'riskLevel',
      ...sortable('riskLevel'),
      render: (_, unit) => <DictionaryTag dictionaries={dictionaries} kind="risk_level" code={unit.riskLevel} />,
    },
    { title: '状态', key: 'status', ...sortable('status'), render: (_, unit) => <UnitStatusTags unit={unit} /> },
    {
      title: '实际经营地址',
      key: 'address',
      render: (_, unit) => (
        <Typography.Text style={{ maxWidth: 240 }} ellipsis={{ tooltip: unit.address }}>
          {dash(unit.address)}
        </Typography.Text>
      ),
    },
    { title: '行政区划', key: 'district', render: (_, unit) => dash(unit.districtName ?? unit.districtCode) },
    { title: '联系人', key: 'contactName', render: (_, unit) => dash(unit.contactName) },
    { title: '联系电话', key: 'contactPhone', render: (_, unit) => dash(unit.contactPhoneMasked) },
    { title: '所属大队', dataIndex: 'brigadeName', key: 'brigade' },
    {
      title: '更新时间',
      key: 'updatedAt',
      ...sortable('updatedAt'),
      render: (_, unit) => formatDateTime(unit.updatedAt),
    },
  ];
  const columnChoices = allColumns.map((column) => ({
    key: String(column.key),
    title: String(column.title),
    locked: column.key === 'name',
  }));
  const columns = allColumns.filter((column) => !hidden.includes(String(column.key)));

  const onTableChange: TableProps<UnitListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = single?.columnKey;
      const nextOrder = single?.order;
      update({
        filters: {
          ...filters,
          sort: nextOrder && isSortKey(key) ? key : undefined,
          order: nextOrder ? (nextOrder === 'ascend' ? 'asc' : 'desc') : undefined,
        },
        page: 1,
      });
      return;
    }
    if (extra.action === 'paginate') {
      const nextSize = pagination.pageSize ?? pageSize;
      update({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
    }
  };

  const afterBulk = () => {
    setDialog(null);
    setSelected([]);
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="检查对象"
        description="检查对象名录库：社会单位的登记信息、状态和数据来源。单位不会被删除，停业、注销等须变更状态并说明原因。"
        extra={
          canManage ? (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/admin/imports')}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                新建单位
              </Button>
            </>
          ) : null
        }
      />
      {filters.quality ? (
        <Alert
          type="info"
          showIcon
          title={`正在查看数据质量问题：${UNIT_QUALITY_LABELS[filters.quality]}`}
          action={
            <Button size="small" onClick={() => applyFilters({ ...filters, quality: undefined })}>
              取消此条件
            </Button>
          }
        />
      ) : null}
      <Card>
        <Flex vertical gap={16}>
          <UnitFilterForm
            key={JSON.stringify({ ...filters, sort: undefined, order: undefined })}
            filters={filters}
            dictionaries={dictionaries}
            brigades={scope.brigades}
            onApply={applyFilters}
          />
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex align="center" gap={8} wrap>
              {canManage ? (
                <>
                  <Button icon={<EditOutlined />} disabled={!selected.length} onClick={() => setDialog('bulkStatus')}>
                    批量变更状态
                  </Button>
                  {selected.length ? (
                    <Typography.Text type="secondary">
                      已选 {selected.length} 家
                      <Button type="link" size="small" onClick={() => setSelected([])}>
                        清除选择
                      </Button>
                    </Typography.Text>
                  ) : null}
                </>
              ) : null}
            </Flex>
            <Flex gap={8} wrap>
              <Button
                icon={<DownloadOutlined />}
                href={unitExportUrl({ ...filters, sort, order })}
                hidden={!can('registry.export')}
              >
                导出 Excel
              </Button>
              <ColumnSettings choices={columnChoices} hidden={hidden} onChange={setHidden} />
            </Flex>
          </Flex>
          <Table<UnitListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            onChange={onTableChange}
            rowSelection={
              canManage ? { selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true } : undefined
            }
            locale={{ emptyText: hasFilters(filters) ? '没有符合条件的单位' : '名录库中还没有单位' }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (count) =>
                list.data?.totalCapped
                  ? `共 ${count.toLocaleString()}+ 家单位（请缩小筛选范围）`
                  : `共 ${count.toLocaleString()} 家单位`,
            }}
          />
        </Flex>
      </Card>

      {dialog === 'create' ? (
        <UnitFormModal
          brigades={scope.brigades}
          onClose={() => setDialog(null)}
          onSaved={(unit) => {
            setDialog(null);
            void navigate(`/admin/units/${unit.id}`);
          }}
        />
      ) : null}
      {dialog === 'bulkStatus' ? (
        <UnitStatusModal unitIds={selected.map(String)} onClose={() => setDialog(null)} onSaved={afterBulk} />
      ) : null}
    </Flex>
  );
}
