/**
 * Green → delivery a row per lead, as `panopticon green-to-delivery` prints it and the dashboard's figure
 * downloads it (report/table-rows.ts embeds these cells): one definition of the columns and cells.
 * Platform-neutral (type imports only): the page's script writes the CSV from them.
 *
 * @module
 */
import type { GreenToDeliveryRow } from '@panopticon/core';
import type { Cell } from './format.js';

/** The columns of `panopticon green-to-delivery --format csv`. */
export const GREEN_TO_DELIVERY_CSV_COLUMNS = [
  'leadId',
  'name',
  'locator',
  'stage',
  'category',
  'greenAt',
  'deliveryAt',
  'days',
  'done',
  'stuck',
] as const;

/** A row's CSV cells, in {@link GREEN_TO_DELIVERY_CSV_COLUMNS} order (instants as Dates: CSV writes them in the team's zone). */
export function greenToDeliveryCsvCells(r: GreenToDeliveryRow): Cell[] {
  return [r.leadId, r.name, r.locator, r.stage, r.category, r.greenAt, r.deliveryAt, r.days, r.done, r.stuck];
}
