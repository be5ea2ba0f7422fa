import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../session/session-context.ts';
import { useSession } from '../session/session-context.ts';

/** Renders the page only when the session holds the permission; otherwise a 403 result. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (can(permission)) return children;
  return <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。" />;
}
