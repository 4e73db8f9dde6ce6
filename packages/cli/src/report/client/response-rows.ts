/**
 * The embedded response rows (controls-data.ts's delta-encoded columns) back as the plain
 * `{ createdAt, firstContactAt, team }` objects core's response functions read.
 *
 * @module
 */
import type { SlotLead } from '@panopticon/core';
import { unpackCodes, unpackNullable } from '../codes.js';
import type { ResponseRowsData } from '../controls-data.js';

export function decodeResponseRows(rows: ResponseRowsData, teams: readonly string[]): SlotLead[] {
  const unit = rows.unitMs;
  const createdDeltas = unpackCodes(rows.created);
  const contacts = unpackNullable(rows.contact);
  const teamOf = unpackCodes(rows.team);
  const out: SlotLead[] = new Array(createdDeltas.length);
  let units = 0;
  for (let i = 0; i < out.length; i++) {
    units += createdDeltas[i]!;
    const created = units * unit;
    const c = contacts[i];
    const contact = c === null || c === undefined ? null : c * unit;
    const team = teamOf[i]!;
    out[i] = {
      createdAt: new Date(created),
      firstContactAt: contact === null || contact === undefined ? null : new Date(created + contact),
      team: team < 0 ? null : teams[team]!,
    };
  }
  return out;
}
