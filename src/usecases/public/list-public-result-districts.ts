import { localDate } from '../../domain/local-date.ts';
import type { Db } from '../../db/client.ts';
import { portalDistrictCodes } from '../../db/publication-queries.ts';

/** GET /api/public/results/districts: the district codes of the entries on the portal today. */
export async function listPublicResultDistricts(db: Db, now: Date): Promise<string[]> {
  return portalDistrictCodes(db, localDate(now));
}
