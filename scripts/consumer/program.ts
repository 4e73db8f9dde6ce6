// A consumer's program, compiled as ESM (program.mts) and as CommonJS (program.cts) by the consumer test:
// every public entry of the four packages, used as a developer of another tool would use it.
import { aggregateBySlot, formatIssue, needsAttention, parseLeads, parsePipeline } from '@panopticon/core';
import type { Lead, LoadResult } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import { responseHeatmapFigure, toSvgString } from '@panopticon/charts';
import { ZOHO_DATA_CENTERS } from '@panopticon/zoho-adapter';
import { main } from '@panopticon/cli';

export async function run(document: Document | undefined): Promise<Record<string, unknown>> {
  const timeZone = 'America/New_York';
  const pipeline = parsePipeline({
    stages: [
      { name: 'New', category: 'open' },
      { name: 'Won', category: 'won' },
    ],
  });
  const parsed: LoadResult = parseLeads(
    [
      { id: '1', stage: 'New', createdAt: '2026-03-02T09:10', firstContactAt: '2026-03-02T09:25', appointmentAt: '2026-03-05T10:00' },
      { id: '2', stage: 'New', createdAt: '2026-02-30T08:00' },
    ],
    { timeZone, pipeline },
  );
  const leads: Lead[] = parsed.leads;
  const csv = await loadFiles({
    leads: { text: 'lead_id,received_time,first_contact_time\n7,2026-03-02 09:00,2026-03-02 09:20\n' },
    timeZone,
  });
  const cells = aggregateBySlot([...leads, ...csv.leads], { timeZone, slotMinutes: 60, slaMinutes: 30 });
  const attention = needsAttention(leads, { asOf: new Date('2026-03-31T12:00:00Z'), timeZone, pipeline });
  const svg = document === undefined ? undefined : toSvgString(responseHeatmapFigure(cells, { document, timeZone }));
  return {
    leads: leads.length,
    issues: parsed.issues.map(formatIssue).length,
    csvLeads: csv.leads.length,
    cells: cells.map((c) => `${c.day} ${c.slot} ${c.withinSla}/${c.total}`),
    attention: attention.map((r) => `${r.leadId} ${r.reason} ${r.days}`),
    svg: svg === undefined ? null : svg.startsWith('<svg'),
    dataCenters: Object.keys(ZOHO_DATA_CENTERS).length > 0,
    cli: typeof main,
  };
}
