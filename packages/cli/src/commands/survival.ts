import {
  appointmentProgressSurvival,
  firstContactSurvival,
  stageSurvival,
  survivalQuantile,
  type ColumnarLeads,
  type KaplanMeierCurve,
  type KaplanMeierStep,
  type JudgedQuestion,
  type Lead,
  type SurvivalGroup,
  type SurvivalGroupingOptions,
} from '@panopticon/core';
import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, TABLE_FORMAT_OPTION, helpText, type OptionSpecs } from '../args.js';
import {
  SPEED_TO_LEAD_CSV_COLUMNS,
  SURVIVAL_CSV_COLUMNS,
  speedToLeadCsvCells,
  survivalCsvRows,
  type SurvivalJsonCurve,
  type SurvivalJsonStep,
} from '../csv-columns.js';
import { CliError } from '../errors.js';
import { renderJson, renderTable } from '../format.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { cannotJudge, loadInputs } from '../inputs.js';
import type { z } from 'zod';
import { SurvivalBySchema } from '../settings/definitions.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import { oneOf } from '../settings/setting.js';
import type { Command } from './command.js';
import { followUpOptions, formatInstant } from './follow-up-options.js';
import { speedToLeadJson, speedToLeadOf, speedToLeadOutput } from './speed-to-lead-output.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  of: {
    type: 'string',
    arg: 'first-contact|stage|appointment-progress|speed-to-lead',
    help: 'which time to event: to first contact (minutes), in each stage (days), from appointment to first progress (days); or speed-to-lead, conversion by response band; default first-contact',
  },
  by: {
    type: 'string',
    arg: 'team|source|period|arrival',
    help: 'one curve per team, source, period or arrival group (business hours vs evenings/weekends)',
  },
  period: { type: 'string', arg: 'month|week', help: 'with --by period: calendar months or weeks from Monday, in --tz (default: month)' },
  clock: {
    type: 'string',
    arg: 'wall|business',
    help: 'first-contact and speed-to-lead: count all minutes, or only business hours (default: wall)',
  },
  converted: {
    type: 'string',
    arg: 'won|green',
    help: 'speed-to-lead: converted = entered a won stage, or got as far as green (green, delivery or won); default won',
  },
  ...TABLE_FORMAT_OPTION,
  ...HELP_OPTION,
};

export const SURVIVAL_HELP = helpText(
  'panopticon survival [--of first-contact|stage|appointment-progress|speed-to-lead] [--by team|source|period|arrival] [--as-of DATE] [--tz ZONE] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'Time to event with the cases still open counted honestly (Kaplan–Meier): a lead not yet contacted, a stage\n' +
    'visit still running, an appointed lead still waiting for progress is censored at --as-of, never dropped and\n' +
    'never counted as ended. Prints the medians (the time by which half the cases ended; "not reached" when\n' +
    'fewer than half have) and the curve with its 95 % band. The table reads the curve at a few landmark times;\n' +
    'JSON and CSV give every step. --of speed-to-lead: conversion (won) by response band, with a 95 % Wilson\n' +
    'interval over the leads decided, the leads still open counted apart (an association, not a cause).',
  OPTIONS,
  'JSON output: { asOf, timeZone, source, of, by, unit, clock, confidence, counts, curves: [{ stage, group, cases, events,\n' +
    'censored, median, p75, p90, steps: [{ time, atRisk, events, censored, survival, lower, upper }] }] }; with\n' +
    '--of speed-to-lead: { asOf, timeZone, source, of, clock, convertedAt, confidence, counts, bands: [{ band, leads,\n' +
    'converted, notConverted, open, decided, conversionRatio, lower, upper }] } (conversionRatio: a ratio, 0 to 1).',
);

export const survivalCommand: Command<Settings> = { options: OPTIONS, help: SURVIVAL_HELP, settings: resolveSettings, run: survival };

/** One curve of the output: which stage (for `--of stage`) and group, and the curve. */
export interface LabelledCurve {
  stage: string | null;
  group: string;
  curve: KaplanMeierCurve;
}

/** What `--of` computes: its unit, the counts beside the curves, and the curves. */
export interface SurvivalCurves {
  unit: 'minutes' | 'days';
  counts: Record<string, number>;
  curves: LabelledCurve[];
}

