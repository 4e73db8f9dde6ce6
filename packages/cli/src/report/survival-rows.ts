/**
 * The time-to-event downloads as the page embeds them. A curve's CSV has a row per step with the survival
 * and its band as long decimals (a 100,000-lead page's follow-up curve: 58,000 rows, 6 MB); the page holds
 * instead each step's time (whole milliseconds, as deltas), its events and censorings, and its band's bounds
 * as the bits of their doubles, and rebuilds the rows when the download is asked for with core's own
 * Kaplan–Meier estimator (bundled), which gives the same steps and survival from the same cases (sums,
 * products and quotients are exact in every engine). The band is not estimated again: its logarithms and
 * powers may differ in the last bit between JavaScript engines (Node's and a browser's). A step without
 * events keeps the band of the step before (1 at the start). The page builder checks that the rows come back
 * exactly and embeds them as they are when they would not. Platform-neutral.
 *
 * @module
 */
import { kaplanMeier, survivalQuantile, type SurvivalCase } from '@panopticon/core';
import { survivalCsvRows } from '../csv-columns.js';
import type { Cell } from '../format.js';
import { deltas, packCodes, undoDeltas, unpackCodes, type Codes } from './codes.js';

/** One curve's steps: its stage and group, each step's time in ms (deltas; the time is ms / `unitMs`), events and censorings. */
export interface CurveSteps {
  stage: string | null;
  group: string;
  unitMs: number;
  time: number[];
  events: Codes;
  censored: Codes;
  /** The band's lower and upper bounds of each step with events, as little-endian doubles in base 64 (NaN = none). */
  band: string;
}

/** A download's rows: its curves' steps, or (when they would not come back exactly) the rows themselves. */
export type EmbeddedRows = { curves: CurveSteps[] } | { rows: Cell[][] };

/** The units a curve's times are counted in (core divides whole milliseconds by one of them). */
const UNITS_MS = [86_400_000, 60_000, 1_000, 1];

/** The rows of a curve download (csv-columns.ts's survivalCsvRows), encoded; the rows themselves when that is not exact. */
export function embedCurveRows(rows: Cell[][]): EmbeddedRows {
  const curves: CurveSteps[] = [];
  for (let start = 0; start < rows.length; ) {
    const [stage, group] = rows[start]!;
    let end = start;
    while (end < rows.length && rows[end]![0] === stage && rows[end]![1] === group) end++;
    const steps = rows.slice(start, end);
    const times = steps.map((r) => r[2] as number);
    const unitMs = UNITS_MS.find((u) => times.every((t) => Math.round(t * u) / u === t));
    if (unitMs === undefined || typeof group !== 'string' || (stage !== null && typeof stage !== 'string')) return { rows };
    const bounds = steps.filter((r) => (r[4] as number) > 0).flatMap((r) => [r[7], r[8]]);
    if (!bounds.every((b) => b === null || typeof b === 'number')) return { rows };
    curves.push({
      stage: stage as string | null,
      group,
      unitMs,
      time: deltas(times.map((t) => Math.round(t * unitMs))),
      events: packCodes(steps.map((r) => r[4] as number)),
      censored: packCodes(steps.map((r) => r[5] as number)),
      band: doublesBase64(bounds.map((b) => (b === null ? Number.NaN : (b as number)))),
    });
    start = end;
  }
  const embedded = { curves };
  return JSON.stringify(curveRows(embedded)) === JSON.stringify(rows) ? embedded : { rows };
}

/** The rows back: each curve estimated again from its cases by core's kaplanMeier, written as the CLI writes them. */
export function curveRows(embedded: EmbeddedRows): Cell[][] {
  if ('rows' in embedded) return embedded.rows;
  return embedded.curves.flatMap((c) => {
    const time = undoDeltas(c.time);
    const events = unpackCodes(c.events);
    const censored = unpackCodes(c.censored);
    const cases: SurvivalCase[] = [];
    time.forEach((ms, i) => {
      const duration = ms / c.unitMs;
      for (let k = 0; k < events[i]!; k++) cases.push({ duration, event: true });
      for (let k = 0; k < censored[i]!; k++) cases.push({ duration, event: false });
    });
    const curve = kaplanMeier(cases);
    const band = base64Doubles(c.band);
    let k = 0;
    let lower: number | null = 1;
    let upper: number | null = 1;
    const steps = curve.steps.map((step) => {
      if (step.events > 0) {
        const [l, u] = [band[k++]!, band[k++]!];
        lower = Number.isNaN(l) ? null : l;
        upper = Number.isNaN(u) ? null : u;
      }
      return { ...step, lower, upper };
    });
    // The curve as the command's JSON has it (its counts and median are the estimator's own).
    const quantiles = { p75: survivalQuantile(curve, 0.75), p90: survivalQuantile(curve, 0.9) };
    return survivalCsvRows([{ ...curve, ...quantiles, stage: c.stage, group: c.group, steps }]);
  });
}

/** Doubles as the base-64 text of their little-endian bytes (exact, 10.7 characters each). */
function doublesBase64(values: readonly number[]): string {
  const bytes = new Uint8Array(new Float64Array(values).buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/** The doubles of {@link doublesBase64}'s text. */
function base64Doubles(text: string): Float64Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float64Array(bytes.buffer);
}
