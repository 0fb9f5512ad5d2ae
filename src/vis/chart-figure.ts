/** A chart's figure in a page: its drawing areas (one per panel), and the caption under them. */
export interface ChartFigure {
  readonly figure: HTMLElement;
  /** Where each panel's chart is drawn, with the figure's accessible name. */
  readonly panels: HTMLElement[];
  readonly caption: HTMLElement;
}

/**
 * Appends `<figure class="nnkit-chart" data-chart="id">` to `parent`, with `panels` drawing
 * areas (role img, named by `label`) side by side, wrapping on a narrow screen, and a caption.
 */
export function chartFigure(parent: HTMLElement, id: string, label: string, caption: string, panels = 1): ChartFigure {
  const document = parent.ownerDocument;
  const figure = document.createElement('figure');
  figure.className = 'nnkit-chart';
  figure.dataset.chart = id;
  figure.style.margin = '0';
  figure.style.maxWidth = '100%';
  const row = document.createElement('div');
  row.style.display = 'flex';
  row.style.flexWrap = 'wrap';
  row.style.gap = '8px';
  const areas = Array.from({ length: panels }, (_, index) => {
    const area = document.createElement('div');
    area.setAttribute('role', 'img');
    area.setAttribute('aria-label', panels === 1 ? label : `${label} (${index + 1} of ${panels})`);
    area.style.maxWidth = '100%';
    area.style.overflowX = 'auto';
    return area;
  });
  row.append(...areas);
  const figcaption = document.createElement('figcaption');
  figcaption.textContent = caption;
  figcaption.style.font = '13px system-ui, sans-serif';
  figcaption.style.color = '#555555';
  figcaption.style.maxWidth = '420px';
  figure.append(row, figcaption);
  parent.append(figure);
  return { figure, panels: areas, caption: figcaption };
}
