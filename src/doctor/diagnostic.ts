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

function entry<S extends Severity, K extends ErrorKind>(severity: S, kind: K, silenceable: boolean, title: string) {
  return { severity, kind, silenceable, title };
}

/**
 * Every diagnostic the doctor knows, by its stable code. docs/diagnostics.md documents each one
 * (a test keeps the two in step).
 */
export const diagnosticCatalog = {
  // compile: the output layer, the loss and the metrics
  'softmax-one-unit': entry('error', 'config', true, 'softmax on a one-unit output'),
  'crossentropy-one-unit': entry('error', 'config', true, 'categorical cross-entropy on a one-unit output'),
  'output-not-probability': entry('error', 'config', true, 'a probability loss on an output that is not a probability'),
  'from-logits-on-probabilities': entry('error', 'config', true, 'fromLogits on a sigmoid or softmax output'),
  'softmax-binary-crossentropy': entry('warning', 'config', true, 'softmax output with binary cross-entropy'),
  'regression-loss-on-classifier': entry('warning', 'config', true, 'mean squared error or hinge on a classification output'),
  'metric-not-applicable': entry('error', 'config', true, 'a metric that cannot apply to the output'),
  'binary-accuracy-on-softmax': entry('warning', 'config', true, 'binary accuracy on a softmax output'),
  // fit and evaluate: the data
  'non-numeric-features': entry('error', 'data', false, 'a value that is not a number in the features or labels'),
  'nonfinite-features': entry('error', 'data', false, 'NaN or Infinity in the features'),
  'empty-data': entry('error', 'data', false, 'no rows to train on'),
  'label-row-mismatch': entry('error', 'shape', false, 'features and labels have different row counts'),
  'label-columns-mismatch': entry('error', 'shape', false, 'labels with the wrong number of columns'),
  'sparse-labels-one-hot': entry('error', 'shape', false, 'one-hot labels given to a sparse loss'),
  'categorical-labels-integer': entry('error', 'shape', false, 'integer labels given to a categorical loss'),
  'sparse-label-range': entry('error', 'data', false, 'class indices outside the output units'),
  'binary-labels-out-of-range': entry('error', 'data', false, 'binary labels outside 0 and 1'),
  'categorical-labels-out-of-range': entry('error', 'data', false, 'one-hot labels outside 0 and 1'),
  'binary-labels-fractional': entry('warning', 'data', true, 'binary labels that are neither 0 nor 1'),
  'single-class-labels': entry('warning', 'data', true, 'one class in the training labels'),
  'unscaled-features': entry('warning', 'data', true, 'features on very different scales'),
  'accuracy-paradox': entry('warning', 'data', true, 'class imbalance judged by accuracy alone'),
  'validation-split-sorted': entry('warning', 'data', true, 'a validation split unlike the training rows'),
  'data-leakage': entry('warning', 'data', true, 'validation or test rows that also appear in training'),
  'target-leakage': entry('warning', 'data', true, 'a column that alone separates the classes almost perfectly'),
  'identifier-column': entry('warning', 'data', true, 'a column that looks like a row identifier'),
  'too-few-rows': entry('warning', 'data', true, 'too few rows of a class to learn or to measure from'),
  // during training
  'loss-not-finite': entry('warning', 'value', false, 'the loss became NaN or infinite'),
  'loss-exploding': entry('warning', 'value', true, 'the loss exploded'),
  'stuck-one-class': entry('warning', 'value', true, 'the model predicts one class only'),
  'overfitting': entry('warning', 'value', true, 'validation loss rising while training loss falls'),
  // predict and evaluate
  'feature-count-mismatch': entry('error', 'shape', false, 'input with the wrong number of columns'),
  'feature-columns-mismatch': entry('error', 'shape', false, 'input columns missing, extra or in another order'),
  'feature-drift': entry('warning', 'data', true, 'features far outside the training range'),
  'nonfinite-predictions': entry('error', 'value', false, 'the model produced NaN or infinite outputs'),
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
