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
  scheduleCoverage,
  summarizeResponses,
  type AggregateBySlotOptions,
  type ComparisonPeriod,
  type DemandCoverageCell,
  type HeatmapCell,
  type HeatmapComparisonCell,
  type ResponseSummary,
  type Shift,
  type SlotLead,
} from '@panopticon/core';
import { dayRangePeriod } from '../../comparison-rows.js';
import { heatmapCsvCells } from '../../csv-columns.js';
import type { Cell } from '../../format.js';
import { SLOT_CHOICES, type DayRange } from '../controls-data.js';
import type { PageData } from '../page-data.js';
import { comparisonFigure, demandFigure, heatmapFigure } from '../response-figures.js';
import { responseSummaryText, slaBandTexts } from '../response-summary-text.js';
import { byId, controlsById, el, findById } from './dom.js';
import { replaceFigure } from './figure-dom.js';
import type { OffScreen } from './off-screen.js';
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
  /** Demand vs coverage and the comparison as the controls last redrew each; absent until they do (the page's own then). */
  redrawn(): { demand?: DemandCoverageCell[] | null; comparison?: HeatmapComparisonCell[] };
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
  /**
   * Decodes the embedded rows now. Nothing on the first screen needs them (the page builder drew the figures), so
   * the page asks for them when it is idle after its first render (main.ts); a control changed earlier decodes them itself.
   */
  prepare(): void;
}

