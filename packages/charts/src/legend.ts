/**
 * Legends drawn as plain SVG (no canvas, no HTML), so a figure is one self-contained `<svg>` that renders the
 * same in a browser, in Node through jsdom, in a file and in an e-mail.
 *
 * @module
 */
import { textWidth } from './format.js';
import { NEUTRAL_COLORS } from './palette.js';
import { px, svgElement } from './svg.js';

/** A continuous colour ramp with a label and ticks. */
export interface RampLegend {
  type: 'ramp';
  label: string;
  /** The colour of a value (a scale's `apply`). */
  color: (value: number) => string;
  domain: readonly [number, number];
  ticks: readonly number[];
  tickFormat?: (value: number) => string;
  /** Width of the ramp in pixels. Default 240. */
  width?: number;
}

/** One entry of a swatch legend. */
export interface SwatchItem {
  label: string;
  /** Fill of the swatch (any SVG paint, including `url(#…)`). */
  fill: string;
  /** Outline of the swatch. Default: none. */
  stroke?: string;
  /** Outline width. Default 1. */
  strokeWidth?: number;
  /** `square` (default), `line` (a short stroke in `fill`), `dot` or `tick` (a short vertical stroke). */
  shape?: 'square' | 'line' | 'dot' | 'tick';
  /** For `line`: draw it dashed (a threshold rule). Default false. */
  dashed?: boolean;
}

/** A row of labelled swatches. */
export interface SwatchLegend {
  type: 'swatches';
  items: readonly SwatchItem[];
}

export type LegendPart = RampLegend | SwatchLegend;

const RAMP_STEPS = 64;
// Room left of the bar for half of the first tick label.
const RAMP_INSET = 12;
const RAMP_HEIGHT = 40;
const RAMP_BAR_TOP = 14;
const RAMP_BAR_HEIGHT = 10;
const SWATCH_HEIGHT = 16;
const SWATCH_SIZE = 12;
const GAP = 20;

interface Unit {
  width: number;
  height: number;
  ramp: boolean;
  draw(g: SVGGElement, x: number, y: number): void;
}

/**
 * Lays out the legend parts left to right, wrapping to a new line when the next unit would pass `width`.
 * Returns the group and its height (0 when there is nothing to show).
 */
export function renderLegend(doc: Document, parts: readonly LegendPart[], width: number): { node: SVGGElement; height: number } {
  const g = svgElement(doc, 'g', { class: 'panopticon-legend', 'font-size': 10 });
  const units = parts.flatMap((p) => (p.type === 'ramp' ? [rampUnit(doc, p)] : p.items.map((item) => swatchUnit(doc, item))));
  if (units.length === 0) return { node: g, height: 0 };
  const lines: Unit[][] = [[]];
  let x = 0;
  for (const unit of units) {
    const line = lines[lines.length - 1]!;
    if (line.length > 0 && x + unit.width > width) {
      lines.push([unit]);
      x = unit.width + GAP;
    } else {
      line.push(unit);
      x += unit.width + GAP;
    }
  }
  let y = 0;
  for (const line of lines) {
    const hasRamp = line.some((u) => u.ramp);
    const height = Math.max(...line.map((u) => u.height));
    let ux = 0;
    for (const unit of line) {
      // Swatches sit level with a ramp's colour bar when they share its line.
      const dy = !unit.ramp && hasRamp ? RAMP_BAR_TOP + RAMP_BAR_HEIGHT / 2 - SWATCH_HEIGHT / 2 : 0;
      unit.draw(g, ux, y + dy);
      ux += unit.width + GAP;
    }
    y += height + 4;
  }
  return { node: g, height: y - 4 };
}

