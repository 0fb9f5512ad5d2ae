import type { ReportData } from '../report/report-data.js';
import { renderReport } from '../report/render-report.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * Renders the report and writes it to `path` atomically (see writeFileAtomic), so a reader never
 * sees half a page and a failed run leaves any earlier report intact. Creates the folder if needed.
 */
export async function writeReport(path: string, data: ReportData): Promise<void> {
  await writeFileAtomic(path, await renderReport(data));
}