export function setUpResponseView(data: PageData, offScreen: OffScreen): ResponseView {
  const c = data.controls;
  const initial: ResponseSettings = { slot: c.slotMinutes, sla: c.slaMinutes, clock: c.clock, team: '', a: c.periods.a, b: c.periods.b };
  let heatmapCsv: Cell[][] = data.heatmapCsv;
  const redrawn: ReturnType<ResponseView['redrawn']> = {};
  const teamListeners: ((team: string) => void)[] = [];
  const view: ResponseView = {
    heatmapCsv: () => {
      offScreen.flush();
      return heatmapCsv;
    },
    redrawn: () => {
      offScreen.flush();
      return redrawn;
    },
    settings: () => initial,
    initial: () => initial,
    apply: () => {},
    onTeam: (listener) => teamListeners.push(listener),
    replaceRows: () => false,
    prepare: () => {},
  };
  if (c.rows === null || !findById('v-slot')) return view;

  const embedded = c.rows;
  let rows: readonly SlotLead[] | null = null;
  const leadsNow = (): readonly SlotLead[] => (rows ??= decodeResponseRows(embedded, c.teams));
  view.prepare = () => void leadsNow();
  // Each team's rows, in their order, made when the team is first chosen: a team's figures are computed from its
  // rows alone (core's team filter, still set, keeps every one of them), not by reading every row of every team.
  const byTeam = new Map<string, readonly SlotLead[]>();
  const rowsOf = (team: string): readonly SlotLead[] => {
    const all = leadsNow();
    if (team === '') return all;
    let own = byTeam.get(team);
    if (own === undefined) {
      own = all.filter((lead) => lead.team === team);
      byTeam.set(team, own);
    }
    return own;
  };
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
  // The figures are computed and drawn when they are on screen, else when the browser is idle (off-screen.ts).
  const figures = byId('response');
  offScreen.watch(figures);
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
  // The settings each part of the figures was last made with (see recompute): at first the page builder's own.
  let rowsVersion = 0;
  /** What each part reads of the settings (and of the rows): the summary not the slot length, the heatmap not the periods. */
  const keysOf = (x: ResponseSettings) => {
    const summary = [rowsVersion, x.sla, x.clock, x.team].join('\u0000');
    const heatmap = [summary, x.slot].join('\u0000');
    return { summary, heatmap, comparison: [heatmap, x.a.from, x.a.to, x.b.from, x.b.to].join('\u0000') };
  };
  const made = keysOf(initial);
  // What the demand figure was last drawn from (null: the page builder's drawing, never compared).
  let drawnDemand: string | null = null;

  /** The instants of a day range (both days inclusive, as `--from` / `--to` read them); `null` when invalid. */
  const period = (range: DayRange): ComparisonPeriod | null => dayRangePeriod(range, data.timeZone);

  function recompute(): void {
    const s = read();
    const step = steps();
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
    status.textContent = '';
    drawn = s;
    offScreen.run(figures, () => redraw(s, a, b));
  }

  /** Computes and draws the figures whose settings changed since they were drawn (keysOf). */
  function redraw(s: ResponseSettings, a: ComparisonPeriod, b: ComparisonPeriod): void {
    const step = steps();
    const options: AggregateBySlotOptions = {
      timeZone: data.timeZone,
      asOf,
      slotMinutes: s.slot,
      slaMinutes: s.sla,
      clock: s.clock,
      ...(c.calendar ? { calendar: c.calendar } : {}),
      ...(s.team ? { team: s.team } : {}),
    };
    // Only the parts whose settings changed are computed and drawn again (keysOf).
    const { summary: summaryKey, heatmap: heatmapKey, comparison: comparisonKey } = keysOf(s);
    const redrawHeatmap = heatmapKey !== made.heatmap;
    const redrawSummary = summaryKey !== made.summary;
    const redrawComparison = comparisonKey !== made.comparison;
    let heatmap: HeatmapCell[] | null = null;
    let comparison: HeatmapComparisonCell[] | null = null;
    let summary: ResponseSummary | null = null;
    const leads = rowsOf(s.team);
    if (redrawHeatmap) heatmap = aggregateBySlot(leads, options);
    const coverage = redrawHeatmap && schedule ? scheduleCoverage(schedule, { slotMinutes: s.slot }) : null;
    // A lead counts in a period when created within it: the comparison reads only the rows created within
    // either period (the page's own rows are sorted by arrival: a slice, found by bisection).
    if (redrawComparison)
      comparison = comparePeriods(ownRows ? createdWithin(leads, Math.min(+a.from, +b.from), Math.max(+a.to, +b.to)) : leads, {
        ...options,
        current: a,
        previous: b,
      });
    if (redrawSummary) summary = summarizeResponses(leads, options);
    step('recompute');
    const figure = { timeZone: data.timeZone, slotMinutes: s.slot, slaMinutes: s.sla };
    if (heatmap !== null) {
      replaceFigure('response-heatmap', heatmapFigure({ ...figure, heatmap }, document));
      const demand = coverage ? demandVsCoverage(heatmap, coverage) : null;
      // Demand reads only the arrivals per slot and the reps on shift: an SLA or clock change leaves it as drawn.
      const demandKey = JSON.stringify([s.slot, demand]);
      if (demandKey !== drawnDemand) {
        replaceFigure('demand-vs-coverage', demandFigure({ ...figure, demand }, document));
        drawnDemand = demandKey;
      }
      redrawn.demand = demand;
      heatmapCsv = heatmap.map(heatmapCsvCells);
      made.heatmap = heatmapKey;
    }
    if (comparison !== null) {
      const labels = { currentLabel: s.a.from + ' to ' + s.a.to, previousLabel: s.b.from + ' to ' + s.b.to };
      replaceFigure('heatmap-comparison', comparisonFigure({ ...figure, ...labels, comparison }, document));
      redrawn.comparison = comparison;
      made.comparison = comparisonKey;
    }
    if (summary !== null) {
      findById('response-summary')?.replaceChildren(responseSummaryText(summary, s.sla));
      findById('response-bands')?.replaceChildren(
        ...slaBandTexts(summary.bands).map(([label, n]) => {
          const span = el('span', null, label + ': ');
          span.appendChild(el('strong', null, n));
          return span;
        }),
      );
      made.summary = summaryKey;
    }
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
    rowsVersion++;
    rows = next.leads;
    byTeam.clear();
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

/** Each step's time from the previous one, for scripts/measure-dashboard.mjs (performance entries named panopticon:…). */
function steps(): (name: string) => void {
  let t = performance.now();
  return (name) => {
    const now = performance.now();
    if (performance.measure) performance.measure('panopticon:' + name, { start: t, end: now });
    t = now;
  };
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
