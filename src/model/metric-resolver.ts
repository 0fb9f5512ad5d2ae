import { ConfigError, show } from '../errors.js';
import { Accuracy } from '../metrics/accuracy.js';
import type { Metric, MetricConfig } from '../metrics/metric.js';

/**
 * How compile turns metric identifiers into metrics. The metrics suite installs its full
 * registry here; the core alone knows 'accuracy'.
 */
export type MetricResolver = (identifier: string | Metric | MetricConfig) => Metric;

function coreResolver(identifier: string | Metric | MetricConfig): Metric {
  if (typeof identifier === 'object' && identifier !== null && 'update' in identifier) return identifier;
  const name = typeof identifier === 'string' ? identifier : identifier.className;
  if (name === 'accuracy' || name === 'acc' || name === 'Accuracy') {
    const config = typeof identifier === 'string' ? {} : (identifier.config as ConstructorParameters<typeof Accuracy>[0]);
    return new Accuracy(config);
  }
  throw new ConfigError('config/unknown-metric', `Unknown metric ${show(name)}; expected 'accuracy' or a metric object.`);
}

let resolver: MetricResolver = coreResolver;

export function resolveMetric(identifier: string | Metric | MetricConfig): Metric {
  return resolver(identifier);
}

export function setMetricResolver(next: MetricResolver): void {
  resolver = next;
}
