import type { PreparedData } from './prepare-data.js';

/** The rows of each part, apart: how many, how many positive, and what the data options did. */
export function renderSplit(prepared: PreparedData): void {
  const body = document.querySelector('#split tbody')!;
  const row = (cells: readonly string[], header = false) => {
    const tr = document.createElement('tr');
    cells.forEach((text, i) => tr.append(Object.assign(document.createElement(header || i === 0 ? 'th' : 'td'), { textContent: text })));
    return tr;
  };
  const parts = [['training', prepared.train], ['validation', prepared.validation], ['test', prepared.test]] as const;
  body.replaceChildren(
    row(['part', 'rows', `positive (${prepared.classNames[1]})`, 'share'], true),
    ...parts.map(([name, part]) => {
      const positives = part.y.reduce((sum, label) => sum + label, 0);
      return row([name, String(part.rows), String(positives), `${((100 * positives) / part.rows).toFixed(1)}%`]);
    }),
  );
  const notes = [
    `${prepared.source.name}: ${prepared.cols} features after preprocessing, positive share ${(100 * prepared.positiveShare).toFixed(1)}%.`,
    prepared.flipped > 0 ? `${prepared.flipped} labels flipped (label noise).` : '',
    prepared.leaked > 0 ? `${prepared.leaked} validation rows are copies of training rows.` : '',
    prepared.sortedValidation ? 'Validation = the last rows of the label-sorted data (validationSplit).' : '',
  ];
  document.querySelector('#data-notes')!.textContent = notes.filter(Boolean).join(' ');
}
