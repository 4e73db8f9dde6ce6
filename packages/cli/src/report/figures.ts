import {
  attentionByLocatorFigure,
  greenToDeliveryFigure,
  pipelineSnapshotFigure,
  pipelineTrendFigure,
  timeInStageFigure,
  toSvgString,
} from '@panopticon/charts';
import { DELAY_CATEGORIES } from '../time-in-stage-rows.js';
import { calendarFigure } from './calendar-figure.js';
import { unsafeHtml, type Html } from './html.js';
import { FIGURE_WIDTHS, responseFigures } from './response-figures.js';
import type { ReportModel } from './model.js';
import { survivalFigures, type SurvivalFigureName } from './survival-figures.js';

/** The figures of the page as inline SVG markup, and the CSS their `<style>` elements held. */
export interface RenderedFigures {
  /** Trusted as markup: serialized from the DOM, where every text from data was set as text. */
  svg: Record<FigureName, Html>;
  /** The figures' own CSS, moved into the page's one style sheet (so the CSP needs a single style hash). */
  css: string;
}

export type FigureName =
  | 'attentionByLocator'
  | 'calendar'
  | 'snapshot'
  | 'trend'
  | 'timeInStage'
  | 'greenToDelivery'
  | 'heatmap'
  | 'demand'
  | 'comparison'
  | SurvivalFigureName;

/** The parts of the report model the figures are drawn from. */
export type FigureInput = Pick<
  ReportModel,
  | 'asOf'
  | 'timeZone'
  | 'pipeline'
  | 'attention'
  | 'calendarAppointments'
  | 'calendarRange'
  | 'snapshot'
  | 'trend'
  | 'visits'
  | 'green'
  | 'heatmap'
  | 'demand'
  | 'comparison'
  | 'comparisonPeriods'
  | 'slaMinutes'
  | 'slotMinutes'
  | 'survival'
>;

export { FIGURE_WIDTHS };

/**
 * Draws every figure of the report with `@panopticon/charts` into `document` (jsdom's in Node) and
 * serializes each to SVG markup. Text from data was set as DOM text, so the markup is escaped. Each
 * figure's `<style>` is removed and returned once in `css`; calendar days get a `data-day` attribute
 * (calendar-figure.ts) so the page can highlight a date range.
 */
export function renderFigures(model: FigureInput, document: Document): RenderedFigures {
  const { asOf, timeZone, pipeline } = model;
  const dated = { asOf, timeZone };
  const styles = new Set<string>();
  const out = (svg: SVGSVGElement): Html => {
    // A figure's <style> is a child of its root (composeFigure); a search of the whole tree only when the
    // markup shows more, since jsdom's selector walks are slow on figures of thousands of marks.
    for (const child of [...svg.children]) if (child.tagName.toLowerCase() === 'style') moveStyle(child);
    let markup = toSvgString(svg);
    if (/<style[\s>]|\sstyle="/.test(markup)) {
      for (const style of [...svg.querySelectorAll('style')]) moveStyle(style);
      for (const el of [...svg.querySelectorAll('[style]')]) el.removeAttribute('style'); // the CSP allows no inline style
      markup = toSvgString(svg);
    }
    return unsafeHtml(withoutGroupLabels(markup));
  };
  const moveStyle = (style: Element) => {
    styles.add(style.textContent ?? '');
    style.remove();
  };

  const calendar = calendarFigure(
    model.calendarAppointments,
    { ...dated, from: model.calendarRange.from, to: model.calendarRange.to },
    document,
  );

  // The response figures as the page's script redraws them when a control changes (response-figures.ts).
  const response = responseFigures(
    {
      ...model,
      currentLabel: `${model.comparisonPeriods.current.from} to ${model.comparisonPeriods.current.to}`,
      previousLabel: `${model.comparisonPeriods.previous.from} to ${model.comparisonPeriods.previous.to}`,
    },
    document,
  );
  const svg: Record<FigureName, Html> = {
    attentionByLocator: out(
      attentionByLocatorFigure(
        model.attention.map((r) => ({ locator: r.locator, reason: r.reason, status: r.status })),
        {
          document,
          ...dated,
          width: FIGURE_WIDTHS.side,
          title: 'Whose leads need attention',
        },
      ),
    ),
    calendar: out(calendar),
    snapshot: out(pipelineSnapshotFigure(model.snapshot, { document, ...dated, width: FIGURE_WIDTHS.half })),
    trend: out(
      pipelineTrendFigure(model.trend, {
        document,
        timeZone,
        width: FIGURE_WIDTHS.half,
        categories: ['open', 'green', 'delivery'],
        title: 'Working pipeline over time',
      }),
    ),
    timeInStage: out(
      timeInStageFigure(model.visits, { document, pipeline, categories: DELAY_CATEGORIES, ...dated, width: FIGURE_WIDTHS.half }),
    ),
    greenToDelivery: out(
      greenToDeliveryFigure(model.green, {
        document,
        ...dated,
        width: FIGURE_WIDTHS.half,
        greenStuckAfterDays: pipeline.greenStuckAfterDays,
        // The whole distribution, not the longest few: every lead gets a bar, thinner when there are many;
        // beyond GREEN_MAX_BARS the figure (whose subtitle then says how many it shows) would outweigh the page.
        maxLeads: Math.max(1, Math.min(model.green.rows.length, GREEN_MAX_BARS)),
        barHeight: greenBarHeight(model.green.rows.length),
      }),
    ),
    heatmap: out(response.heatmap),
    demand: out(response.demand),
    comparison: out(response.comparison),
    ...survivalFigures(model, document, out),
  };
  return { svg, css: [...styles].join('\n') };
}

/** At most this many bars in the green → delivery figure (about 110 KB of SVG). */
const GREEN_MAX_BARS = 300;

/**
 * The bar height (px) of the green → delivery figure: 14 px (a legible name per bar) up to 150 leads;
 * beyond, thinner bars keep the figure near 2,100 px tall.
 */
function greenBarHeight(leads: number): number {
  return leads <= 150 ? 14 : Math.max(7, Math.floor(2100 / Math.min(leads, GREEN_MAX_BARS)));
}

/**
 * Plot names each mark's `<g>` with an `aria-label` ("rule", "line"); inside a figure whose root is
 * `role="img"` with its own label these names are noise, and `aria-label` on a `<g>` without a role is
 * prohibited ARIA (axe-core's aria-prohibited-attr). The root's label stays. Serialized attribute values
 * have `<`, `>` and `"` escaped, so the pattern cannot reach past a tag.
 */
function withoutGroupLabels(markup: string): string {
  return markup.replace(/<g\b[^>]*>/g, (tag) => (/\srole="/.test(tag) ? tag : tag.replace(/\saria-label="[^"]*"/, '')));
}
