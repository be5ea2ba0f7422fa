import type { FastifyInstance } from 'fastify';
import { DocumentCodeParams, type PublicDocumentView } from '../../../contracts/documents.ts';
import { getPublicDocument } from '../../../usecases/public/get-public-document.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentPublicDocument } from '../../presenters/public-document-presenter.ts';

/** The check of a paper document by the code printed beside its QR code (/portal/documents/<code>): no login. */
export function registerPublicDocumentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/public/documents/:code', async (request): Promise<PublicDocumentView> => {
    const { code } = parse(DocumentCodeParams, request.params);
    return presentPublicDocument(await getPublicDocument(deps.db, code));
  });
}
