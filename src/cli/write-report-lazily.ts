import type { ReportData } from '../report/report-data.js';

/**
 * Writes the HTML report file with the Node entry's writeReport, loaded only now.
 * NOTE: the report pulls in Vega (about a second to load), which every other command can skip.
 */
export async function writeReportLazily(path: string, data: ReportData): Promise<void> {
  const { writeReport } = await import('../node/write-report.js');
  await writeReport(path, data);
}
