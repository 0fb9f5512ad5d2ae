import { ConfigError, show } from '../errors.js';
import { Layer } from '../layers/base-layer.js';
import { input } from '../layers/input-layer.js';
import { Graph } from './graph.js';
import { Model } from './model.js';

/**
 * A linear stack of single-input layers. It is built when first needed: from the first layer's
 * `inputShape`, or without one from the first data it sees, as in Keras.
 */
export class Sequential extends Model {
  private readonly stack: Layer[] = [];

  constructor(layers: readonly Layer[] = [], options: { name?: string } = {}) {
    super({ name: options.name ?? 'sequential' });
    if (!Array.isArray(layers)) {
      throw new ConfigError('config/sequential', `nn.sequential expects an array of layers but got ${show(layers)}.`);
    }
    for (const layer of layers) this.add(layer);
  }

  override get className(): 'Sequential' {
    return 'Sequential';
  }

  /** Appends a layer; only before the model is built (before the first fit / predict). */
  add(layer: Layer): void {
    if (!(layer instanceof Layer)) {
      throw new ConfigError(
        'config/sequential-layer',
        `Sequential "${this.name}" takes single-input layers such as nn.layers.dense(...) but got ${show(layer)}` +
          `${layer && typeof layer === 'object' && 'className' in layer ? ` (${String((layer as { className: unknown }).className)})` : ''}; ` +
          'use nn.model({ inputs, outputs }) for graphs with merges.',
      );
    }
    if (this.hasGraph) {
      throw new ConfigError('config/sequential-built', `Sequential "${this.name}" is already built; add every layer before fit, predict or summary.`);
    }
    if (this.stack.length > 0 && layer.inputShape !== undefined) {
      throw new ConfigError('config/input-shape', `Only the first layer of a Sequential model takes inputShape; layer "${layer.name}" has one too.`);
    }
    this.stack.push(layer);
  }

  /** The layers in order (without an input layer, as Keras lists them). */
  get layers(): readonly Layer[] {
    this.tryBuild();
    return this.stack;
  }

  protected ensureBuilt(features: number): void {
    if (!this.hasGraph) this.buildFor(this.stack[0]?.inputShape ?? [features]);
  }

  /** Builds from the first layer's inputShape when the graph is first needed (summary, save). */
  protected tryBuild(): void {
    const shape = this.stack[0]?.inputShape;
    if (!this.hasGraph && shape !== undefined) this.buildFor(shape);
  }

  private buildFor(shape: readonly number[]): void {
    if (this.stack.length === 0) {
      throw new ConfigError('config/sequential-empty', `Sequential "${this.name}" has no layers; add some before training.`);
    }
    const first = input({ shape, name: `${this.name}_input` });
    let x = first;
    for (const layer of this.stack) x = layer.apply(x);
    this.setGraph(new Graph(first, x));
  }

  /** Builds now; the first layer's inputShape or `shape` gives the features. */
  build(shape?: readonly number[]): void {
    const s = shape ?? this.stack[0]?.inputShape;
    if (s === undefined) {
      throw new ConfigError('config/input-shape', `Sequential "${this.name}" needs an input shape: pass build([features]) or give the first layer inputShape.`);
    }
    if (!this.hasGraph) this.buildFor(s);
  }
}

/** `nn.sequential([...layers])`. */
export function sequential(layers: readonly Layer[] = [], options: { name?: string } = {}): Sequential {
  return new Sequential(layers, options);
}