function rampUnit(doc: Document, legend: RampLegend): Unit {
  const width = legend.width ?? 240;
  const [lo, hi] = legend.domain;
  const format = legend.tickFormat ?? String;
  return {
    width: width + 2 * RAMP_INSET,
    height: RAMP_HEIGHT,
    ramp: true,
    draw(parent, x, y) {
      const g = svgElement(doc, 'g', { class: 'panopticon-legend-ramp', transform: `translate(${px(x + RAMP_INSET)},${px(y)})` });
      g.append(svgElement(doc, 'text', { x: 0, y: 9, 'text-anchor': 'start', 'font-weight': 600 }, legend.label));
      const step = width / RAMP_STEPS;
      const bar = svgElement(doc, 'g', { 'shape-rendering': 'crispEdges' });
      for (let i = 0; i < RAMP_STEPS; i++) {
        const value = lo + ((i + 0.5) / RAMP_STEPS) * (hi - lo);
        bar.append(
          svgElement(doc, 'rect', {
            x: px(i * step),
            y: RAMP_BAR_TOP,
            width: px(step + 0.5),
            height: RAMP_BAR_HEIGHT,
            fill: legend.color(value),
          }),
        );
      }
      g.append(bar);
      for (const tick of legend.ticks) {
        const tx = px(hi === lo ? 0 : ((tick - lo) / (hi - lo)) * width);
        const tickTop = RAMP_BAR_TOP + RAMP_BAR_HEIGHT;
        g.append(svgElement(doc, 'line', { x1: tx, x2: tx, y1: RAMP_BAR_TOP, y2: tickTop + 3, stroke: 'currentColor' }));
        g.append(svgElement(doc, 'text', { x: tx, y: tickTop + 13, 'text-anchor': 'middle' }, format(tick)));
      }
      parent.append(g);
    },
  };
}

function swatchUnit(doc: Document, item: SwatchItem): Unit {
  const width = SWATCH_SIZE + 5 + textWidth(item.label);
  return {
    width,
    height: SWATCH_HEIGHT,
    ramp: false,
    draw(parent, x, y) {
      const g = svgElement(doc, 'g', { class: 'panopticon-legend-swatch', transform: `translate(${px(x)},${px(y)})` });
      const mid = SWATCH_HEIGHT / 2;
      const top = mid - SWATCH_SIZE / 2;
      switch (item.shape ?? 'square') {
        case 'line':
          g.append(
            svgElement(doc, 'line', {
              x1: 0,
              x2: SWATCH_SIZE,
              y1: mid,
              y2: mid,
              stroke: item.fill,
              'stroke-width': item.strokeWidth ?? 2,
              'stroke-dasharray': item.dashed ? '4,2' : null,
            }),
          );
          break;
        case 'tick':
          g.append(
            svgElement(doc, 'line', {
              x1: SWATCH_SIZE / 2,
              x2: SWATCH_SIZE / 2,
              y1: top,
              y2: top + SWATCH_SIZE,
              stroke: item.fill,
              'stroke-width': item.strokeWidth ?? 2,
            }),
          );
          break;
        case 'dot':
          g.append(
            svgElement(doc, 'circle', {
              cx: SWATCH_SIZE / 2,
              cy: mid,
              r: 4,
              fill: item.fill,
              stroke: item.stroke ?? null,
              'stroke-width': item.stroke ? (item.strokeWidth ?? 1) : null,
            }),
          );
          break;
        default:
          g.append(
            svgElement(doc, 'rect', {
              x: 0.5,
              y: top + 0.5,
              width: SWATCH_SIZE - 1,
              height: SWATCH_SIZE - 1,
              fill: item.fill,
              stroke: item.stroke ?? null,
              'stroke-width': item.stroke ? (item.strokeWidth ?? 1) : null,
            }),
          );
      }
      g.append(svgElement(doc, 'text', { x: SWATCH_SIZE + 5, y: mid, dy: '0.32em', 'text-anchor': 'start' }, item.label));
      parent.append(g);
    },
  };
}

/** The swatch for "nothing here" cells: the hatch pattern of the figure, outlined. */
export function emptySwatch(label: string, patternUrl: string): SwatchItem {
  return { label, fill: patternUrl, stroke: NEUTRAL_COLORS.outline, strokeWidth: 1 };
}

/** About `count` round tick values across [lo, hi] (1, 2 or 5 × 10ⁿ steps), always including lo. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  count = Math.max(1, count);
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
