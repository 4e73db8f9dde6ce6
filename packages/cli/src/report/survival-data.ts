/**
 * The dashboard's time-to-event figures: the curves and the speed-to-lead bands computed by the code of
 * `panopticon survival` (commands/survival.ts, commands/speed-to-lead-output.ts) with the page's settings
 * and no `--by`, so the page's curves, medians and downloads equal the command's output for the same data.
 *
 * @module
 */
import type { CannotJudge, JudgedQuestion, SpeedToLead } from '@panopticon/core';
import { speedToLeadJson, speedToLeadOf, type SpeedToLeadSettings } from '../commands/speed-to-lead-output.js';
import { survivalCurves, survivalJson, type CurveOf, type SurvivalCurves, type SurvivalSettings } from '../commands/survival.js';
import { speedToLeadCsvCells, survivalCsvRows } from '../csv-columns.js';
import type { Cell } from '../format.js';
import type { ReportLeads } from './lead-view.js';
import type { SurvivalDownload } from './survival-downloads.js';

/** A figure the data cannot give (the load's verdict on its question): the page says so instead of drawing it. */
export interface Unjudged {
  cannotJudge: string;
}

/** One curve panel: core's curves (drawn) and the command's JSON of them (the medians and the download). */
export interface CurvePanel {
  curves: SurvivalCurves;
  json: ReturnType<typeof survivalJson>;
}

/** The speed-to-lead panel: core's bands (drawn) and the command's JSON of them. */
export interface SpeedToLeadPanel {
  bands: SpeedToLead;
  json: ReturnType<typeof speedToLeadJson>;
}

/** Every time-to-event figure of the page. */
export interface ReportSurvival {
  /** `panopticon survival --of first-contact`. */
  firstContact: CurvePanel | Unjudged;
  /** `panopticon survival --of appointment-progress`. */
  appointmentProgress: CurvePanel | Unjudged;
  /** `panopticon survival --of speed-to-lead`. */
  speedToLead: SpeedToLeadPanel | Unjudged;
}

/** The settings the page's time-to-event figures read (those of `panopticon survival` but `--of` and `--by`). */
export type ReportSurvivalSettings = Omit<SurvivalSettings, 'survivalOf' | 'survivalBy'> & SpeedToLeadSettings;

/**
 * The page's time-to-event figures. A figure whose question the data cannot answer (no first-contact or no
 * appointment column) is `Unjudged`, as the command refuses it: every case would look open.
 */
export function reportSurvival(settings: ReportSurvivalSettings, leads: ReportLeads, unjudged: readonly CannotJudge[]): ReportSurvival {
  const verdict = (question: JudgedQuestion): Unjudged | null => {
    const found = unjudged.find((u) => u.question === question);
    return found ? { cannotJudge: found.message } : null;
  };
  const curve = (of: CurveOf): CurvePanel => {
    const curveSettings: SurvivalSettings = { ...settings, survivalOf: of, survivalBy: undefined };
    const curves = survivalCurves(curveSettings, leads.objects, leads.columns);
    return { curves, json: survivalJson(curveSettings, curves) };
  };
  const speed = (): SpeedToLeadPanel => {
    const bands = speedToLeadOf(settings, leads.columns);
    return { bands, json: speedToLeadJson(settings, bands) };
  };
  return {
    firstContact: verdict('response') ?? curve('first-contact'),
    appointmentProgress: verdict('follow-up') ?? curve('appointment-progress'),
    speedToLead: verdict('response') ?? speed(),
  };
}

/**
 * The CSV rows of each download, as `panopticon survival --format csv` writes them for the same `--of`
 * (the columns are csv-columns.ts's); `null` for a figure that cannot be judged.
 */
export function survivalDownloads(s: ReportSurvival): Record<SurvivalDownload, Cell[][] | null> {
  return {
    'first-contact-curve': 'cannotJudge' in s.firstContact ? null : survivalCsvRows(s.firstContact.json.curves),
    'appointment-progress-curve': 'cannotJudge' in s.appointmentProgress ? null : survivalCsvRows(s.appointmentProgress.json.curves),
    'speed-to-lead': 'cannotJudge' in s.speedToLead ? null : s.speedToLead.json.bands.map(speedToLeadCsvCells),
  };
}
