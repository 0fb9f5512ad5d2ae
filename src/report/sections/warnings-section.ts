import type { ReportWarning } from '../report-data.js';
import { escapeHtml } from '../escape-html.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The doctor's findings, errors first, each with its code, under "Warnings"; information (the
 * positive class, a decimal comma read...) apart under "Notes". Nothing when there are none.
 */
export function warningsSectionHtml(warnings: readonly ReportWarning[]): string {
  const item = (warning: ReportWarning) =>
    `<li class="severity-${warning.severity}"><span class="badge">${warning.severity}</span>` +
    `<code>${escapeHtml(warning.code)}</code><p>${escapeHtml(warning.message)}</p></li>`;
  const serious = warnings.filter((warning) => warning.severity !== 'info').sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const notes = warnings.filter((warning) => warning.severity === 'info');
  return (
    (serious.length === 0 ? ''
      : `<section class="card wide" id="warnings"><h2>Warnings (${serious.length})</h2><ul class="warnings">${serious.map(item).join('')}</ul></section>`) +
    (notes.length === 0 ? ''
      : `<section class="card wide" id="notes"><h2>Notes</h2><ul class="warnings">${notes.map(item).join('')}</ul></section>`)
  );
}
