/**
 * CSV → KPIs: load lead exports (CSV), see what the data-quality check found, and print the headline
 * follow-up and response-time figures as of one day.
 *
 *   npm run example -- csv-to-kpis                      # the bundled sample (examples/data), as of 2026-10-31
 *   npm run example -- csv-to-kpis path/to/dir 2026-03-31 America/Chicago
 *
 * The directory holds leads.csv and, optionally, stage_history.csv, owner_history.csv and pipeline.json
 * (docs/data-formats.md describes the files).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endOfLocalDay, formatIssue, kpis, parseDayNumber, parsePipeline, summarizeResponses } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';

const sample = fileURLToPath(new URL('./data/', import.meta.url));
const [dir = sample, date = '2026-10-31', timeZone = 'America/New_York'] = process.argv.slice(2);
const file = (name: string) => join(dir, name);
const optional = (name: string) => (existsSync(file(name)) ? file(name) : undefined);

// 1. The pipeline: the stages, their categories and the thresholds (configuration, not code).
const pipeline = parsePipeline(JSON.parse(readFileSync(file('pipeline.json'), 'utf8')));

// 2. Load the files. Timestamps without an offset are wall-clock time in `timeZone`. Every row is either
//    accepted or reported: nothing is dropped silently.
const { leads, issues, stats } = await loadFiles({
  leads: file('leads.csv'),
  stageHistory: optional('stage_history.csv'),
  ownerHistory: optional('owner_history.csv'),
  timeZone,
  pipeline,
});
console.log(`Loaded ${stats.accepted} of ${stats.rows} rows (${stats.rejected} rejected), ${issues.length} issues:`);
for (const issue of issues.slice(0, 5)) console.log(`  ${formatIssue(issue)}`);
if (issues.length > 5) console.log(`  … and ${issues.length - 5} more`);

// 3. "Now" is an argument: the end of `date` in `timeZone`, so the figures are reproducible.
const asOf = endOfLocalDay(parseDayNumber(date), timeZone);
const k = kpis(leads, { asOf, timeZone, pipeline });
const r = summarizeResponses(leads, { slaMinutes: 60 });

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
console.log(`\nKPIs as of ${date} (${timeZone})`);
console.table({
  leads: k.leads,
  'appointed leads': k.appointed,
  'need attention': k.needsAttention,
  stale: k.stale,
  'at risk': k.atRisk,
  'stuck in green': k.stuckInGreen,
  'conversion rate': percent(k.conversionRate),
  'median days to intervention': k.medianDaysToIntervention ?? '–',
  'median days green → delivery': k.medianGreenToDeliveryDays ?? '–',
  '% answered within 60 min': r.pctWithinSla === null ? '–' : `${r.pctWithinSla.toFixed(1)} %`,
  'median response (min)': r.medianMinutes ?? '–',
});
