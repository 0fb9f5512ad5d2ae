import type { Part } from './prepare-data.js';

/** The square the 2-D plot covers and the grid of points the model scores to draw it. */
export interface Grid {
  readonly size: number;
  readonly low: number;
  readonly high: number;
  /** size × size points, row-major from the bottom row up, two coordinates each. */
  readonly x: Float32Array;
}

export const NEGATIVE = '#2b6cb0';
export const POSITIVE = '#dd6b20';

export function makeGrid(parts: readonly Part[], size = 60): Grid {
  let extent = 1;
  for (const part of parts) for (const value of part.x) extent = Math.max(extent, Math.abs(value));
  const high = extent * 1.1;
  const low = -high;
  const x = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      x[2 * (row * size + col)] = low + ((col + 0.5) / size) * (high - low);
      x[2 * (row * size + col) + 1] = low + ((row + 0.5) / size) * (high - low);
    }
  }
  return { size, low, high, x };
}

function mix(p: number): string {
  const a = [43, 108, 176];
  const b = [221, 107, 32];
  const c = a.map((v, i) => Math.round(255 - (255 - (p > 0.5 ? b[i] : a[i])) * Math.abs(p - 0.5) * 1.4));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * Paints the model's probability over the plane, the p = threshold contour (marching squares
 * over the grid), and the rows: training filled, validation hollow, test as squares.
 */
export function drawBoundary(canvas: HTMLCanvasElement, grid: Grid, scores: Float32Array, threshold: number, parts: { train: Part; validation: Part; test: Part }): void {
  const context = canvas.getContext('2d')!;
  const side = canvas.width;
  const n = grid.size;
  const cell = side / n;
  const px = (v: number) => ((v - grid.low) / (grid.high - grid.low)) * side;
  const py = (v: number) => side - px(v);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      context.fillStyle = mix(scores[row * n + col]);
      context.fillRect(col * cell, side - (row + 1) * cell, cell + 1, cell + 1);
    }
  }
  context.strokeStyle = '#111';
  context.lineWidth = 2;
  context.beginPath();
  const at = (row: number, col: number) => scores[row * n + col] - threshold;
  const centre = (row: number, col: number): [number, number] => [(col + 0.5) * cell, side - (row + 0.5) * cell];
  for (let row = 0; row + 1 < n; row++) {
    for (let col = 0; col + 1 < n; col++) {
      const corners: [number, number][] = [[row, col], [row, col + 1], [row + 1, col + 1], [row + 1, col]];
      const crossings: [number, number][] = [];
      for (let k = 0; k < 4; k++) {
        const [r1, c1] = corners[k];
        const [r2, c2] = corners[(k + 1) % 4];
        const v1 = at(r1, c1);
        const v2 = at(r2, c2);
        if ((v1 > 0) === (v2 > 0)) continue;
        const f = v1 / (v1 - v2);
        const [x1, y1] = centre(r1, c1);
        const [x2, y2] = centre(r2, c2);
        crossings.push([x1 + f * (x2 - x1), y1 + f * (y2 - y1)]);
      }
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        context.moveTo(...crossings[k]);
        context.lineTo(...crossings[k + 1]);
      }
    }
  }
  context.stroke();
  const marks: [Part, 'filled' | 'hollow' | 'square'][] = [[parts.train, 'filled'], [parts.validation, 'hollow'], [parts.test, 'square']];
  context.lineWidth = 1.5;
  for (const [part, mark] of marks) {
    for (let i = 0; i < part.rows; i++) {
      const x = px(part.x[2 * i]);
      const y = py(part.x[2 * i + 1]);
      const color = part.y[i] === 1 ? POSITIVE : NEGATIVE;
      context.fillStyle = color;
      context.strokeStyle = mark === 'filled' ? '#fff' : color;
      context.beginPath();
      if (mark === 'square') context.rect(x - 3, y - 3, 6, 6);
      else context.arc(x, y, 3.2, 0, 2 * Math.PI);
      if (mark !== 'hollow') context.fill();
      context.stroke();
    }
  }
}
