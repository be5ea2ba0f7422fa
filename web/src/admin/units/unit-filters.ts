import { UnitListQuery } from '@contracts/units.ts';
import type { UnitFilters } from '../../api/units.ts';
import { listHref } from '../../components/list-page/list-search.ts';

/** The units list with some filters set (`/admin/units?quality=stale`): the data-quality cards link to it. */
export const unitListPath = (filters: UnitFilters): string => listHref('/admin/units', UnitListQuery, filters);
