import { ConfigError, NnkitError, show, type DataLocation, type ErrorKind } from '../errors.js';

/** error: the model cannot work as written (thrown). warning: it will probably mislead (collected). */
export type Severity = 'error' | 'warning';

/** When a diagnostic is found. */
export type DiagnosticStage = 'compile' | 'fit' | 'training' | 'predict' | 'evaluate';

interface CatalogEntry {
  readonly severity: Severity;
  /** The error kind a thrown diagnostic carries (errors only; warnings are never thrown). */
  readonly kind: ErrorKind;
  /**
   * Whether `compile({ silence })` may switch it off. Errors whose silencing would let training
   * read out of bounds or produce NaN (shape and range mismatches) cannot be silenced.
   */
  readonly silenceable: boolean;
  readonly title: string;
}

/**
 * Every diagnostic the doctor knows, by its stable code. docs/diagnostics.md documents each one
 * (a test keeps the two in step).
 */
export const diagnosticCatalog = {
  // compile: the output layer, the loss and the metrics
  'softmax-one-unit': { severity: 'error', kind: 'config', silenceable: true, title: 'softmax on a one-unit output' },
  'crossentropy-one-unit': { severity: 'error', kind: 'config', silenceable: true, title: 'categorical cross-entropy on a one-unit output' },
  'output-not-probability': { severity: 'error', kind: 'config', silenceable: true, title: 'a probability loss on an output that is not a probability' },
  'from-logits-on-probabilities': { severity: 'error', kind: 'config', silenceable: true, title: 'fromLogits on a sigmoid or softmax output' },
  'softmax-binary-crossentropy': { severity: 'warning', kind: 'config', silenceable: true, title: 'softmax output with binary cross-entropy' },
  'regression-loss-on-classifier': { severity: 'warning', kind: 'config', silenceable: true, title: 'mean squared error or hinge on a classification output' },
  'metric-not-applicable': { severity: 'error', kind: 'config', silenceable: true, title: 'a metric that cannot apply to the output' },
  'binary-accuracy-on-softmax': { severity: 'warning', kind: 'config', silenceable: true, title: 'binary accuracy on a softmax output' },
  // fit and evaluate: the data
  'non-numeric-features': { severity: 'error', kind: 'data', silenceable: false, title: 'a value that is not a number in the features or labels' },
  'nonfinite-features': { severity: 'error', kind: 'data', silenceable: false, title: 'NaN or Infinity in the features' },
  'empty-data': { severity: 'error', kind: 'data', silenceable: false, title: 'no rows to train on' },
  'label-row-mismatch': { severity: 'error', kind: 'shape', silenceable: false, title: 'features and labels have different row counts' },
  'label-columns-mismatch': { severity: 'error', kind: 'shape', silenceable: false, title: 'labels with the wrong number of columns' },
  'sparse-labels-one-hot': { severity: 'error', kind: 'shape', silenceable: false, title: 'one-hot labels given to a sparse loss' },
  'categorical-labels-integer': { severity: 'error', kind: 'shape', silenceable: false, title: 'integer labels given to a categorical loss' },
  'sparse-label-range': { severity: 'error', kind: 'data', silenceable: false, title: 'class indices outside the output units' },
  'binary-labels-out-of-range': { severity: 'error', kind: 'data', silenceable: false, title: 'binary labels outside 0 and 1' },
  'categorical-labels-out-of-range': { severity: 'error', kind: 'data', silenceable: false, title: 'one-hot labels outside 0 and 1' },
  'binary-labels-fractional': { severity: 'warning', kind: 'data', silenceable: true, title: 'binary labels that are neither 0 nor 1' },
  'single-class-labels': { severity: 'warning', kind: 'data', silenceable: true, title: 'one class in the training labels' },
  'unscaled-features': { severity: 'warning', kind: 'data', silenceable: true, title: 'features on very different scales' },
  'accuracy-paradox': { severity: 'warning', kind: 'data', silenceable: true, title: 'class imbalance judged by accuracy alone' },
  'validation-split-sorted': { severity: 'warning', kind: 'data', silenceable: true, title: 'a validation split unlike the training rows' },
  'data-leakage': { severity: 'warning', kind: 'data', silenceable: true, title: 'validation or test rows that also appear in training' },
  // during training
  'loss-not-finite': { severity: 'warning', kind: 'value', silenceable: false, title: 'the loss became NaN or infinite' },
  'loss-exploding': { severity: 'warning', kind: 'value', silenceable: true, title: 'the loss exploded' },
  'stuck-one-class': { severity: 'warning', kind: 'value', silenceable: true, title: 'the model predicts one class only' },
  'overfitting': { severity: 'warning', kind: 'value', silenceable: true, title: 'validation loss rising while training loss falls' },
  // predict and evaluate
  'feature-count-mismatch': { severity: 'error', kind: 'shape', silenceable: false, title: 'input with the wrong number of columns' },
  'feature-columns-mismatch': { severity: 'error', kind: 'shape', silenceable: false, title: 'input columns missing, extra or in another order' },
  'feature-drift': { severity: 'warning', kind: 'data', silenceable: true, title: 'features far outside the training range' },
  'nonfinite-predictions': { severity: 'error', kind: 'value', silenceable: false, title: 'the model produced NaN or infinite outputs' },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof diagnosticCatalog;

export const diagnosticCodes = Object.keys(diagnosticCatalog) as DiagnosticCode[];

/** One finding of the model doctor. */
export interface Diagnostic {
  /** Stable and documented in docs/diagnostics.md, e.g. 'softmax-one-unit'. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly stage: DiagnosticStage;
  /** Three parts: what happened, why it matters, how to fix it. */
  readonly message: string;
  /** The "how to fix it" part on its own, for a report or a CLI that shows it apart. */
  readonly fix: string;
  /** Numbers behind the message (offending rows, columns, baselines), JSON-serializable. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The three parts of a message, each a full sentence or more. */
export interface MessageParts {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
}

/** Builds a diagnostic with the catalog's severity for `code`. */
export function diagnose(
  code: DiagnosticCode, stage: DiagnosticStage, parts: MessageParts, details?: Record<string, unknown>,
): Diagnostic {
  return {
    code,
    severity: diagnosticCatalog[code].severity,
    stage,
    message: `${parts.what} ${parts.why} ${parts.fix}`,
    fix: parts.fix,
    ...(details === undefined ? {} : { details }),
  };
}

/**
 * The error a diagnostic of severity 'error' throws. `code` is the diagnostic's code, `kind`
 * comes from the catalog (config, data, shape, value), and `diagnostic` has every detail.
 */
export class DiagnosticError extends NnkitError {
  readonly diagnostic: Diagnostic;
  /** Row and column of the first offending value, for data diagnostics that have one. */
  readonly location: DataLocation;

  constructor(diagnostic: Diagnostic, location: DataLocation = {}) {
    super(diagnosticCatalog[diagnostic.code].kind, diagnostic.code, diagnostic.message);
    this.name = 'DiagnosticError';
    this.diagnostic = diagnostic;
    this.location = location;
  }
}

/** Throws the diagnostic as a DiagnosticError. */
export function raise(diagnostic: Diagnostic, location?: DataLocation): never {
  throw new DiagnosticError(diagnostic, location);
}

/** Validates `compile({ silence })`: known codes that may be silenced. */
export function checkSilenceList(silence: unknown): DiagnosticCode[] {
  if (silence === undefined) return [];
  if (!Array.isArray(silence)) {
    throw new ConfigError('config/silence', `compile({ silence }) expects an array of diagnostic codes such as ['unscaled-features'] but got ${show(silence)}.`);
  }
  for (const code of silence) {
    if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(diagnosticCatalog, code)) {
      throw new ConfigError(
        'config/silence',
        `compile({ silence }): ${show(code)} is not a diagnostic code; the codes are listed in docs/diagnostics.md ` +
          `(e.g. ${diagnosticCodes.slice(0, 3).map((c) => `'${c}'`).join(', ')}).`,
      );
    }
    if (!diagnosticCatalog[code as DiagnosticCode].silenceable) {
      throw new ConfigError(
        'config/silence',
        `compile({ silence }): '${code}' cannot be silenced, because training past it would read out of bounds or ` +
          'produce NaN; fix the data or the model instead (docs/diagnostics.md says how).',
      );
    }
  }
  return [...new Set(silence as DiagnosticCode[])];
}
