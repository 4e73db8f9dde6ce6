import { OWNER_HISTORY_OFF } from '../commands/kpis.js';
import type { JudgedQuestion } from '@panopticon/core';
import { ratePercent } from '../rate.js';
import type { KpisJson, ReportModel } from './model.js';

/** How a tile's number is shown. */
export type TileKind = 'count' | 'rate' | 'days';

/** One KPI tile: a number from `panopticon kpis --format json`, named by its path in that JSON. */
export interface Tile {
  /** Path of the value in the KPI JSON, e.g. `followUp.stale`. */
  kpi: string;
  label: string;
  value: number | null;
  kind: TileKind;
  sub: string;
  /** A palette class (`s-stale`, `r-stuck-in-green`) colouring the tile's edge, and its number when non-zero. */
  tone?: string;
  /** The question the figure answers: when the data cannot answer it, the tile says "cannot judge". */
  question: JudgedQuestion;
  /** The value 7 days earlier (`undefined`: no history computed; `null`: no data then). */
  weekAgo?: number | null;
  /** Weekly values over eight weeks, oldest first, the last being `value`. */
  weekly?: (number | null)[];
}

/** A figure that is a number, else null ("not measured" has no change to show). */
const numberOrNull = (v: number | string | null): number | null => (typeof v === 'number' ? v : null);

/** The tiles' values, by their path in the KPI JSON. */
const PICK: Record<string, (k: KpisJson) => number | null> = {
  'followUp.appointed': (k) => k.followUp.appointed,
  'followUp.conversionRatio': (k) => k.followUp.conversionRatio,
  'followUp.stale': (k) => k.followUp.stale,
  'followUp.atRisk': (k) => k.followUp.atRisk,
  'followUp.stuckInGreen': (k) => k.followUp.stuckInGreen,
  'followUp.stalled': (k) => k.followUp.stalled,
  'followUp.medianDaysToIntervention': (k) => numberOrNull(k.followUp.medianDaysToIntervention),
  'response.withinSlaRatio': (k) => k.response.withinSlaRatio,
};

/**
 * The change of a tile against a week earlier, as shown: counts and days as a signed number, rates in
 * percentage points with one decimal (rate.ts); `null` when either side has no data.
 */
export function formatChange(now: number | null, before: number | null, kind: TileKind): string | null {
  if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
  const d = now - before;
  const text = kind === 'count' ? formatCount(Math.abs(d)) : kind === 'rate' ? ratePercent(Math.abs(d))! : Math.abs(d).toFixed(1);
  if (Number(text.replace(/,/g, '')) === 0) return 'no change';
  const unit = kind === 'rate' ? ' pts' : kind === 'days' ? ' days' : '';
  return `${d > 0 ? '+' : '−'}${text}${unit}`;
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return count.format(n);
}

/** Days: whole days as is, otherwise one decimal. */
export function formatDays(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * A tile's number as shown, split into the number and its unit: a count (1,234), a rate as a percentage
 * with one decimal (0.2239 → 22.4 %, rate.ts), days (11 days).
 * `null` (no data) is an em dash.
 */
export function formatTileValue(value: number | null, kind: TileKind): { number: string; unit: string } {
  if (value === null || !Number.isFinite(value)) return { number: '—', unit: '' };
  switch (kind) {
    case 'count':
      return { number: formatCount(value), unit: '' };
    case 'rate':
      return { number: ratePercent(value)!, unit: '%' };
    case 'days':
      return { number: formatDays(value), unit: value === 1 ? 'day' : 'days' };
  }
}

/** The eight KPI tiles, in reading order, each with its week's change and weekly history when computed. */
export function kpiTiles(model: ReportModel): Tile[] {
  const history = model.kpiHistory;
  return baseTiles(model).map((t) => {
    const pick = PICK[t.kpi]!;
    return history ? { ...t, weekAgo: pick(history.weekAgo), weekly: history.weekly.map(pick) } : t;
  });
}

/** The tiles, in reading order: what is at stake, what is going wrong, how fast we act. */
function baseTiles(model: ReportModel): Tile[] {
  const k = model.kpis.followUp;
  const r = model.kpis.response;
  const p = model.pipeline;
  const stale = model.followUp.staleAfterDays ?? p.staleAfterDays;
  const warn = model.followUp.warnAfterDays ?? p.warnAfterDays;
  const green = model.followUp.greenStuckAfterDays ?? p.greenStuckAfterDays;
  const unit = model.followUp.dayCount === 'business' ? 'business days' : 'days';
  return [
    {
      kpi: 'followUp.appointed',
      label: 'Appointed leads',
      value: k.appointed,
      kind: 'count',
      sub: `of ${formatCount(k.leads)} leads`,
      question: 'follow-up',
    },
    {
      kpi: 'followUp.conversionRatio',
      label: 'Conversion rate',
      value: k.conversionRatio,
      kind: 'rate',
      sub: 'of appointed leads were won',
      question: 'follow-up',
    },
    {
      kpi: 'followUp.stale',
      label: 'Stale',
      value: k.stale,
      kind: 'count',
      sub: `${stale}+ ${unit}, no progress`,
      tone: 's-stale',
      question: 'follow-up',
    },
    {
      kpi: 'followUp.atRisk',
      label: 'At risk',
      value: k.atRisk,
      kind: 'count',
      sub: `${warn}+ ${unit}, no progress`,
      tone: 's-at-risk',
      question: 'follow-up',
    },
    {
      kpi: 'followUp.stuckInGreen',
      label: 'Stuck in green',
      value: k.stuckInGreen,
      kind: 'count',
      sub: `${green}+ ${unit} in green`,
      tone: 'r-stuck-in-green',
      question: 'follow-up',
    },
    {
      kpi: 'followUp.stalled',
      label: 'Stalled',
      value: k.stalled,
      kind: 'count',
      sub: 'progressed, then held a stage past its limit',
      tone: 'r-stalled',
      question: 'follow-up',
    },
    typeof k.medianDaysToIntervention === 'string' || typeof k.pendingIntervention === 'string'
      ? // The source has no owner changes: no number rather than a wrong one, saying why.
        {
          kpi: 'followUp.medianDaysToIntervention',
          label: 'Intervention time',
          value: null,
          kind: 'days',
          sub: OWNER_HISTORY_OFF,
          question: 'follow-up',
        }
      : {
          kpi: 'followUp.medianDaysToIntervention',
          label: 'Intervention time',
          value: k.medianDaysToIntervention,
          kind: 'days',
          sub: `median, after going cold · ${formatCount(k.pendingIntervention)} still waiting`,
          question: 'follow-up',
        },
    {
      kpi: 'response.withinSlaRatio',
      label: 'Within SLA',
      value: r.withinSlaRatio,
      kind: 'rate',
      sub: `${formatCount(r.withinSla)} of ${formatCount(r.total)} new leads in ${model.slaMinutes} min`,
      question: 'response',
    },
  ];
}
