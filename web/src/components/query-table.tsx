import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType, TableProps } from 'antd';
import { Table } from 'antd';
import { LoadFailed } from './load-failed.tsx';

/**
 * A list query as a table of 20 rows a page (rows keyed by `id`): retry in its place when the list failed to
 * load, the spinner over the rows while it loads again.
 */
export function QueryTable<T extends { id: string }>({
  list,
  columns,
  emptyText,
  size,
}: {
  list: UseQueryResult<T[]>;
  columns: TableColumnsType<T>;
  emptyText: string;
  size?: TableProps<T>['size'];
}) {
  if (list.isError) return <LoadFailed onRetry={() => void list.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size={size}
      columns={columns}
      dataSource={list.data ?? []}
      loading={list.isFetching}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
    />
  );
}
