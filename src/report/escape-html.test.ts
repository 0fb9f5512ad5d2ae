import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml } from './escape-html.js';

test('escapeHtml escapes the five characters that can open markup or leave an attribute', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('escapeHtml leaves ordinary text, including non-ASCII, unchanged', () => {
  assert.equal(escapeHtml('mean radius → ß 42%'), 'mean radius → ß 42%');
});
