import type { FastifyInstance } from 'fastify';
import { AnnualReportDocxRequest, AnnualReportQuery, type AnnualReportView } from '../../../contracts/annual-report.ts';
import { downloadAnnualReport, getAnnualReport } from '../../../usecases/reports/annual-report.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentAnnualReport } from '../../presenters/annual-report-presenter.ts';
import { sendDownload } from '../../uploads.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 年度工作总结: a brigade's figures beside last year's, and the report as .docx with the brigade's own words. */
export function registerAnnualReportRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/annual-report', async (request): Promise<AnnualReportView> =>
    presentAnnualReport(await getAnnualReport(contextOf(request, deps), parse(AnnualReportQuery, request.query))),
  );
  app.post('/api/annual-report/docx', async (request, reply) => {
    const { bytes, fileName } = await downloadAnnualReport(contextOf(request, deps), parse(AnnualReportDocxRequest, request.body));
    return sendDownload(reply, DOCX, fileName, Buffer.from(bytes), 'annual-report.docx');
  });
}
