import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warningsSectionHtml } from './warnings-section.js';

test('information goes to a Notes card; the Warnings card counts warnings only', () => {
  const html = warningsSectionHtml([
    { code: 'data/positive-class', severity: 'info', message: 'Positive class "1" (the class precision, recall and the threshold are about)' },
    { code: 'doctor/target-leakage', severity: 'warning', message: 'Column "plan" alone separates the classes' },
  ]);
  assert.match(html, /<section class="card wide" id="warnings"><h2>Warnings \(1\)<\/h2>.*target-leakage.*<\/section><section class="card wide" id="notes"><h2>Notes<\/h2>.*positive-class/);
  const notesOnly = warningsSectionHtml([{ code: 'data/positive-class', severity: 'info', message: 'Positive class "yes"' }]);
  assert.doesNotMatch(notesOnly, /id="warnings"/);
  assert.match(notesOnly, /id="notes"/);
  assert.equal(warningsSectionHtml([]), '');
});
