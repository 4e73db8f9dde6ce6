import { survivalMessages } from './messages.js';
import { twoSidedZ } from './normal-quantile.js';

/**
 * One case of a time-to-event question: how long it ran, and whether it ended (`event: true`) or was still
 * running when observation stopped (`event: false`, censored at `duration`).
 *
 * @example
 * ```ts
 * const contacted: SurvivalCase = { duration: 12.5, event: true }; // answered after 12.5 minutes
 * const waiting: SurvivalCase = { duration: 90, event: false }; // still waiting 90 minutes after arrival
 * ```
 */
export interface SurvivalCase {
  /** Time from the start to the event, or to censoring; a finite number ≥ 0, in any unit. */
  duration: number;
  /** True when the event happened at `duration`; false when the case was censored there. */
  event: boolean;
}

/**
 * The Kaplan–Meier curve at one distinct time of the data: the survival `S(t)` just after `time` and its
 * confidence band ({@link kaplanMeier}).
 *
 * @example
 * ```ts
 * const first: KaplanMeierStep = kaplanMeier(cases).steps[0]!;
 * console.log(`${first.atRisk} at risk at ${first.time}: ${first.events} ended, S = ${first.survival}`);
 * ```
 */
export interface KaplanMeierStep {
  /** The time. */
  time: number;
  /** Cases still running just before `time` (duration ≥ `time`): censorings at `time` are at risk, as events come first. */
  atRisk: number;
  /** Cases that ended at `time`. */
  events: number;
  /** Cases censored at `time`. */
  censored: number;
  /** The estimated share of cases still running after `time`: the product of (1 − events / atRisk) up to it. */
  survival: number;
  /** Greenwood's standard error of `survival`: S · √Σ d / (n (n − d)); null where it is undefined (S = 0). */
  standardError: number | null;
  /** Lower bound of the band (log-log transform); null where undefined (S = 0). */
  lower: number | null;
  /** Upper bound of the band (log-log transform); null where undefined (S = 0). */
  upper: number | null;
}

/**
 * A Kaplan–Meier estimate ({@link kaplanMeier}): its steps and the figures read from them.
 *
 * @example
 * ```ts
 * const curve: KaplanMeierCurve = kaplanMeier(cases);
 * console.log(curve.median ?? 'not reached: more than half the cases are still running');
 * ```
 */
export interface KaplanMeierCurve {
  /** Cases. */
  cases: number;
  /** Cases that ended. */
  events: number;
  /** Cases censored. */
  censored: number;
  /** The confidence level of the bands. */
  confidence: number;
  /** One step per distinct time of the data (events or censorings), ascending. `S(t) = 1` before the first. */
  steps: KaplanMeierStep[];
  /** The time by which half the cases have ended: {@link survivalQuantile} at 0.5; null when never reached. */
  median: number | null;
}

/**
 * Options of {@link kaplanMeier}.
 *
 * @example
 * ```ts
 * kaplanMeier(cases, { confidence: 0.9 } satisfies KaplanMeierOptions);
 * ```
 */
export interface KaplanMeierOptions {
  /** Two-sided level of the bands, strictly between 0 and 1. Default 0.95. */
  confidence?: number;
}

/**
 * The Kaplan–Meier estimate of the share of cases still running after each time, counting censored cases
 * honestly: a case censored at `t` is at risk up to and including `t` (at a tie, events come before
 * censorings) and drops out after it, never counted as ended. `S(t) = Π (1 − dᵢ / nᵢ)` over the times
 * `tᵢ ≤ t` with `dᵢ` events among the `nᵢ` cases at risk. Confidence bands: Greenwood's variance with the
 * log-log transform, `S^exp(±z · σ / |ln S|)` with `σ² = Σ dᵢ / (nᵢ (nᵢ − dᵢ))` (the default of R's
 * `survfit(conf.type = "log-log")` and of lifelines), so bands stay inside [0, 1].
 * Throws a `RangeError` naming a case whose duration is negative or not a finite number.
 *
 * @example
 * ```ts
 * const curve = kaplanMeier([
 *   { duration: 6, event: true }, { duration: 6, event: false }, { duration: 10, event: true }, { duration: 12, event: false },
 * ]);
 * curve.steps.map((s) => [s.time, s.atRisk, s.survival]); // [[6, 4, 0.75], [10, 2, 0.375], [12, 1, 0.375]]
 * curve.median; // 10
 * ```
 */
