import { resolveMode, type Callback, type Logs, type TrainingModel } from './callback.js';

export interface ModelCheckpointArgs {
  /** Directory to save to; `{epoch}` (1-based, `{epoch:02d}` pads) and `{val_loss:.4f}`-style log keys are filled in. */
  filepath: string;
  monitor?: string;
  verbose?: number;
  /** Save only when the monitored quantity improves on the best so far. */
  saveBestOnly?: boolean;
  mode?: 'auto' | 'min' | 'max';
  includeOptimizer?: boolean;
}

/** Fills Keras-style placeholders: {epoch}, {epoch:02d}, {val_loss:.4f}. */
export function formatFilepath(template: string, epoch: number, logs: Logs): string {
  return template.replace(/\{(\w+)(?::(0?)(\d*)(?:\.(\d+))?([df]))?\}/g, (match, key: string, zero: string, width: string, precision: string, type: string) => {
    const value = key === 'epoch' ? epoch + 1 : logs[key];
    if (value === undefined) return match;
    let text = type === 'f' ? value.toFixed(precision ? Number(precision) : 6) : type === 'd' ? String(Math.round(value)) : String(value);
    if (width) text = text.padStart(Number(width), zero ? '0' : ' ');
    return text;
  });
}

/**
 * Saves the model at the end of each epoch, or only when the monitored quantity improves
 * (saveBestOnly). Every file is written atomically by model.save.
 */
export class ModelCheckpoint implements Callback {
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: number;
  readonly saveBestOnly: boolean;
  readonly mode: 'auto' | 'min' | 'max';
  readonly includeOptimizer: boolean;
  /** The best monitored value saved so far. */
  best = Infinity;
  private direction: 'min' | 'max' = 'min';
  private model: TrainingModel | undefined;

  constructor(args: ModelCheckpointArgs) {
    this.filepath = args.filepath;
    this.monitor = args.monitor ?? 'val_loss';
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.mode = args.mode ?? 'auto';
    this.includeOptimizer = args.includeOptimizer ?? false;
  }

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  onTrainBegin(): void {
    this.direction = resolveMode(this.mode, this.monitor, this.model);
    this.best = this.direction === 'min' ? Infinity : -Infinity;
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (!this.model) return;
    const path = formatFilepath(this.filepath, epoch, logs);
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) {
        if (this.verbose > 0) console.log(`Can save best model only with ${this.monitor} available, skipping.`);
        return;
      }
      const improved = this.direction === 'min' ? current < this.best : current > this.best;
      if (!improved) return;
      if (this.verbose > 0) console.log(`Epoch ${epoch + 1}: ${this.monitor} improved from ${this.best} to ${current}, saving model to ${path}`);
      this.best = current;
    }
    await this.model.save(path, { includeOptimizer: this.includeOptimizer });
  }
}
