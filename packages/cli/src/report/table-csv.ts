/**
 * The "Download CSV" files of the page's fixed tables and figures (the ones no control filters): the KPI
 * tiles, needs attention by locator, the pipeline snapshot and trend, time in stage, demand vs coverage, the
 * period comparison, the leads resolved since the earlier list and the data-quality issues. Each is written
 * here, by the CLI's own renderCsv, and embedded as text: the page saves it as is. (Green → delivery, a row
 * per lead, is embedded in columns: table-rows.ts.) Each file's rows and columns are a command's, from the
 * same row builder: the KPI file equals `panopticon kpis --format csv`, the issues file `panopticon check
 * --format csv`, needs attention by locator `panopticon attention --by locator --format csv`, time in stage
 * `panopticon time-in-stage --format csv`, the pipeline snapshot and trend `panopticon pipeline [--trend]`,
 * demand vs coverage and the period comparison `panopticon heatmap --demand` / `--compare`, and the resolved
 * list `panopticon attention --resolved`, each for the same data, as-of and options.
 *
 * @module
 */
import { ATTENTION_BY_LOCATOR_CSV_COLUMNS, attentionByLocator, attentionByLocatorCsvCells } from '../attention-by-locator.js';
import { TIME_IN_STAGE_CSV_COLUMNS, timeInStageCsvCells, timeInStageRows } from '../time-in-stage-rows.js';
import { ISSUE_CSV_COLUMNS, KPIS_CSV_COLUMNS, issueCsvCells, kpisCsvRows } from '../csv-columns.js';
import { COMPARISON_CSV_COLUMNS, comparisonCsvCells } from '../comparison-rows.js';
import { DEMAND_CSV_COLUMNS, demandCsvCells } from '../demand-rows.js';
import { renderCsv } from '../format.js';
import {
  PIPELINE_SNAPSHOT_CSV_COLUMNS,
  PIPELINE_TREND_CSV_COLUMNS,
  pipelineSnapshotCsvCells,
  pipelineTrendCsvCells,
} from '../pipeline-rows.js';
import { RESOLVED_CSV_COLUMNS, resolvedCsvCells } from '../resolved-rows.js';
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
    // As `panopticon pipeline [--trend] --format csv`.
    snapshot: renderCsv(PIPELINE_SNAPSHOT_CSV_COLUMNS, model.snapshot.map(pipelineSnapshotCsvCells)),
    trend: renderCsv(PIPELINE_TREND_CSV_COLUMNS, model.trend.map(pipelineTrendCsvCells)),
    // As `panopticon heatmap --compare --format csv` (the page's script writes it again when the controls redraw it).
    comparison: renderCsv(COMPARISON_CSV_COLUMNS, model.comparison.map(comparisonCsvCells)),
    // As `panopticon attention --resolved --format csv`.
    resolved: renderCsv(RESOLVED_CSV_COLUMNS, model.resolved.map(resolvedCsvCells)),
    // As `panopticon check --format csv`: the issues the page lists, in its order.
    quality: renderCsv(ISSUE_CSV_COLUMNS, model.issues.map(issueCsvCells)),
  };
  if (model.demand) {
    // As `panopticon heatmap --demand --format csv`.
    files.demand = renderCsv(DEMAND_CSV_COLUMNS, model.demand.map(demandCsvCells));
  }
  return files;
}
