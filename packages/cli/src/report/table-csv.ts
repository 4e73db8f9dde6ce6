/**
 * The "Download CSV" files of the page's fixed tables and figures (the ones no control filters): the KPI
 * tiles, needs attention by locator, the pipeline snapshot and trend, time in stage, demand vs coverage, the
 * period comparison, the leads resolved since the earlier list and the data-quality issues. Each is written
 * here, by the CLI's own renderCsv, and embedded as text: the page saves it as is. (Green → delivery, a row
 * per lead, is embedded in columns: table-rows.ts.) Where a command answers the same question its rows and
 * columns are the command's: the KPI file equals `panopticon kpis --format csv`, the issues file `panopticon
 * check --format csv`, needs attention by locator `panopticon attention --by locator --format csv`, time in
 * stage `panopticon time-in-stage --format csv`.
 *
 * @module
 */
import { ATTENTION_BY_LOCATOR_CSV_COLUMNS, attentionByLocator, attentionByLocatorCsvCells } from '../attention-by-locator.js';
import { TIME_IN_STAGE_CSV_COLUMNS, timeInStageCsvCells, timeInStageRows } from '../time-in-stage-rows.js';
import { ISSUE_CSV_COLUMNS, KPIS_CSV_COLUMNS, issueCsvCells, kpisCsvRows } from '../csv-columns.js';
import { RESOLUTION_TEXT } from '../digest/messages.js';
import { type Cell, renderCsv } from '../format.js';
import { ratePercent, ratio } from '../rate.js';
import type { ReportModel } from './model.js';
import type { TableDownload } from './page-data.js';

/** The CSV text of each fixed table or figure but table-rows.ts's; a figure without data (no schedule: no demand) has none. */
export function tableCsvFiles(model: ReportModel): Partial<Record<TableDownload, string>> {
  const zone = model.timeZone;
  const files: Partial<Record<TableDownload, string>> = {
    // As `panopticon kpis --format csv`: the as-of an instant in the team's zone.
    kpis: renderCsv(KPIS_CSV_COLUMNS, kpisCsvRows({ ...model.kpis, asOf: new Date(model.kpis.asOf) }), zone),
    'attention-by-locator': renderCsv(
      ATTENTION_BY_LOCATOR_CSV_COLUMNS,
      attentionByLocator(model.attention).map(attentionByLocatorCsvCells),
    ),
    'time-in-stage': renderCsv(
      TIME_IN_STAGE_CSV_COLUMNS,
      timeInStageRows(model.leads, { asOf: model.asOf, pipeline: model.pipeline }).map(timeInStageCsvCells),
    ),
    snapshot: renderCsv(
      ['stage', 'category', 'count'],
      model.snapshot.map((r) => [r.stage, r.category, r.count]),
    ),
    trend: renderCsv(
      ['date', 'stage', 'category', 'count'],
      model.trend.map((r) => [r.date, r.stage, r.category, r.count]),
    ),
    comparison: renderCsv(
      [
        'day',
        'slot',
        'currentTotal',
        'currentWithinSla',
        'currentWithinSlaPercent',
        'previousTotal',
        'previousWithinSla',
        'previousWithinSlaPercent',
        'deltaTotal',
      ],
      model.comparison.map((c): Cell[] => [
        c.day,
        c.slot,
        c.current.total,
        c.current.withinSla,
        ratePercent(ratio(c.current.withinSla, c.current.total)),
        c.previous.total,
        c.previous.withinSla,
        ratePercent(ratio(c.previous.withinSla, c.previous.total)),
        c.deltaTotal,
      ]),
    ),
    resolved: renderCsv(
      ['leadId', 'name', 'was', 'why', 'stage', 'status', 'locator'],
      model.resolved.map((r) => [r.id, r.name, r.was, RESOLUTION_TEXT[r.why], r.stage, r.status, r.locator]),
    ),
    // As `panopticon check --format csv`: the issues the page lists, in its order.
    quality: renderCsv(ISSUE_CSV_COLUMNS, model.issues.map(issueCsvCells)),
  };
  if (model.demand) {
    files.demand = renderCsv(
      ['day', 'slot', 'leads', 'reps', 'uncovered'],
      model.demand.map((c) => [c.day, c.slot, c.leads, c.reps, c.uncovered]),
    );
  }
  return files;
}
