import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { PublicationKind, PublicationOutcome } from '../../domain/publication/publication-types.ts';
import type { Db } from '../../db/client.ts';
import { PORTAL_COUNT_CAP, searchPortal } from '../../db/publication-queries.ts';

export type PublicResultsSearch = {
  q?: string | undefined;
  district?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: PublicationOutcome | undefined;
  kind?: PublicationKind | undefined;
  page: number;
  pageSize: number;
};

/**
 * GET /api/public/results: the entries on the portal today (published, or a penalty's withdrawal, within the display
 * period), newest first, filtered by a unit's name or credit code, a district prefix, a date range, the outcome and the
 * kind. The count stops at PORTAL_COUNT_CAP (「超过 10000 条」): counting a province exactly costs more than it tells.
 */
export async function searchPublicResults(db: Db, search: PublicResultsSearch, now: Date) {
  if (search.from && search.to && search.from > search.to)
    throw new DomainError('VALIDATION_FAILED', '结束日期：不能早于开始日期', { field: 'to' });
  const { rows, total } = await searchPortal(db, { ...search, today: localDate(now) });
  return {
    rows,
    total: Math.min(total, PORTAL_COUNT_CAP),
    totalCapped: total > PORTAL_COUNT_CAP,
    page: search.page,
    pageSize: search.pageSize,
  };
}
