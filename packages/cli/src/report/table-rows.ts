/**
 * The fixed downloads whose rows the page holds in columns (cell-columns.ts) rather than as CSV text, because
 * they grow with the leads: green → delivery has a row per lead that reached green. Its columns and cells are
 * `panopticon green-to-delivery`'s (green-to-delivery-rows.ts), for the page builder (page.ts) and the page's
 * script (embedded-data.ts writes the CSV when asked). Platform-neutral.
 *
 * @module
 */
import type { GreenToDeliveryRow } from '@panopticon/core';
import type { Cell } from '../format.js';
import { GREEN_TO_DELIVERY_CSV_COLUMNS, greenToDeliveryCsvCells } from '../green-to-delivery-rows.js';
import type { CellKind } from './cell-columns.js';

/** Each such download: its CSV columns and the kinds of its cells (a lead is two cells: id, name). */
export const TABLE_ROWS = {
  'green-to-delivery': {
    columns: GREEN_TO_DELIVERY_CSV_COLUMNS,
    kinds: ['lead', 'text', 'text', 'text', 'instant', 'instant', 'number', 'flag', 'flag'] as CellKind[],
  },
} as const;

/** The name of one (a `data-download`, also a fixed table's). */
export type TableRowsDownload = keyof typeof TABLE_ROWS;

/** The green → delivery rows as cells, in {@link TABLE_ROWS}' column order. */
export function greenToDeliveryCells(rows: readonly GreenToDeliveryRow[]): Cell[][] {
  return rows.map(greenToDeliveryCsvCells);
}
