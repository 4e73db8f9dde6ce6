/**
 * The frame of the figures that give each item its own horizontal row (pipeline snapshot, time in stage,
 * needs attention by locator, green → delivery): the rows top to bottom as a y band with their names left
 * of it, a gridded value axis along x, and a height that grows with the number of rows.
 *
 * @internal
 * @module
 */
import type * as Plot from '@observablehq/plot';
import { labelMargin, truncate } from './format.js';

/** What sets one row figure's frame apart. */
export interface RowBandFrame {
  document: Document;
  width: number;
  /** The rows, top to bottom. */
  rows: readonly string[];
  /** How a row's name is printed left of it; the left margin fits the longest. Default: cut to 28 characters. */
  rowLabel?: (row: string) => string;
  /** The label of the rows' axis. */
  rowsLabel: string;
  /** Height of one row in pixels. */
  rowHeight: number;
  /** Space between rows, as a fraction of a row. */
  padding: number;
  /** The value axis: its label, and what it sets beyond a grid and rounded ends. */
  x: Plot.ScaleOptions;
  /** Default 30: room for the x axis label above the rows. */
  marginTop?: number;
  marginRight: number;
}

const MARGIN_BOTTOM = 36;

/** The Plot options of the frame; the figure adds its colour scale and marks. */
export function rowBandPlotOptions(frame: RowBandFrame): Plot.PlotOptions {
  const { rowLabel = (row: string) => truncate(row, 28), marginTop = 30 } = frame;
  return {
    document: frame.document,
    width: frame.width,
    height: marginTop + frame.rows.length * frame.rowHeight + MARGIN_BOTTOM,
    marginLeft: labelMargin(frame.rows.map((row) => rowLabel(row))),
    marginRight: frame.marginRight,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    x: { labelAnchor: 'center', grid: true, nice: true, ...frame.x },
    y: {
      type: 'band',
      domain: frame.rows,
      label: frame.rowsLabel,
      labelAnchor: 'top',
      tickSize: 0,
      tickFormat: rowLabel,
      padding: frame.padding,
    },
  };
}
