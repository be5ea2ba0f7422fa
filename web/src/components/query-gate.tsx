import type { UseQueryResult } from '@tanstack/react-query';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, isUnauthenticated } from '../api/client.ts';
import { LoadFailed } from './load-failed.tsx';
import { PageSpin } from './page-spin.tsx';

/** What a detail page says when its object is not there, and the way back. */
export type NotFound = {
  title: string;
  /** Why it may be missing; the default suits an object that is published before the public sees it. */
  subTitle?: string;
  backTo: string;
  backText: string;
};

/**
 * A detail page's states: the content once the data is there; "not found" for a 404 (or a malformed id),
 * which is also what an object outside the caller's scope looks like; retry on other failures; a spinner.
 */
export function QueryGate<T>({
  query,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  notFound: NotFound;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  if (query.error) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={notFound.title}
          subTitle={notFound.subTitle ?? '它不存在、尚未发布，或不在您的管辖范围内。'}
          extra={<Link to={notFound.backTo}>{notFound.backText}</Link>}
        />
      );
    }
    if (!isUnauthenticated(query.error)) return <LoadFailed onRetry={() => void query.refetch()} />;
  }
  return <PageSpin />;
}