export function kaplanMeier(cases: readonly SurvivalCase[], options: KaplanMeierOptions = {}): KaplanMeierCurve {
  twoSidedZ(options.confidence ?? 0.95); // the options are checked before the cases, as the estimator checks them
  const columns = new SurvivalCaseColumns(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const { duration, event } = cases[i]!;
    // Checked here as well, while the value is as given: a column would read "5" as 5 and undefined as NaN.
    if (typeof duration !== 'number') throw new RangeError(survivalMessages.invalidDuration(i, duration));
    columns.add(duration, event);
  }
  return kaplanMeierOfColumns(columns, options);
}

/**
 * Cases held as two columns (durations, and whether each ended), so that a curve over a million leads
 * makes no object per case: what the survival figures collect, and what {@link kaplanMeierOfColumns} reads.
 *
 * @internal
 */
export class SurvivalCaseColumns {
  /** The cases' durations; only the first `length` are cases. */
  durations: Float64Array;
  /** 1 where the case ended at its duration, 0 where it was censored there. */
  events: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.durations = new Float64Array(Math.max(1, capacity));
    this.events = new Uint8Array(this.durations.length);
  }

  add(duration: number, event: boolean): void {
    if (this.length === this.durations.length) {
      const durations = new Float64Array(this.length * 2);
      durations.set(this.durations);
      const events = new Uint8Array(this.length * 2);
      events.set(this.events);
      this.durations = durations;
      this.events = events;
    }
    this.durations[this.length] = duration;
    this.events[this.length++] = event ? 1 : 0;
  }
}

/**
 * {@link kaplanMeier} of cases held as columns: the estimator itself. Throws a `RangeError` naming the
 * first case (by position) whose duration is negative or not a finite number.
 *
 * @internal
 */
export function kaplanMeierOfColumns(cases: SurvivalCaseColumns, options: KaplanMeierOptions = {}): KaplanMeierCurve {
  const confidence = options.confidence ?? 0.95;
  const z = twoSidedZ(confidence);
  const steps: KaplanMeierStep[] = [];
  const events = walkSteps(cases, (time, atRisk, d, censored, survival, greenwood) => {
    steps.push(step(time, atRisk, d, censored, survival, greenwood, z));
    return false;
  });
  const n = cases.length;
  const curve: KaplanMeierCurve = { cases: n, events, censored: n - events, confidence, steps, median: null };
  curve.median = survivalQuantile(curve, 0.5);
  return curve;
}

/**
 * The `median` of {@link kaplanMeierOfColumns}'s curve, without the curve: the same walk over the same sorted
 * times (so the same products, bit for bit), stopped at the step {@link survivalQuantile} would pick, with no
 * step object or confidence band made. For a figure that prints the median alone (`panopticon kpis`).
 * Throws the `RangeError` the curve would throw.
 *
 * @internal
 */
export function kaplanMeierMedianOfColumns(cases: SurvivalCaseColumns): number | null {
  const level = quantileLevel(0.5);
  let median: number | null = null;
  walkSteps(cases, (time, _atRisk, d, _censored, survival) => {
    if (!reaches(d, survival, level)) return false;
    median = time;
    return true;
  });
  return median;
}

/**
 * The estimator's walk: refuses a bad duration (by position), then visits each distinct time ascending with
 * the cases at risk just before it, its events and censorings, `S` just after it and Greenwood's sum, until
 * `visit` returns true. Returns the number of events.
 */
