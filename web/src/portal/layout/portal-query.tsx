import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { LoadFailed } from '../../components/load-failed.tsx';

/** A portal page's public data: a skeleton card while it loads, a retry card when it failed, then `children` with it. */
export function PortalQuery<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        <LoadFailed onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  return children(query.data);
}
