import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { useOrgScope } from '../../hooks/use-org-scope.ts';

/**
 * The org pickers of plan forms: every org in scope, and — when there is only one (a brigade admin plans
 * for their own brigade) — that org put into the empty `orgId` field once the tree has loaded.
 */
export function useDefaultOrg(form: FormInstance) {
  const scope = useOrgScope();
  const onlyOrg = scope.orgs.length === 1 ? scope.orgs[0]?.id : undefined;
  useEffect(() => {
    if (onlyOrg && !form.getFieldValue('orgId')) form.setFieldValue('orgId', onlyOrg);
  }, [form, onlyOrg]);
  return scope;
}
