import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { leadAt } from '../model/lead-columns.js';
import { summarizeResponses } from '../response/summary.js';
import { loadFiles as loadCsv, loadFilesColumnar as loadCsvColumnar } from '../sources/tables/load-files.js';
import type { HistoryColumns } from '../model/history-columns.js';
import { leadsArb, optionsArb, permute } from './arbitraries.js';
import { needsAttention } from './attention.js';
import { columnarLeadsOf } from './columnar-leads.js';
import { kpis } from './kpis.js';
import { greenToDelivery } from './green-to-delivery.js';
import { timeToIntervention } from './intervention.js';
import { locatorScorecard } from './scorecard.js';
import { speedToLead } from '../survival/speed-to-lead.js';

/** The generated leads as the three CSV files, rows shuffled, with some rows the readers reject or warn about. */
function toCsv(leads: readonly Lead[], seed: number, numericIds: boolean, locatorColumn: boolean, blankStages: boolean) {
  const id = (i: number) => (numericIds ? String(5000 + i) : `L${i}`);
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '');
  // A first contact for three leads in four, some of them before the lead arrived (a warning, and `invalid` in the summary).
  const contact = (l: Lead, i: number) => (i % 4 === 0 ? '' : iso(new Date(l.createdAt.getTime() + (((i * 37) % 200) - 20) * 60_000)));
  const leadRows = leads.map(
    (l, i) =>
      `${id(i)},${l.name},${locatorColumn ? `${l.locator ?? ''},` : ''}${l.team ?? ''},${blankStages && i % 3 === 0 ? '' : l.stage},${iso(l.createdAt)},${iso(l.appointmentAt)},${contact(l, i)}`,
  );
  leadRows.push(`${id(leads.length)},Broken,${locatorColumn ? ',' : ''},New,not a time,,`);
  const stageRows: string[] = [];
  const ownerRows: string[] = [];
  leads.forEach((l, i) => {
    for (const e of l.stageHistory) stageRows.push(`${id(i)},${e.stage},${iso(e.at)}`);
    for (const e of l.ownerHistory ?? []) ownerRows.push(`${id(i)},${e.locator ?? ''},${iso(e.at)}`);
  });
  stageRows.push(`${id(leads.length)},New,2025-01-02T00:00:00Z`, `${id(0)},New,yesterday`, `999999,Lost,2025-01-02T00:00:00Z`);
  ownerRows.push(`${id(leads.length + 7)},ana,2025-01-02T00:00:00Z`);
  return {
    leads: `lead_id,name,${locatorColumn ? 'locator,' : ''}team,stage,received_time,appointment_time,first_contact_time\n${permute(leadRows, seed).join('\n')}\n`,
    stageHistory: `lead_id,stage,changed_at\n${permute(stageRows, seed + 1).join('\n')}\n`,
    ownerHistory: `lead_id,locator,changed_at\n${permute(ownerRows, seed + 2).join('\n')}\n`,
  };
}

/** The histories of lead `i` rebuilt from columns, as loadCsv attaches them. */
function rows(columns: HistoryColumns, i: number): { value: string | null; at: number }[] {
  const out = [];
  for (let k = columns.offsets[i]!; k < columns.offsets[i + 1]!; k++) {
    out.push({ value: columns.code[k]! < 0 ? null : columns.values[columns.code[k]!]!, at: columns.at[k]! });
  }
  return out;
}

/** How the generated leads are written and read: ids, columns, blank stages, stalled leads listed, an owner file. */
const writtenAs = fc.record({
  seed: fc.nat(),
  numericIds: fc.boolean(),
  locatorColumn: fc.boolean(),
  blankStages: fc.boolean(),
  includeStalled: fc.boolean(),
  owners: fc.boolean(),
});

describe('needsAttention, kpis and summarizeResponses on columns', () => {
  it('equal the object path on the same CSV files: leads, histories, issues, stats, rows and figures', async () => {
    await fc.assert(
      fc.asyncProperty(leadsArb(30), optionsArb, writtenAs, async (generated, options, how) => {
        const files = toCsv(generated, how.seed, how.numericIds, how.locatorColumn, how.blankStages);
        const load = {
          leads: { text: files.leads },
          stageHistory: { text: files.stageHistory },
          ...(how.owners ? { ownerHistory: { text: files.ownerHistory } } : {}),
          timeZone: options.timeZone,
          pipeline: options.pipeline,
        };
        const objects = await loadCsv(load);
        const columns = await loadCsvColumnar(load);

        const { leads: _leads, stages: _stages, owners: _owners, ...rest } = columns;
        const { leads: _objects, ...objectRest } = objects;
        expect(rest).toEqual(objectRest);
        expect(columns.leads.length).toBe(objects.leads.length);
        objects.leads.forEach((lead, i) => {
          const { stageHistory, ownerHistory, ...fields } = lead;
          expect({ ...leadAt(columns.leads, i), stageHistory: undefined }).toEqual({ ...fields, stageHistory: undefined });
          expect(rows(columns.stages, i)).toEqual(stageHistory.map((e) => ({ value: e.stage, at: e.at.getTime() })));
          expect(rows(columns.owners, i)).toEqual((ownerHistory ?? []).map((e) => ({ value: e.locator, at: e.at.getTime() })));
        });

        const metricOptions = { ...options, includeStalled: how.includeStalled };
        const expectedRows = needsAttention(objects.leads, metricOptions);
        const expectedKpis = kpis(objects.leads, metricOptions);
        // Both ways into columns: read from the files, and laid out from the loaded objects.
        const expectedGreen = greenToDelivery(objects.leads, metricOptions);
        const expectedScorecard = locatorScorecard(objects.leads, metricOptions);
        const expectedIntervention = timeToIntervention(objects.leads, metricOptions);
        const expectedSpeed = speedToLead(objects.leads, metricOptions);
        for (const data of [columns, columnarLeadsOf(objects.leads)]) {
          expect(needsAttention(data, metricOptions)).toEqual(expectedRows);
          expect(kpis(data, metricOptions)).toEqual(expectedKpis);
          expect(greenToDelivery(data, metricOptions)).toEqual(expectedGreen);
          expect(locatorScorecard(data, metricOptions)).toEqual(expectedScorecard);
          expect(timeToIntervention(data, metricOptions)).toEqual(expectedIntervention);
          expect(speedToLead(data, metricOptions)).toEqual(expectedSpeed);
        }
        const summaryOptions = { slaMinutes: 30, to: options.asOf, ...(how.seed % 2 === 0 ? { team: ['north'] } : {}) };
        expect(summarizeResponses(columns.leads, summaryOptions)).toEqual(summarizeResponses(objects.leads, summaryOptions));
      }),
      { numRuns: 300 },
    );
  });
});
