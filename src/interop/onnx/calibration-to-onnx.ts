import type { CalibrationMap } from '../../classifier/calibration.js';
import { ConfigError } from '../../errors.js';
import { DOUBLE, FLOAT, type OnnxGraph } from './onnx-graph.js';

const EPS = 1e-15;

/**
 * Adds a classifier's calibration applied to `probabilities` (batch, columns) float32; returns
 * the calibrated float32 probabilities' name. Computed in double and rounded once, as
 * applyCalibration does: temperature σ(logit q / T) or softmax(log q / T) with q clipped to
 * [1e-15, 1 − 1e-15]; sigmoid σ(−(a·p + b)); isotonic as a sum of clipped ramps,
 * y₀ + Σᵢ slopeᵢ · (min(max(p, xᵢ), xᵢ₊₁) − xᵢ), which is linear between the points and flat
 * outside them.
 */
export function calibrationToOnnx(graph: OnnxGraph, map: CalibrationMap, probabilities: string, columns: number): string {
  if (columns > 1 && map.method !== 'temperature') {
    throw new ConfigError(
      'config/onnx-calibration',
      `A ${map.method} calibration maps one probability, but this model gives ${columns}; nnkit calibrates ` +
        'more classes by temperature only, so this pipeline was not made by nnkit train. Train it again.',
    );
  }
  const p = graph.node('Cast', [probabilities], { to: { int: DOUBLE } });
  const scalar = (hint: string, value: number) => graph.constant(hint, DOUBLE, [value], []);
  let out: string;
  if (map.method === 'temperature') {
    const q = graph.node('Clip', [p, scalar('calibration_low', EPS), scalar('calibration_high', 1 - EPS)]);
    const logQ = graph.node('Log', [q]);
    const logits = columns === 1 ? graph.node('Sub', [logQ, graph.node('Log', [graph.node('Sub', [scalar('one', 1), q])])]) : logQ;
    const scaled = graph.node('Div', [logits, scalar('temperature', map.temperature)]);
    out = columns === 1 ? graph.node('Sigmoid', [scaled]) : graph.node('Softmax', [scaled], { axis: { int: -1 } });
  } else if (map.method === 'sigmoid') {
    const u = graph.node('Add', [graph.node('Mul', [p, scalar('platt_a', map.a)]), scalar('platt_b', map.b)]);
    out = graph.node('Sigmoid', [graph.node('Neg', [u])]);
  } else {
    const { x, y } = map;
    const base = graph.node('Add', [graph.node('Mul', [p, scalar('zero', 0)]), scalar('isotonic_y0', y[0])]);
    if (x.length === 1) out = base;
    else {
      const n = x.length - 1;
      const low = graph.constant('isotonic_low', DOUBLE, x.slice(0, n), [n]);
      const high = graph.constant('isotonic_high', DOUBLE, x.slice(1), [n]);
      const slopes = graph.constant('isotonic_slopes', DOUBLE, Array.from({ length: n }, (_, i) => (y[i + 1] - y[i]) / (x[i + 1] - x[i])), [n, 1]);
      // p (batch, 1) against the n segments (n) → (batch, n) → · slopes (n, 1) → (batch, 1)
      const ramps = graph.node('Sub', [graph.node('Min', [graph.node('Max', [p, low]), high]), low]);
      out = graph.node('Add', [graph.node('MatMul', [ramps, slopes]), base]);
    }
  }
  return graph.node('Cast', [out], { to: { int: FLOAT } });
}