function walkSteps(
  cases: SurvivalCaseColumns,
  visit: (time: number, atRisk: number, events: number, censored: number, survival: number, greenwood: number) => boolean,
): number {
  const { durations, events: ends } = cases;
  const n = cases.length;
  let events = 0;
  for (let i = 0; i < n; i++) {
    const duration = durations[i]!;
    // A Float64Array holds only numbers: NaN and the infinities are what is left to refuse.
    if (!Number.isFinite(duration) || duration < 0) throw new RangeError(survivalMessages.invalidDuration(i, duration));
    events += ends[i]!;
  }
  // Only the counts per time matter: the event and the censoring durations each sorted as numbers (no
  // comparator, so a hundred thousand leads sort in milliseconds), then walked together by time.
  const ended = new Float64Array(events);
  const censoredAt = new Float64Array(n - events);
  for (let i = 0, e = 0, c = 0; i < n; i++) {
    if (ends[i] === 1) ended[e++] = durations[i]!;
    else censoredAt[c++] = durations[i]!;
  }
  ended.sort();
  censoredAt.sort();
  let atRisk = n;
  let survival = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  for (let e = 0, c = 0; e < ended.length || c < censoredAt.length; ) {
    const time = Math.min(
      e < ended.length ? ended[e]! : Number.POSITIVE_INFINITY,
      c < censoredAt.length ? censoredAt[c]! : Number.POSITIVE_INFINITY,
    );
    let d = 0;
    for (; e < ended.length && ended[e] === time; e++) d++;
    const c0 = c;
    for (; c < censoredAt.length && censoredAt[c] === time; c++);
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood = atRisk === d ? Number.POSITIVE_INFINITY : greenwood + d / (atRisk * (atRisk - d));
    }
    if (visit(time, atRisk, d, c - c0, survival, greenwood)) break;
    atRisk -= d + c - c0;
  }
  return events;
}

/** One step with Greenwood's standard error and the log-log band (one object: a curve may have a step per case). */
function step(
  time: number,
  atRisk: number,
  events: number,
  censored: number,
  survival: number,
  greenwood: number,
  z: number,
): KaplanMeierStep {
  if (survival === 0) return { time, atRisk, events, censored, survival, standardError: null, lower: null, upper: null };
  if (survival === 1) return { time, atRisk, events, censored, survival, standardError: 0, lower: 1, upper: 1 };
  const sigma = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
  return {
    time,
    atRisk,
    events,
    censored,
    survival,
    standardError: survival * Math.sqrt(greenwood),
    lower: survival ** Math.exp(z * sigma),
    upper: survival ** Math.exp(-z * sigma),
  };
}

/**
 * The time by which a share `q` of the cases has ended: the first step time at which the curve is at or
 * below `1 − q` (so 0.5 is the median, 0.9 the time by which 90 % have ended). `null` when the curve never
 * falls that low: too many cases are still running to say, and nothing is extrapolated. `q = 0` gives 0.
 * Throws a `RangeError` for a `q` outside [0, 1].
 *
 * @example
 * ```ts
 * const curve = kaplanMeier(cases);
 * survivalQuantile(curve, 0.9) ?? 'not reached';
 * ```
 */
export function survivalQuantile(curve: Pick<KaplanMeierCurve, 'steps'>, q: number): number | null {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw new RangeError(survivalMessages.invalidQuantile(q));
  if (q === 0) return 0;
  const level = quantileLevel(q);
  for (const step of curve.steps) if (reaches(step.events, step.survival, level)) return step.time;
  return null;
}

/** The survival at or below which a share `q` has ended: a tiny tolerance, so that a share reached exactly (2 of 4 ended: 0.5) is not missed by rounding of the product. */
const quantileLevel = (q: number): number => 1 - q + 1e-12;

/** Whether a step with `events` events and survival `survival` after it is where the curve reaches `level`. */
const reaches = (events: number, survival: number, level: number): boolean => events > 0 && survival <= level;

/**
 * The curve's value `S(t)`: the share of cases estimated to be still running after `t` (1 before the first
 * step; after the last step, the last value).
 *
 * @example
 * ```ts
 * survivalAt(kaplanMeier(cases), 60); // the share of leads not yet contacted an hour after arrival
 * ```
 */
export function survivalAt(curve: Pick<KaplanMeierCurve, 'steps'>, t: number): number {
  let s = 1;
  for (const step of curve.steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}
