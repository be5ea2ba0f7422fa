import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { divisionsQuery } from '../../api/dictionaries.ts';
import { useDictionaries } from '../../hooks/use-dictionaries.ts';
import { useOrgScope } from '../../hooks/use-org-scope.ts';
import type { StratumFilter } from '../../shared/plans/labels.ts';
import { describeFilter } from '../../shared/plans/labels.ts';

/** describeFilter with the caller's tag and district names (admin pages, which may read the dictionaries). */
export function useFilterDescription(): (filter: StratumFilter) => string {
  const dictionaries = useDictionaries();
  const { prefectureCode } = useOrgScope();
  const divisions = useQuery(divisionsQuery(prefectureCode));
  return useCallback(
    (filter: StratumFilter) =>
      describeFilter(
        filter,
        (code) => dictionaries.label('special_tag', code) ?? code,
        (code) => divisions.data?.find((d) => d.code === code)?.name ?? code,
      ),
    [dictionaries, divisions.data],
  );
}
