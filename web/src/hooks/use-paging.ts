import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

const DEFAULT_PAGE_SIZE = 20;

/** Page state for a server-paged table: `paging` goes into the query, `pagination(total)` into the Table. */
export function usePaging(unit: string) {
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const firstPage = () => setPaging((current) => ({ ...current, page: 1 }));
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (count) => `共 ${count} ${unit}`,
    onChange: (page, pageSize) => setPaging({ page, pageSize }),
  });
  return { paging, firstPage, pagination };
}
