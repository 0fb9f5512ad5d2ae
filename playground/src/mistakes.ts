import type { Diagnostic } from '../../src/index.js';
import { MISTAKES, type Mistake } from './state.js';

/** The switches, with what each does to the training run. */
export const MISTAKE_TEXT: Record<Mistake, { readonly label: string; readonly detail: string }> = {
  'softmax-one-unit': { label: 'Softmax on one output unit', detail: 'The output layer is dense({ units: 1, activation: \'softmax\' }): a softmax over one unit is always 1.' },
  'sorted-validation': { label: 'A sorted validation split', detail: 'Rows sorted by label, then fit(..., { validationSplit }) takes the last ones, as Keras does.' },
  'duplicated-rows': { label: 'Duplicated rows leak into validation', detail: '30% of the validation rows are copies of training rows.' },
  'threshold-on-test': { label: 'Tune the threshold on the test rows', detail: 'The snap buttons search the test rows instead of the validation rows.' },
  'accuracy-only': { label: 'Accuracy as the only metric, on 2% positives', detail: 'Positive share 2% (no label noise), compile({ metrics: [\'accuracy\'] }).' },
};

/** Fills the fieldset with one labelled checkbox per mistake; `onToggle` gets the new list. */
export function renderMistakeSwitches(fieldset: HTMLFieldSetElement, active: readonly Mistake[], onToggle: (mistakes: Mistake[]) => void): void {
  for (const mistake of MISTAKES) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `mistake-${mistake}`;
    box.checked = active.includes(mistake);
    box.addEventListener('change', () => {
      onToggle(MISTAKES.filter((m) => (document.querySelector<HTMLInputElement>(`#mistake-${m}`)!).checked));
    });
    const text = document.createElement('span');
    text.innerHTML = `<strong></strong><br><span class="hint"></span>`;
    text.querySelector('strong')!.textContent = MISTAKE_TEXT[mistake].label;
    text.querySelector('.hint')!.textContent = MISTAKE_TEXT[mistake].detail;
    label.append(box, text);
    fieldset.append(label);
  }
}

/** A finding as the page shows it: its code, and the message exactly as code receives it. */
export interface Finding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'note';
  readonly heading: string;
  readonly message: string;
}

export function findingsOfDiagnostics(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, heading: `history.diagnostics: ${d.severity}`, message: d.message }));
}

export function renderFindings(container: HTMLElement, findings: readonly Finding[]): void {
  container.replaceChildren(...findings.map((finding) => {
    const box = document.createElement('div');
    box.className = `finding ${finding.severity}`;
    box.dataset.code = finding.code;
    const head = document.createElement('div');
    const code = document.createElement('code');
    code.textContent = finding.code;
    head.append(code, ` — ${finding.heading}`);
    const message = document.createElement('p');
    message.textContent = finding.message;
    box.append(head, message);
    return box;
  }));
  if (findings.length === 0) container.textContent = 'The model doctor found nothing to warn about in this run.';
}
