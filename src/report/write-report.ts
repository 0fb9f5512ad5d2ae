import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReportData } from './report-data.js';
import { renderReport } from './render-report.js';

/**
 * Renders the report and writes it to `path` atomically: the page goes to a temporary file in
 * the same folder, then is renamed over `path`, so a reader never sees half a page and a failed
 * run leaves any earlier report intact. Creates the folder if needed.
 */
export async function writeReport(path: string, data: ReportData): Promise<void> {
  const html = await renderReport(data);
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // NOTE: same folder as the target, so rename stays on one file system (and is atomic there).
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const temporary = join(folder, `.nnkit-tmp-${basename(path)}-${unique}`);
  try {
    await writeFile(temporary, html, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
