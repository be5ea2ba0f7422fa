import type { FastifyInstance } from 'fastify';
import { NoticeCodeParams, type PublicNoticeView } from '../../../contracts/field.ts';
import { getPublicNotice } from '../../../usecases/public/get-public-notice.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentPublicNotice } from '../../presenters/field-presenter.ts';

/** The pre-notice a unit's message links to (/portal/notice/<code>): no login, through a whitelisting presenter. */
export function registerPublicNoticeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/public/notices/:code', async (request): Promise<PublicNoticeView> => {
    const { code } = parse(NoticeCodeParams, request.params);
    return presentPublicNotice(await getPublicNotice(deps.db, code));
  });
}