/** The time-to-event questions of `--of` (speed-to-lead, the other value, is conversion by band: speed-to-lead-output.ts). */
export type CurveOf = Exclude<Settings['survivalOf'], 'speed-to-lead'>;

/** The settings {@link computeSurvival} reads. */
export type SurvivalSettings = Pick<
  Settings,
  'asOf' | 'timeZone' | 'pipeline' | 'dayCount' | 'calendar' | 'clock' | 'description' | 'periodUnit'
> & { survivalOf: CurveOf; survivalBy: SurvivalBy | undefined };

/** The groups of `--by` a survival curve can have. */
export type SurvivalBy = z.output<typeof SurvivalBySchema>;

/** The survival figures the settings ask for, from Lead objects: the CLI's JSON and the dashboard's data agree by construction. */
export function computeSurvival(settings: SurvivalSettings, leads: readonly Lead[]) {
  return survivalJson(settings, survivalCurves(settings, leads));
}

/** The JSON of `panopticon survival` for curves computed by {@link survivalCurves} with the same settings. */
export function survivalJson(settings: SurvivalSettings, result: SurvivalCurves) {
  return {
    asOf: settings.asOf.toISOString(),
    timeZone: settings.timeZone,
    source: settings.description,
    of: settings.survivalOf,
    by: settings.survivalBy ?? null,
    unit: result.unit,
    clock: settings.survivalOf === 'first-contact' ? settings.clock : null,
    confidence: 0.95,
    counts: result.counts,
    curves: result.curves.map(jsonCurve),
  };
}

/**
 * The curves (core's Kaplan–Meier objects) of `--of` with the settings' grouping, the overall `all` first; `columns`, when
 * the caller holds the same leads as columns, feed the first-contact curves (no copy of the objects into columns).
 */
export function survivalCurves(settings: SurvivalSettings, leads: readonly Lead[], columns?: ColumnarLeads): SurvivalCurves {
  const { asOf, timeZone, calendar } = settings;
  const grouping: SurvivalGroupingOptions = {
    ...(settings.survivalBy ? { by: settings.survivalBy } : {}),
    periodUnit: settings.periodUnit,
    timeZone,
    ...(calendar ? { calendar } : {}),
  };
  const withGroups = (stage: string | null, curve: KaplanMeierCurve, groups: SurvivalGroup[]): LabelledCurve[] => [
    { stage, group: 'all', curve },
    ...groups.map((g) => ({ stage, group: g.group, curve: g.curve })),
  ];
  if (settings.survivalOf === 'first-contact') {
    const s = firstContactSurvival(columns?.leads ?? leads, { asOf, clock: settings.clock, ...grouping });
    return { unit: 'minutes', counts: { leads: s.leads, invalid: s.invalid }, curves: withGroups(null, s.curve, s.groups) };
  }
  if (settings.survivalOf === 'stage') {
    const rows = stageSurvival(leads, { asOf, pipeline: settings.pipeline, ...grouping });
    return { unit: 'days', counts: {}, curves: rows.flatMap((r) => withGroups(r.stage, r.curve, r.groups)) };
  }
  const s = appointmentProgressSurvival(leads, { ...followUpOptions(settings), ...grouping });
  return {
    unit: 'days',
    counts: { appointed: s.appointed, closedWithoutProgress: s.closedWithoutProgress },
    curves: withGroups(null, s.curve, s.groups),
  };
}

function jsonCurve({ stage, group, curve }: LabelledCurve): SurvivalJsonCurve {
  return {
    stage,
    group,
    cases: curve.cases,
    events: curve.events,
    censored: curve.censored,
    median: curve.median,
    p75: survivalQuantile(curve, 0.75),
    p90: survivalQuantile(curve, 0.9),
    steps: curve.steps.map(jsonStep),
  };
}

function jsonStep(s: KaplanMeierStep): SurvivalJsonStep {
  return { time: s.time, atRisk: s.atRisk, events: s.events, censored: s.censored, survival: s.survival, lower: s.lower, upper: s.upper };
}

