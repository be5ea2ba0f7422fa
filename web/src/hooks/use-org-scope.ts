import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgTreeQuery } from '../api/orgs.ts';
import type { OrgOption } from '../lib/org-tree.ts';
import { brigadesOf, orgOptionsFromTree, prefectureCodeOf } from '../lib/org-tree.ts';

/**
 * The caller's org subtree (GET /api/orgs) shaped for registry pages: every org for pickers, the 大队 for
 * 所属大队, and the prefecture code whose counties fill the 行政区划 pickers.
 */
export function useOrgScope() {
  const tree = useQuery(orgTreeQuery);
  return useMemo(() => {
    const nodes = tree.data ?? [];
    const orgs: OrgOption[] = orgOptionsFromTree(nodes);
    const brigades = brigadesOf(nodes).map((org) => ({ id: org.id, name: org.name }));
    return {
      loading: tree.isPending,
      orgs,
      brigades,
      /** More than one 大队 in scope: worth a 所属大队 filter. */
      severalBrigades: brigades.length > 1,
      prefectureCode: prefectureCodeOf(nodes),
    };
  }, [tree.data, tree.isPending]);
}
