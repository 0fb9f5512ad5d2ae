import { parse, resetSVGDefIds, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartConfig } from './chart-theme.js';
import { escapeHtml } from './escape-html.js';

/**
 * Compiles a Vega-Lite spec and renders it headless (renderer 'none') to an SVG string that can be
 * inlined in HTML: the page needs no JavaScript to show it. `id` must be unique in the page (it
 * prefixes the SVG's internal ids); `label` is the accessible name. Call one at a time (await
 * each): Vega numbers clip paths with a process-wide counter, reset here so output is reproducible.
 */
export async function renderChart(spec: TopLevelSpec, id: string, label: string): Promise<string> {
  const vegaSpec = compile(spec, { config: chartConfig }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  let svg: string;
  try {
    resetSVGDefIds();
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  return inlineSvg(svg, `${id}-`, label);
}

/**
 * Makes a standalone SVG document fit to sit inside an HTML page next to other charts. Only tags
 * are rewritten: Vega escapes `<`, `>` and `"` in text and attribute values, so `<[^>]*>` finds
 * exactly the tags, and a class name that reads like markup stays untouched text.
 */
function inlineSvg(svg: string, idPrefix: string, label: string): string {
  const body = svg.replace(/<[^>]*>/g, (tag) =>
    tag
      // NOTE: the HTML parser puts <svg> in the SVG namespace by itself, so the xmlns attributes
      // are redundant; dropping them leaves no "http" text in the page at all, which the tests
      // check to prove that nothing is fetched.
      .replace(/ xmlns(:xlink)?="[^"]*"/g, '')
      // NOTE: Vega numbers clip paths and gradients with counters it may reset; ids must be
      // unique across the whole page or one chart's `url(#clip1)` uses another chart's clip path.
      .replace(/ id="([^"]+)"/g, ` id="${idPrefix}$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}$1)`),
  );
  return body.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `);
}
