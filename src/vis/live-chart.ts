import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartConfig } from '../report/chart-theme.js';
import { ChartLog } from './chart-log.js';
import { namedData, TITLE_PARAM } from './named-data.js';
import { RefusingLoader } from './refusing-loader.js';

/**
 * One Vega-Lite chart drawn as SVG into a DOM element, redrawn from a new spec as its data
 * changes. A spec of the same shape as the last one (see namedData) only swaps the values that
 * changed and the title: a few milliseconds, where compiling and parsing a chart again takes
 * tens. Charts never fetch (RefusingLoader); a draw that Vega logs an error for throws it.
 */
export class LiveChart {
  readonly element: HTMLElement;
  private view: View | undefined;
  private readonly log = new ChartLog();
  private readonly loader = new RefusingLoader();
  private shape = '';
  /** The JSON of each dataset's values, to tell which changed. */
  private drawnData = new Map<string, string>();

  constructor(element: HTMLElement) {
    this.element = element;
  }

  /** Draws `spec`, reusing the chart drawn last when the spec has the same shape. */
  async draw(spec: TopLevelSpec): Promise<void> {
    const named = namedData(spec);
    const data = new Map([...named.datasets].map(([name, values]) => [name, JSON.stringify(values)]));
    if (this.view === undefined || named.shape !== this.shape) {
      this.view?.finalize();
      const compiled = compile({ ...named.spec, datasets: Object.fromEntries(named.datasets) } as TopLevelSpec, {
        config: chartConfig,
      }).spec;
      this.view = new View(parse(compiled), {
        renderer: 'svg',
        container: this.element,
        hover: false,
        loader: this.loader,
        logger: this.log,
      });
      this.shape = named.shape;
    } else {
      for (const [name, values] of named.datasets) {
        // NOTE: Vega marks the objects it ingests, so it is given copies it can keep.
        if (data.get(name) !== this.drawnData.get(name)) this.view.data(name, values.map((value) => ({ ...(value as object) })));
      }
    }
    if (named.title !== undefined) this.view.signal(TITLE_PARAM, named.title);
    this.drawnData = data;
    await this.view.runAsync();
    const [refusal] = this.loader.takeRefusals();
    if (refusal !== undefined) throw refusal;
    this.log.throwErrors();
  }

  /** Stops the chart and empties its element. */
  destroy(): void {
    this.view?.finalize();
    this.view = undefined;
    this.element.replaceChildren();
  }
}
