import type { JsonReader } from '../utils/json-reader.js';
import { checkSilenceList, raise, type Diagnostic, type DiagnosticCode, type DiagnosticStage } from './diagnostic.js';
import { parseFeatureStats, type FeatureStats } from './feature-stats.js';
import type { InputColumns } from './input-columns.js';
import type { RowHashes } from './row-hashes.js';
import { readTrainingRows, saveTrainingRows, type SavedTrainingRows } from './saved-training-rows.js';

/** Warnings kept per model; the oldest predict / evaluate ones go first beyond this. */
const MAX_KEPT = 200;

/** What the doctor saves with a model (model.json's `doctor` section). */
export interface DoctorState {
  readonly silence?: readonly DiagnosticCode[];
  readonly featureStats?: FeatureStats;
  /** Fingerprints of the last fit's training rows, so evaluate can tell them after loading. */
  readonly trainingRows?: SavedTrainingRows;
}

/**
 * One model's doctor: the codes silenced at compile, the warnings found so far, and what the
 * last fit saw (feature ranges and row fingerprints, saved with the model; 32-bit fingerprints
 * once loaded).
 * Errors are thrown from `report`; warnings are collected here and on the History.
 */
export class Doctor {
  private silenced: ReadonlySet<DiagnosticCode> = new Set();
  private found: Diagnostic[] = [];
  private readonly printed = new Set<string>();
  featureStats: FeatureStats | undefined;
  trainingRows: RowHashes | undefined;
  /**
   * The columns the next fit's x was made from (a pipeline sets it just before fit; fit reads it
   * once and forgets it). Without it fit's column checks read each input feature as a column.
   */
  inputColumns: InputColumns | undefined;

  /** The codes `compile({ silence })` switched off. */
  get silence(): readonly DiagnosticCode[] {
    return [...this.silenced];
  }

  /** Sets the silenced codes (validated: known and silenceable). */
  setSilence(codes: unknown): void {
    this.silenced = new Set(checkSilenceList(codes));
  }

  isSilenced(code: DiagnosticCode): boolean {
    return this.silenced.has(code);
  }

  /** Every warning found on this model and not silenced, oldest first. */
  get diagnostics(): readonly Diagnostic[] {
    return this.found;
  }

  /**
   * Acts on one finding: an error throws a DiagnosticError, a warning is kept (once per code
   * and message). Silenced codes are dropped. Returns the warning when it was kept.
   */
  report(diagnostic: Diagnostic, location?: { row?: number; column?: string }): Diagnostic | undefined {
    if (this.silenced.has(diagnostic.code)) return undefined;
    if (diagnostic.severity === 'error') raise(diagnostic, location);
    // NOTE: predict is often called batch after batch (a stream, a server); its first drift
    // warning stands for the rest instead of one warning per batch.
    const same = this.found.find((d) => d.code === diagnostic.code &&
      (d.message === diagnostic.message || (d.stage === 'predict' && diagnostic.stage === 'predict')));
    if (same) return same;
    this.found.push(diagnostic);
    if (this.found.length > MAX_KEPT) {
      const drop = this.found.findIndex((d) => d.stage === 'predict' || d.stage === 'evaluate');
      this.found.splice(drop === -1 ? 0 : drop, 1);
    }
    return diagnostic;
  }

  /** Reports each finding in order (the first error throws) and returns the warnings kept. */
  reportAll(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const kept: Diagnostic[] = [];
    for (const d of diagnostics) {
      const k = this.report(d);
      if (k) kept.push(k);
    }
    return kept;
  }

  /** Forgets the warnings of these stages (a new compile or fit replaces them). */
  clear(stages: readonly DiagnosticStage[]): void {
    this.found = this.found.filter((d) => !stages.includes(d.stage));
  }

  /** Prints warnings not printed before by this model, as `nnkit warning [code]: message`. */
  print(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      const key = `${d.code}\n${d.message}`;
      if (this.printed.has(key)) continue;
      this.printed.add(key);
      console.warn(`nnkit ${d.severity} [${d.code}]: ${d.message}`);
    }
  }

  /** The state that must survive save / load (model.json's `doctor` section), if any. */
  state(): DoctorState | undefined {
    const rows = this.trainingRows && saveTrainingRows(this.trainingRows);
    const state: DoctorState = {
      ...(this.silenced.size > 0 ? { silence: [...this.silenced] } : {}),
      ...(this.featureStats ? { featureStats: this.featureStats } : {}),
      ...(rows ? { trainingRows: rows } : {}),
    };
    return Object.keys(state).length > 0 ? state : undefined;
  }

  /** Restores a saved `doctor` section for a model of `features` inputs; bad fields throw with their path. */
  restore(section: JsonReader, features: number): void {
    section.object();
    const silence = section.optional('silence');
    if (silence !== undefined) {
      try {
        this.setSilence(silence.stringArray());
      } catch (error) {
        silence.fail(`known, silenceable diagnostic codes (${(error as Error).message})`);
      }
    }
    const stats = section.optional('featureStats');
    if (stats !== undefined) {
      const { stats: parsed, problem } = parseFeatureStats(stats.value, features);
      if (problem !== undefined) stats.fail(`feature ranges of the training rows (${problem})`);
      this.featureStats = parsed;
    }
    const rows = section.optional('trainingRows');
    if (rows !== undefined) this.trainingRows = readTrainingRows(rows);
  }
}
