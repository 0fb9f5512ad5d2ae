import { diagnose, type Diagnostic, type DiagnosticStage } from './diagnostic.js';

/**
 * Rows of a class a model needs to learn anything about it. NOTE: a two-layer network fits ten
 * rows of a class by heart; with fewer it has no chance to find a rule that carries over.
 */
export const MIN_LEARN_ROWS = 10;

/**
 * Rows of a class a score needs to mean something. NOTE: with fewer than 5 rows a class's
 * recall moves in steps of 0.2 or more, and one row decides early stopping or the threshold.
 */
export const MIN_MEASURE_ROWS = 5;

/** One part of the rows (training, validation, test, or rows being evaluated), per class. */
export interface RowPart {
  /** How the message names it: 'training', 'validation', 'test', 'evaluated'. */
  readonly name: string;
  /** Rows per class, in class-index order. */
  readonly counts: readonly number[];
  /** 'learn' (training rows) or 'measure' (rows scores are computed on). */
  readonly use: 'learn' | 'measure';
  /**
   * Whether a class with no row counts as too few: true for parts of a split of labelled data
   * (every class should be there), false for rows evaluated on purpose (one class is a fair
   * question: recall on positive rows only).
   */
  readonly everyClass: boolean;
  /** How the caller gets more rows into this part, e.g. 'make --test-split smaller'. */
  readonly fix: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * 'too-few-rows' when some part has fewer rows of a class than it needs (MIN_LEARN_ROWS to
 * learn, MIN_MEASURE_ROWS to measure); `classNames` name the classes in the message.
 */
export function tooFewRows(
  parts: readonly RowPart[], classNames: readonly string[], stage: DiagnosticStage,
): Diagnostic | undefined {
  const short = parts.flatMap((part) => {
    const least = part.use === 'learn' ? MIN_LEARN_ROWS : MIN_MEASURE_ROWS;
    const classes = part.counts
      .map((count, k) => ({ count, k }))
      .filter(({ count }) => count < least && (count > 0 || part.everyClass));
    return classes.length === 0 ? [] : [{ part, least, classes }];
  });
  if (short.length === 0) return undefined;
  const name = (k: number) => JSON.stringify(classNames[k] ?? String(k));
  const what = short.map(({ part, classes }) => {
    const total = part.counts.reduce((a, b) => a + b, 0);
    const held = classes.map(({ count, k }) => `${count} of class ${name(k)}`).join(' and ');
    return `the ${plural(total, `${part.name} row`)} hold${total === 1 ? 's' : ''} ${held}`;
  });
  const learn = short.some(({ part }) => part.use === 'learn');
  const measure = short.some(({ part }) => part.use === 'measure');
  return diagnose('too-few-rows', stage, {
    what: `Too few rows to ${learn && measure ? 'learn or to measure' : learn ? 'learn' : 'measure'} from: ${what.join('; ')} ` +
      `(a class needs ${learn ? `${MIN_LEARN_ROWS} rows to learn` : ''}${learn && measure ? ' and ' : ''}` +
      `${measure ? `${MIN_MEASURE_ROWS} to be measured` : ''}).`,
    why: 'On so few rows ' +
      (learn ? `the model memorizes instead of finding a rule that carries over${measure ? ', and ' : '.'}` : '') +
      (measure ? 'every score moves by a large step with each row: a perfect score or a zero says little, ' +
        'and early stopping or a tuned threshold follows noise.' : ''),
    fix: `Use more rows: ${[...new Set(short.map(({ part }) => part.fix))].join('; ')}.`,
  }, { parts: short.map(({ part, classes }) => ({ name: part.name, counts: [...part.counts], short: classes.map(({ k }) => k) })) });
}
