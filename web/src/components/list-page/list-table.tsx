import type { Page } from '@contracts/common.ts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType, TableProps } from 'antd';
import { Flex, Table } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { LoadFailed } from '../load-failed.tsx';
import { ColumnSettings, useHiddenColumns } from './column-settings.tsx';
import { columnChoices, visibleColumns } from './columns.ts';
import type { ListQuery } from './list-search.ts';
import { PAGE_SIZE_OPTIONS, pageTotalText } from './pagination.ts';
import type { ListControls } from './use-list-search.ts';

type ListTableProps<T, Q extends ListQuery> = {
  list: ListControls<Q>;
  /** The list's API query (a `Page<T>` from the contracts), with `keepPreviousData` so paging does not flash. */
  result: UseQueryResult<Page<T>>;
  columns: TableColumnsType<T>;
  /** What the total counts: 「家单位」, 「名检查人员」, 「条」… */
  unit: string;
  /** What an empty page says (antd's 「暂无数据」 when left out). */
  emptyText?: string;
  rowKey?: TableProps<T>['rowKey'];
  /** Column keys the server can sort by (the query's `sort`); clicking them sorts the whole list, not the page. */
  sortable?: readonly string[];
  /** 列设置 under this name (its choice stored per list in this browser); `locked` columns always show. */
  columnSettings?: { list: string; locked?: readonly string[] };
  /** Above the table, on the left (bulk actions) and on the right (export), before 列设置. */
  toolbar?: ReactNode;
  actions?: ReactNode;
} & Pick<TableProps<T>, 'size' | 'rowSelection' | 'expandable'>;

/**
 * A server-paged table in the list-page kit: the rows of one page, the pagination (「共 N 家」, page sizes), server
 * sorting and 列设置, all reading and writing the list's state (`useListSearch`); retry in its place when the page
 * failed to load, the spinner over the rows while the next one loads.
 */
export function ListTable<T extends object, Q extends ListQuery>({
  list,
  result,
  columns,
  unit,
  emptyText,
  rowKey = 'id',
  sortable = [],
  columnSettings,
  toolbar,
  actions,
  ...tableProps
}: ListTableProps<T, Q>) {
  const { query } = list;
  const { hidden, setHidden } = useHiddenColumns(columnSettings?.list);
  const locked = columnSettings?.locked ?? [];

  const sortOrderOf = (key: string): SortOrder => (query.sort === key ? (query.order === 'asc' ? 'ascend' : 'descend') : null);
  const sorted = columns.map((column) =>
    sortable.includes(String(column.key))
      ? { ...column, sorter: true, sortOrder: sortOrderOf(String(column.key)), showSorterTooltip: false }
      : column,
  );
  const shown = columnSettings ? visibleColumns(sorted, hidden, locked) : sorted;

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(single?.columnKey);
      const order = single?.order ? (single.order === 'ascend' ? 'asc' : 'desc') : undefined;
      list.setSort(sortable.includes(key) ? key : undefined, order);
    }
    if (extra.action === 'paginate') list.setPage(pagination.current ?? 1, pagination.pageSize ?? query.pageSize);
  };

  const bar =
    toolbar || actions || columnSettings ? (
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={8} wrap>
          {toolbar}
        </Flex>
        <Flex gap={8} wrap>
          {actions}
          {columnSettings ? (
            <ColumnSettings choices={columnChoices(sorted, locked)} hidden={hidden} onChange={setHidden} />
          ) : null}
        </Flex>
      </Flex>
    ) : null;

  return (
    <Flex vertical gap={16}>
      {bar}
      {result.isError ? (
        <LoadFailed onRetry={() => void result.refetch()} />
      ) : (
        <Table<T>
          {...tableProps}
          rowKey={rowKey}
          columns={shown}
          dataSource={result.data?.items ?? []}
          loading={result.isFetching}
          scroll={{ x: 'max-content' }}
          onChange={onChange}
          locale={emptyText ? { emptyText } : undefined}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: result.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (total) => pageTotalText(total, unit, result.data?.totalCapped === true),
          }}
        />
      )}
    </Flex>
  );
}
