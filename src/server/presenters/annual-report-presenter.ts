import type { AnnualReportView } from '../../contracts/annual-report.ts';

/** The annual report's preview: figures only (counts and rates of a brigade), nothing about a person or unit. */
export function presentAnnualReport(view: AnnualReportView): AnnualReportView {
  return {
    orgId: view.orgId,
    orgName: view.orgName,
    addressee: view.addressee,
    year: view.year,
    title: view.title,
    current: view.current,
    previous: view.previous,
    comparison: view.comparison,
    brigades: view.brigades,
  };
}