async function survival(settings: Settings, io: Io): Promise<number> {
  assertTabularTarget(settings, 'survival');
  const of = settings.survivalOf;
  if (of === 'speed-to-lead' && settings.groupBy !== undefined) {
    throw new CliError(`--by does not apply to --of speed-to-lead (one row per response band); got --by ${settings.groupBy}.`, 2);
  }
  const by = settings.groupBy === undefined ? undefined : oneOf('by', SurvivalBySchema)(settings.groupBy, io);
  const data = await loadInputs(settings, io);
  // Without the column a question needs, every case would look open (never contacted, never progressed):
  // a curve that reads as "not reached" when the truth is "not known".
  const question = SURVIVAL_QUESTION[of];
  const unjudged = question === null ? undefined : cannotJudge(data, question);
  if (unjudged) throw new CliError(`panopticon survival: ${unjudged.message}`, 1);
  if (of === 'speed-to-lead') {
    const answer = speedToLeadOf(settings, data.leads);
    const { format } = settings;
    if (isTabularFormat(format)) {
      const rows = speedToLeadJson(settings, answer).bands.map(speedToLeadCsvCells);
      await writeTabular({ ...settings, format }, io, 'survival', SPEED_TO_LEAD_CSV_COLUMNS, rows);
    } else io.out(speedToLeadOutput(settings, answer));
    return 0;
  }
  const curveSettings = { ...settings, survivalOf: of, survivalBy: by };
  const result = computeSurvival(curveSettings, data.leads);
  const { format } = settings;
  if (format === 'json') io.out(renderJson(result));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'survival', SURVIVAL_CSV_COLUMNS, survivalCsvRows(result.curves));
  else io.out(table(result, settings));
  return 0;
}

/** The question of the load's verdict (inputs.ts) each `--of` needs answered; time in stage needs neither column. */
const SURVIVAL_QUESTION: Record<Settings['survivalOf'], JudgedQuestion | null> = {
  'first-contact': 'response',
  'speed-to-lead': 'response',
  'appointment-progress': 'follow-up',
  stage: null,
};

/** Where the table reads the curve: times a reader knows (the SLA bands' edges; a day, a week, a month). */
const LANDMARKS = { minutes: [5, 15, 60, 240, 1440], days: [1, 7, 14, 30, 90] } as const;

const TITLES = {
  'first-contact': 'Time to first contact',
  stage: 'Time in stage',
  'appointment-progress': 'Time from appointment to first progress',
} as const;

function table(result: ReturnType<typeof computeSurvival>, settings: Settings): string {
  const { unit, curves } = result;
  const u = unit === 'minutes' ? 'min' : 'd';
  const shown = (t: number | null, cases: number) => (cases === 0 ? 'no cases' : t === null ? 'not reached' : `${round(t)} ${u}`);
  const withStage = result.of === 'stage';
  const head = [...(withStage ? ['stage'] : []), 'group', 'cases', 'ended', 'open', 'median', '75 % by', '90 % by'];
  const summary = curves.map((c) => [
    ...(withStage ? [c.stage] : []),
    c.group,
    c.cases,
    c.events,
    c.censored,
    shown(c.median, c.cases),
    shown(c.p75, c.cases),
    shown(c.p90, c.cases),
  ]);
  const landmarks = LANDMARKS[unit];
  const still = curves
    .filter((c) => c.cases > 0)
    .map((c) => [
      ...(withStage ? [c.stage] : []),
      c.group,
      ...landmarks.map((t) => {
        const step = c.steps.findLast((s) => s.time <= t);
        if (step === undefined) return '100 %';
        const band = step.lower === null || step.upper === null ? '' : ` (${pct(step.lower)}–${pct(step.upper)})`;
        return `${pct(step.survival)}${band}`;
      }),
    ]);
  const counts = Object.entries(result.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `${TITLES[result.of]} as of ${formatInstant(settings.asOf, settings.timeZone)} (${settings.timeZone})` +
    `${result.clock ? `, ${result.clock} clock` : ''}${counts ? `; ${counts}` : ''}\n` +
    'Open cases are censored at the as-of instant (Kaplan–Meier); "not reached": fewer than that share has ended.\n\n' +
    renderTable(head, summary) +
    (still.length === 0
      ? ''
      : `\nStill open after … (95 % band)\n\n${renderTable([...(withStage ? ['stage'] : []), 'group', ...landmarks.map((t) => `${t} ${u}`)], still)}`)
  );
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}
