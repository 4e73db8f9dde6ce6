/**
 * The analysis controls (section-controls.ts): Slot length, SLA (minutes), Clock, Team, Period A and Period
 * B. A change recomputes the response heatmap, demand vs coverage, the SLA bands and summary, and the
 * comparison of the two periods from the embedded rows with core's own functions (bundled into this script
 * from `@panopticon/core`, the same code `panopticon heatmap` runs), and redraws the figures with
 * `@panopticon/charts` as the page builder drew them (response-figures.ts). Team changes are also announced
 * to the needs-attention list, the appointments and the scorecard.
 *
 * @module
 */
import {
  aggregateBySlot,
  comparePeriods,
  demandVsCoverage,
  parseDayNumber,
  scheduleCoverage,
  startOfLocalDay,
  summarizeResponses,
  type AggregateBySlotOptions,
  type ComparisonPeriod,
  type DemandCoverageCell,
  type HeatmapCell,
  type HeatmapComparisonCell,
  type Shift,
  type SlotLead,
} from '@panopticon/core';
import { heatmapCsvCells } from '../../csv-columns.js';
import type { Cell } from '../../format.js';
import { SLOT_CHOICES, type DayRange } from '../controls-data.js';
import type { PageData } from '../page-data.js';
import { responseFigures } from '../response-figures.js';
import { responseSummaryText, slaBandTexts } from '../response-summary-text.js';
import { byId, controlsById, el, findById } from './dom.js';
import { replaceFigure } from './figure-dom.js';
import { decodeResponseRows } from './response-rows.js';

/** What the controls are set to. */
export interface ResponseSettings {
  slot: number;
  sla: number;
  clock: 'wall' | 'business';
  /** "" = all teams. */
  team: string;
  a: DayRange;
  b: DayRange;
}

export interface ResponseView {
  /** The heatmap's cells as `panopticon heatmap --format csv` writes them, for the current settings. */
  heatmapCsv(): Cell[][];
  /** Demand vs coverage and the comparison as the controls last redrew them; `null` until they do (the page's own then). */
  redrawn(): { demand: DemandCoverageCell[] | null; comparison: HeatmapComparisonCell[] } | null;
  /** The settings now, and those the page was written with. */
  settings(): ResponseSettings;
  initial(): ResponseSettings;
  /** Sets the controls (each value checked; an invalid one is left as it was) and recomputes. */
  apply(settings: Partial<ResponseSettings>): void;
  /** Called with the team after every change of the Team control (while the controls show the report's data). */
  onTeam(listener: (team: string) => void): void;
  /**
   * Recomputes from other rows (an export opened in the page, client/open-file.ts): the Team control then offers
   * their teams and narrows only the response figures (the other panels keep the report's data). `false` when
   * the controls are fixed (the page holds no rows to recompute from).
   */
  replaceRows(rows: { leads: readonly SlotLead[]; schedule: readonly Shift[] | null; teams: readonly string[] }): boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function setUpResponseView(data: PageData): ResponseView {
  const c = data.controls;
  const initial: ResponseSettings = { slot: c.slotMinutes, sla: c.slaMinutes, clock: c.clock, team: '', a: c.periods.a, b: c.periods.b };
  let heatmapCsv: Cell[][] = data.heatmapCsv;
  let redrawn: ReturnType<ResponseView['redrawn']> = null;
  const teamListeners: ((team: string) => void)[] = [];
  const view: ResponseView = {
    heatmapCsv: () => heatmapCsv,
    redrawn: () => redrawn,
    settings: () => initial,
    initial: () => initial,
    apply: () => {},
    onTeam: (listener) => teamListeners.push(listener),
    replaceRows: () => false,
  };
  if (c.rows === null || !findById('v-slot')) return view;

  let leads: readonly SlotLead[] = decodeResponseRows(c.rows, c.teams);
  let schedule: readonly Shift[] | null = c.schedule;
  let ownRows = true;
  const asOf = new Date(c.asOf);
  const controls = controlsById('v-', {
    slot: 'select',
    sla: 'input',
    clock: 'select',
    team: 'select',
    aFrom: 'input',
    aTo: 'input',
    bFrom: 'input',
    bTo: 'input',
  });
  const reset = byId<HTMLButtonElement>('v-reset');
  const status = byId('v-status');
  for (const control of [...Object.values(controls), reset]) control.disabled = false;

  const read = (): ResponseSettings => ({
    slot: Number(controls.slot.value),
    sla: Number(controls.sla.value),
    clock: controls.clock.value === 'business' ? 'business' : 'wall',
    team: controls.team.value,
    a: { from: controls.aFrom.value, to: controls.aTo.value },
    b: { from: controls.bFrom.value, to: controls.bTo.value },
  });
  let drawn = read();
  let lastTeam = drawn.team;

  /** The instants of a day range (both days inclusive, as `--from` / `--to` read them); `null` when invalid. */
  const period = (range: DayRange): ComparisonPeriod | null => {
    const from = ISO_DAY.test(range.from) ? parseDayNumber(range.from) : Number.NaN;
    const to = ISO_DAY.test(range.to) ? parseDayNumber(range.to) : Number.NaN;
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
    return { from: startOfLocalDay(from, data.timeZone), to: startOfLocalDay(to + 1, data.timeZone) };
  };

  function recompute(): void {
    const s = read();
    // Each step's time, for scripts/measure-dashboard.mjs (performance entries named panopticon:…).
    let t = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      if (performance.measure) performance.measure('panopticon:' + name, { start: t, end: now });
      t = now;
    };
    if (s.team !== lastTeam) {
      lastTeam = s.team;
      if (ownRows) for (const listener of teamListeners) listener(s.team);
      step('team-panels');
    }
    const problems: string[] = [];
    if (!SLOT_CHOICES.includes(s.slot as (typeof SLOT_CHOICES)[number]))
      problems.push('Slot length must be one of ' + SLOT_CHOICES.join(', ') + '.');
    if (!(Number.isInteger(s.sla) && s.sla >= 1 && s.sla <= 10080)) problems.push('SLA (minutes) must be a whole number from 1 to 10080.');
    const a = period(s.a);
    const b = period(s.b);
    if (!a) problems.push('Period A needs two dates, the first not after the second.');
    if (!b) problems.push('Period B needs two dates, the first not after the second.');
    if (problems.length > 0 || !a || !b) {
      status.replaceChildren(el('strong', null, 'Not redrawn: '), problems.join(' '));
      return;
    }
    const options: AggregateBySlotOptions = {
      timeZone: data.timeZone,
      asOf,
      slotMinutes: s.slot,
      slaMinutes: s.sla,
      clock: s.clock,
      ...(c.calendar ? { calendar: c.calendar } : {}),
      ...(s.team ? { team: s.team } : {}),
    };
    const heatmap: HeatmapCell[] = aggregateBySlot(leads, options);
    const coverage = schedule ? scheduleCoverage(schedule, { slotMinutes: s.slot }) : null;
    // A lead counts in a period when created within it: the comparison reads only the rows created within
    // either period (the page's own rows are sorted by arrival: a slice, found by bisection).
    const comparison = comparePeriods(ownRows ? createdWithin(leads, Math.min(+a.from, +b.from), Math.max(+a.to, +b.to)) : leads, {
      ...options,
      current: a,
      previous: b,
    });
    const summary = summarizeResponses(leads, options);
    step('recompute');
    const demand = coverage ? demandVsCoverage(heatmap, coverage) : null;
    redrawn = { demand, comparison };
    const figures = responseFigures(
      {
        timeZone: data.timeZone,
        slotMinutes: s.slot,
        slaMinutes: s.sla,
        heatmap,
        demand,
        comparison,
        currentLabel: s.a.from + ' to ' + s.a.to,
        previousLabel: s.b.from + ' to ' + s.b.to,
      },
      document,
    );
    replaceFigure('response-heatmap', figures.heatmap);
    replaceFigure('demand-vs-coverage', figures.demand);
    replaceFigure('heatmap-comparison', figures.comparison);
    heatmapCsv = heatmap.map(heatmapCsvCells);
    findById('response-summary')?.replaceChildren(responseSummaryText(summary, s.sla));
    findById('response-bands')?.replaceChildren(
      ...slaBandTexts(summary.bands).map(([label, n]) => {
        const span = el('span', null, label + ': ');
        span.appendChild(el('strong', null, n));
        return span;
      }),
    );
    status.textContent = '';
    drawn = s;
    step('redraw');
  }

