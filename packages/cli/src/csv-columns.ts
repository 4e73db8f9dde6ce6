/**
 * The rows of the CSV (and JSON) answers that both the commands and the dashboard's "Download CSV" write:
 * one definition of their columns and cells, so a download equals `panopticon … --format csv` for the same
 * question. Platform-neutral (type imports only): the dashboard's script bundles it with format.ts.
 *
 * @module
 */
import type { AttentionRow, DataIssue, HeatmapCell, SpeedToLeadRow } from '@panopticon/core';
import type { Cell } from './format.js';
import { isoString } from './format.js';
import { percentName, ratePercent, ratio } from './rate.js';

/** The columns of `panopticon attention --format csv`. */
export const ATTENTION_CSV_COLUMNS = ['leadId', 'name', 'locator', 'team', 'stage', 'appointmentAt', 'status', 'reason', 'days'] as const;

/** One needs-attention row as `panopticon attention` writes it (JSON and CSV). */
export interface AttentionJsonRow {
  leadId: string;
  name: string;
  locator: string | null;
  team: string | null;
  stage: string;
  /** ISO instant; `null` = none. */
  appointmentAt: string | null;
  status: string;
  reason: string;
  days: number;
}

export function attentionJsonRow(r: AttentionRow): AttentionJsonRow {
  return {
    leadId: r.leadId,
    name: r.name,
    locator: r.locator,
    team: r.team ?? null,
    stage: r.stage,
    appointmentAt: r.appointmentAt ? isoString(r.appointmentAt) : null,
    status: r.status,
    reason: r.reason,
    days: r.days,
  };
}

/**
 * The CSV cells of a needs-attention row, in {@link ATTENTION_CSV_COLUMNS} order; the appointment as a Date,
 * which `renderCsv` writes in the team's zone with its offset.
 */
export function attentionCsvCells(r: AttentionJsonRow): Cell[] {
  return ATTENTION_CSV_COLUMNS.map((c) => (c === 'appointmentAt' ? (r.appointmentAt === null ? null : new Date(r.appointmentAt)) : r[c]));
}

/** The columns of `panopticon heatmap --format csv`. */
export const HEATMAP_CSV_COLUMNS = [
  'day',
  'slot',
  'total',
  'contacted',
  'withinSla',
  'withinSlaPercent',
  'neverContacted',
  'invalid',
  'medianMinutes',
  'p90Minutes',
] as const;

/** One heatmap cell as `panopticon heatmap --format json` writes it: the rate as a ratio (`withinSlaRatio`). */
export function heatmapJsonCell(c: HeatmapCell) {
  return {
    day: c.day,
    weekday: c.weekday,
    slot: c.slot,
    total: c.total,
    contacted: c.contacted,
    withinSla: c.withinSla,
    withinSlaRatio: ratio(c.withinSla, c.total),
    neverContacted: c.neverContacted,
    invalid: c.invalid,
    medianMinutes: c.medianMinutes,
    p90Minutes: c.p90Minutes,
  };
}

/** The CSV cells of a heatmap cell, in {@link HEATMAP_CSV_COLUMNS} order: the rate as a percentage with one decimal. */
export function heatmapCsvCells(c: HeatmapCell): Cell[] {
  const json = heatmapJsonCell(c);
  return HEATMAP_CSV_COLUMNS.map((k) => (k === 'withinSlaPercent' ? ratePercent(json.withinSlaRatio) : json[k]));
}

/** The columns of `panopticon kpis --format csv` (and its table). */
export const KPIS_CSV_COLUMNS = ['metric', 'value'] as const;

/**
 * The KPI object as `panopticon kpis` prints it in its table and CSV: nested objects as "a.b" rows, a ratio
 * as a percentage with one decimal under its percent name (`followUp.conversionRatio` 0.2239 →
 * `followUp.conversionPercent` 22.4, rate.ts).
 */
export function kpisCsvRows(value: Record<string, unknown>, prefix = ''): Cell[][] {
  const rows: Cell[][] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) rows.push(...kpisCsvRows(v as Record<string, unknown>, name));
    else if (key.endsWith('Ratio')) rows.push([percentName(name), typeof v === 'number' || v === null ? ratePercent(v) : (v as Cell)]);
    else rows.push([name, v as Cell]);
  }
  return rows;
}

/** The columns of `panopticon check --format csv`: one data-quality issue a row. */
export const ISSUE_CSV_COLUMNS = ['severity', 'code', 'file', 'line', 'recordId', 'field', 'value', 'message'] as const;

/** The CSV cells of a data-quality issue, in {@link ISSUE_CSV_COLUMNS} order. */
export function issueCsvCells(issue: DataIssue): Cell[] {
  return ISSUE_CSV_COLUMNS.map((c) => issue[c]);
}

/** The columns of `panopticon survival --format csv` (`--of first-contact|stage|appointment-progress`): one row per step. */
export const SURVIVAL_CSV_COLUMNS = [
  'stage',
  'group',
  'time',
  'atRisk',
  'events',
  'censored',
  'survival',
  'lower',
  'upper',
  'median',
] as const;

/** One step of a curve as `panopticon survival --format json` writes it. */
export interface SurvivalJsonStep {
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** One curve as `panopticon survival --format json` writes it: `null` quantiles were not reached. */
export interface SurvivalJsonCurve {
  stage: string | null;
  group: string;
  cases: number;
  events: number;
  censored: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
  steps: SurvivalJsonStep[];
}

/** The CSV rows of survival curves, in {@link SURVIVAL_CSV_COLUMNS} order: every step of every curve, with its curve's median. */
export function survivalCsvRows(curves: readonly SurvivalJsonCurve[]): Cell[][] {
  return curves.flatMap((c) =>
    c.steps.map((s) => [c.stage, c.group, s.time, s.atRisk, s.events, s.censored, s.survival, s.lower, s.upper, c.median]),
  );
}

/** The columns of `panopticon survival --of speed-to-lead --format csv`: one row per response band. */
export const SPEED_TO_LEAD_CSV_COLUMNS = [
  'band',
  'leads',
  'converted',
  'notConverted',
  'open',
  'decided',
  'conversionRatio',
  'lower',
  'upper',
] as const;

/** One response band as `panopticon survival --of speed-to-lead --format json` writes it: `conversionRatio` (converted / decided, a ratio from 0 to 1, like kpis' `…Ratio` fields) and its
 * Wilson interval `lower`–`upper`, all null when no lead of it is decided. */
export interface SpeedToLeadJsonRow {
  band: string;
  leads: number;
  converted: number;
  notConverted: number;
  open: number;
  decided: number;
  conversionRatio: number | null;
  lower: number | null;
  upper: number | null;
}

export function speedToLeadJsonRow(r: SpeedToLeadRow): SpeedToLeadJsonRow {
  return {
    band: r.band,
    leads: r.leads,
    converted: r.converted,
    notConverted: r.notConverted,
    open: r.open,
    decided: r.decided,
    conversionRatio: r.conversion?.rate ?? null,
    lower: r.conversion?.lower ?? null,
    upper: r.conversion?.upper ?? null,
  };
}

/** The CSV cells of a response band, in {@link SPEED_TO_LEAD_CSV_COLUMNS} order. */
export function speedToLeadCsvCells(r: SpeedToLeadJsonRow): Cell[] {
  return SPEED_TO_LEAD_CSV_COLUMNS.map((k) => r[k]);
}
