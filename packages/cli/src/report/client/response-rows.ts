/**
 * The embedded response rows (controls-data.ts's delta-encoded columns) back as the plain
 * `{ createdAt, firstContactAt, team }` objects core's response functions read.
 *
 * @module
 */
import type { SlotLead } from '@panopticon/core';
import type { ResponseRowsData } from '../controls-data.js';

export function decodeResponseRows(rows: ResponseRowsData, teams: readonly string[]): SlotLead[] {
  const out: SlotLead[] = new Array(rows.created.length);
  let created = 0;
  for (let i = 0; i < rows.created.length; i++) {
    created += rows.created[i]!;
    const contact = rows.contact[i];
    const team = rows.team[i]!;
    out[i] = {
      createdAt: new Date(created),
      firstContactAt: contact === null || contact === undefined ? null : new Date(created + contact),
      team: team < 0 ? null : teams[team]!,
    };
  }
  return out;
}