  const set = (settings: Partial<ResponseSettings>): void => {
    if (settings.slot !== undefined && SLOT_CHOICES.includes(settings.slot as (typeof SLOT_CHOICES)[number]))
      controls.slot.value = String(settings.slot);
    if (settings.sla !== undefined && Number.isInteger(settings.sla) && settings.sla >= 1 && settings.sla <= 10080)
      controls.sla.value = String(settings.sla);
    if (settings.clock === 'wall' || settings.clock === 'business') controls.clock.value = settings.clock;
    if (settings.team !== undefined && (settings.team === '' || c.teams.includes(settings.team))) controls.team.value = settings.team;
    for (const [key, from, to] of [
      ['a', controls.aFrom, controls.aTo],
      ['b', controls.bFrom, controls.bTo],
    ] as const) {
      const range = settings[key];
      if (range && period(range)) {
        from.value = range.from;
        to.value = range.to;
      }
    }
  };

  for (const control of Object.values(controls)) control.addEventListener('change', recompute);
  reset.addEventListener('click', () => {
    set(initial);
    recompute();
  });
  view.replaceRows = (next) => {
    if (ownRows && lastTeam !== '') for (const listener of teamListeners) listener('');
    ownRows = false;
    leads = next.leads;
    schedule = next.schedule;
    lastTeam = '';
    const all = el('option', null, 'All teams');
    all.value = '';
    controls.team.replaceChildren(all, ...next.teams.map((t) => el('option', null, t)));
    controls.team.value = '';
    recompute();
    return true;
  };
  view.settings = () => drawn;
  view.apply = (settings) => {
    set(settings);
    recompute();
  };
  return view;
}

/** The rows created in `[fromMs, toMs)` of rows sorted by arrival. */
function createdWithin(rows: readonly SlotLead[], fromMs: number, toMs: number): readonly SlotLead[] {
  const first = (ms: number) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (+rows[mid]!.createdAt < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return rows.slice(first(fromMs), first(toMs));
}
