import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnosticCatalog, diagnosticCodes, type DiagnosticCode } from './diagnostic.js';

const docs = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');

/** The documented entry of a code: its heading, then the severity line. */
function entry(code: DiagnosticCode): { severity: string; silenceable: boolean } | undefined {
  const match = new RegExp(`^### \`${code}\`\\n\\*\\*(error|warning)\\*\\* · [^\\n]* · (can be silenced|cannot be silenced)$`, 'm').exec(docs);
  return match ? { severity: match[1], silenceable: match[2] === 'can be silenced' } : undefined;
}

test('docs/diagnostics.md documents every code with its severity and whether it can be silenced', () => {
  for (const code of diagnosticCodes) {
    const documented = entry(code);
    assert.ok(documented, `docs/diagnostics.md has no entry for ${code}`);
    assert.equal(documented.severity, diagnosticCatalog[code].severity, code);
    assert.equal(documented.silenceable, diagnosticCatalog[code].silenceable, code);
  }
  const headings = [...docs.matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]);
  assert.deepEqual([...headings].sort(), [...diagnosticCodes].sort(), 'no documented code is missing from the catalog');
});

test('every code is triggered by at least one test', () => {
  const dir = new URL('./', import.meta.url);
  const texts = [
    ...readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'diagnostic.test.ts').map((f) => readFileSync(new URL(f, dir), 'utf8')),
    readFileSync(new URL('../model/check-labels.test.ts', import.meta.url), 'utf8'),
    readFileSync(new URL('../model/training-monitor.test.ts', import.meta.url), 'utf8'),
  ].join('\n');
  const untested = diagnosticCodes.filter((code) => !texts.includes(`'${code}'`));
  assert.deepEqual(untested, []);
});

test('codes are stable kebab-case and errors name an error kind', () => {
  for (const code of diagnosticCodes) {
    assert.match(code, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(['config', 'data', 'shape', 'value'].includes(diagnosticCatalog[code].kind));
  }
});
