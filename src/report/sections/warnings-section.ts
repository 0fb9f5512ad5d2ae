import type { ReportWarning } from '../report-data.js';
import { escapeHtml } from '../escape-html.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The doctor's findings, errors first, each with its code; nothing when there are none. */
export function warningsSectionHtml(warnings: readonly ReportWarning[]): string {
  if (warnings.length === 0) return '';
  const sorted = [...warnings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const items = sorted.map(
    (warning) =>
      `<li class="severity-${warning.severity}"><span class="badge">${warning.severity}</span>` +
      `<code>${escapeHtml(warning.code)}</code><p>${escapeHtml(warning.message)}</p></li>`,
  );
  return `<section class="card wide" id="warnings"><h2>Warnings (${warnings.length})</h2><ul class="warnings">${items.join('')}</ul></section>`;
}
