import type { AnnualReportDocxRequest, AnnualReportView } from '@contracts/annual-report.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, postForBlob, withQuery } from './client.ts';

/** A brigade's year beside the year before (no orgId: the server picks the actor's brigade). */
export const annualReportQuery = (orgId: string | undefined, year: number) =>
  queryOptions({
    queryKey: ['annual-report', orgId ?? '', year],
    queryFn: () => api.get<AnnualReportView>(withQuery('/api/annual-report', { orgId, year })),
    placeholderData: keepPreviousData,
  });

/** The report as .docx with the brigade's own words, downloaded by the browser. */
export async function downloadAnnualReport(request: AnnualReportDocxRequest, fileName: string): Promise<void> {
  const blob = await postForBlob('/api/annual-report/docx', request);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
