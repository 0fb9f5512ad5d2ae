/**
 * Small SVG charts for the page: lines (learning curves, ROC, PR), bars (score histograms), a
 * marked point (the operating point) and a vertical cut (the threshold). Each chart is an
 * <svg role="img"> whose label says what it shows.
 */
export interface Series {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly color: string;
  /** 'line' (default), or 'bars' of the given width in x units. */
  readonly bars?: number;
  readonly dashed?: boolean;
}

export interface PlotOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly series: readonly Series[];
  readonly point?: { readonly x: number; readonly y: number; readonly label: string };
  readonly cut?: number;
  /** The corner the legend goes in, away from the data (default 'top-right'). */
  readonly legend?: 'top-right' | 'bottom-right' | 'bottom-left';
}

const SVG = 'http://www.w3.org/2000/svg';
const W = 320;
const H = 220;
const M = { left: 44, right: 10, top: 22, bottom: 34 };

function el(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** About five round ticks (steps of 1, 2 or 5 × 10^k) inside [low, high]. */
function ticks([low, high]: readonly [number, number]): number[] {
  const rough = (high - low) / 4 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let t = Math.ceil(low / step - 1e-9) * step; t <= high + 1e-9 * step; t += step) out.push(Math.round(t / step) * step);
  return out;
}

function label(value: number): string {
  return Math.abs(value) >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(2).replace(/0$/, '');
}

export function plot(options: PlotOptions): SVGSVGElement {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'plot' }) as SVGSVGElement;
  svg.setAttribute('aria-label', options.title);
  const [x0, x1] = options.x;
  const [y0, y1] = options.y;
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const sy = (y: number) => H - M.bottom - ((Math.min(Math.max(y, y0), y1) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  svg.append(el('text', { x: M.left, y: 14, class: 'plot-title' }, options.title));
  for (const t of ticks(options.x)) svg.append(el('text', { x: sx(t), y: H - M.bottom + 14, class: 'tick', 'text-anchor': 'middle' }, label(t)));
  for (const t of ticks(options.y)) {
    svg.append(el('line', { x1: M.left, x2: W - M.right, y1: sy(t), y2: sy(t), class: 'grid' }));
    svg.append(el('text', { x: M.left - 4, y: sy(t) + 4, class: 'tick', 'text-anchor': 'end' }, label(t)));
  }
  svg.append(el('text', { x: (M.left + W - M.right) / 2, y: H - 4, class: 'axis', 'text-anchor': 'middle' }, options.xLabel));
  svg.append(el('text', { x: 10, y: (M.top + H - M.bottom) / 2, class: 'axis', 'text-anchor': 'middle', transform: `rotate(-90 10 ${(M.top + H - M.bottom) / 2})` }, options.yLabel));
  options.series.forEach((series, s) => {
    if (series.bars !== undefined) {
      for (let i = 0; i < series.x.length; i++) {
        const left = sx(series.x[i]);
        const width = sx(series.x[i] + series.bars) - left;
        svg.append(el('rect', { x: left, y: sy(series.y[i]), width: Math.max(0, width - 1), height: sy(y0) - sy(series.y[i]), fill: series.color, 'fill-opacity': 0.55 }));
      }
    } else {
      const path = Array.from({ length: series.x.length }, (_, i) => `${i === 0 ? 'M' : 'L'}${sx(series.x[i]).toFixed(1)},${sy(series.y[i]).toFixed(1)}`).join('');
      svg.append(el('path', { d: path, fill: 'none', stroke: series.color, 'stroke-width': 2, ...(series.dashed ? { 'stroke-dasharray': '4 3' } : {}) }));
    }
    const corner = options.legend ?? 'top-right';
    const left = corner === 'bottom-left' ? M.left + 8 : W - M.right - 110;
    const top = corner === 'top-right' ? M.top + 2 + 14 * s : H - M.bottom - 8 - 14 * (options.series.length - s);
    svg.append(el('rect', { x: left, y: top, width: 10, height: 10, fill: series.color }));
    svg.append(el('text', { x: left + 14, y: top + 9, class: 'legend' }, series.name));
  });
  if (options.cut !== undefined) svg.append(el('line', { x1: sx(options.cut), x2: sx(options.cut), y1: M.top, y2: H - M.bottom, class: 'cut' }));
  if (options.point) {
    const { x, y } = options.point;
    svg.append(el('circle', { cx: sx(x), cy: sy(y), r: 5, class: 'operating-point' }));
    svg.append(el('title', {}, options.point.label));
  }
  return svg;
}
