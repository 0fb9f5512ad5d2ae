import * as nn from '../../src/index.js';
import type { Source } from './prepare-data.js';

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  node.selected = selected;
  return node;
}

function columnTable(table: nn.data.LabelledTable): HTMLTableElement {
  const node = document.createElement('table');
  node.className = 'numbers';
  node.createCaption().textContent = `${table.rows} rows; column types as nnkit inferred them`;
  const head = node.insertRow();
  for (const text of ['column', 'type', 'missing', 'values']) head.append(Object.assign(document.createElement('th'), { textContent: text, scope: 'col' }));
  const rows: [string, string, number, string][] = table.features.columns.map((column) => [
    column.name, column.kind, column.missing,
    column.kind === 'categorical' ? `${column.categories.length} categories` : '',
  ]);
  if (table.target) rows.push([table.target.name, 'target', 0, `${table.target.classes.length} classes`]);
  for (const cells of rows) {
    const row = node.insertRow();
    cells.forEach((cell, i) => row.append(Object.assign(document.createElement(i === 0 ? 'th' : 'td'), { textContent: String(cell) })));
  }
  return node;
}

/**
 * A dropped or chosen CSV, parsed in the page with nn.data.parseCsv: its columns and inferred
 * types, a target and a positive class to choose. `onSource` gets the rows ready to train on
 * each time the choice is complete; errors are shown as the library words them.
 */
export async function showCsv(file: File, panel: HTMLElement, onSource: (source: Source) => void): Promise<void> {
  panel.hidden = false;
  const text = await file.text();
  const heading = document.createElement('h3');
  heading.textContent = file.name;
  const read = (target: string): nn.data.CsvTable | Error => {
    try {
      return nn.data.parseCsv(text, { file: file.name, target });
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  let header: readonly string[];
  try {
    header = nn.data.parseCsv(text, { file: file.name, target: null }).header;
  } catch (error) {
    panel.replaceChildren(heading, Object.assign(document.createElement('p'), { className: 'finding error', textContent: (error as Error).message }));
    return;
  }
  const targetSelect = document.createElement('select');
  targetSelect.id = 'csv-target';
  const initial = header.includes('label') ? 'label' : header[header.length - 1];
  header.forEach((name) => targetSelect.append(option(name, name, name === initial)));
  const positiveSelect = document.createElement('select');
  positiveSelect.id = 'csv-positive';
  const details = document.createElement('div');
  const choose = () => {
    const table = read(targetSelect.value);
    if (table instanceof Error) {
      details.replaceChildren(Object.assign(document.createElement('p'), { className: 'finding error', textContent: table.message }));
      positiveSelect.replaceChildren();
      return;
    }
    const classes = table.target!.classes;
    // NOTE: for two classes the library picks the positive one (and says why); else the last.
    const wanted = table.target!.positive ? classes.indexOf(table.target!.positive.value) : classes.length - 1;
    positiveSelect.replaceChildren(...classes.map((name, i) => option(String(i), name, i === wanted)));
    details.replaceChildren(columnTable(table));
    onSource({ kind: 'table', name: file.name, table, positive: Number(positiveSelect.value) });
  };
  targetSelect.addEventListener('change', choose);
  positiveSelect.addEventListener('change', () => {
    const table = read(targetSelect.value);
    if (!(table instanceof Error)) onSource({ kind: 'table', name: file.name, table, positive: Number(positiveSelect.value) });
  });
  const targetLabel = document.createElement('label');
  targetLabel.append('Target column ', targetSelect);
  const positiveLabel = document.createElement('label');
  positiveLabel.append('Positive class ', positiveSelect);
  panel.replaceChildren(heading, targetLabel, positiveLabel, details);
  choose();
}
